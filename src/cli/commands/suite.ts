import { randomInt } from 'node:crypto';
import type { Argv, CommandModule } from 'yargs';
import { OptionInvalidError } from '../../common/errors.js';
import { createLogger } from '../../common/logger.js';
import { runSuite, type SuiteEvent, type SuiteResult } from '../../engine/run-suite.js';
import { listScenarioNames } from '../../scenario/load.js';
import { createSuiteDisplay } from '../suite-display.js';
import { streamOutput } from '../present.js';
import { exitOnInterrupt, interruptSignal } from '../process.js';

export interface SuiteArgs {
  seed?: string;
  scenario?: string[];
  concurrency?: number;
  rules?: string[];
  reportDir: string;
  json: boolean;
}

/** The options `sim suite` and `sim coverage` share: both run every scenario in virtual time. */
export function suiteOptions(yargs: Argv): Argv<SuiteArgs> {
  return yargs
    .option('seed', {
      type: 'string',
      describe: 'Seed for every scenario (default: random, printed)',
    })
    .option('scenario', { type: 'string', array: true, describe: 'Run only these scenarios' })
    .option('concurrency', {
      type: 'string',
      describe: 'promtool processes at once (default: the number of cores)',
      coerce: parseConcurrency,
    })
    .option('rules', {
      type: 'string',
      array: true,
      describe: 'Rule files to test instead of stack/prometheus/rules/*.yml',
    })
    .option('report-dir', {
      type: 'string',
      default: 'reports',
      describe: 'Where <run-id>/ is written',
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'Print the suite summary as JSON on stdout',
    })
    .check((argv) => {
      if (argv.seed !== undefined && argv.seed.trim() === '') {
        throw new OptionInvalidError('--seed is empty; give any text or number, e.g. --seed 42');
      }
      const known = listScenarioNames();
      const unknown = (argv.scenario ?? []).filter((name) => !known.includes(name));
      if (unknown.length > 0) {
        throw new OptionInvalidError(
          `--scenario ${unknown.join(', ')}: not a shipped scenario; known: ${known.join(', ')}`,
          { hint: 'a suite runs shipped scenarios by name; `sim run <file>` runs a scenario file' },
        );
      }
      return true;
    }) as unknown as Argv<SuiteArgs>;
}

/** Read as text so that a bad value is named as it was typed, not as NaN. */
function parseConcurrency(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 1) {
    throw new OptionInvalidError(`--concurrency ${text} is not a whole number of at least 1`, {
      hint: 'e.g. --concurrency 2; the default is the number of cores',
    });
  }

  return value;
}

function builder(yargs: Argv): Argv<SuiteArgs> {
  return suiteOptions(yargs)
    .example('$0 suite', 'Every scenario in virtual time; JUnit in reports/<run-id>/junit.xml')
    .example(
      '$0 suite --seed 42 --scenario safety-incident burn-rate-spike',
      'Two scenarios, seed 42',
    ) as unknown as Argv<SuiteArgs>;
}

export const suiteCommand: CommandModule<object, SuiteArgs> = {
  command: 'suite',
  describe: 'Run every scenario in virtual time, judged by promtool: the CI alert-regression suite',
  builder,
  handler: async (argv) => {
    const display = createSuiteDisplay(argv.json ? process.stderr : process.stdout);
    const result = await runSuiteCommand('suite', argv, display.update);
    display.done(result);
    if (argv.json) streamOutput(process.stdout).line(JSON.stringify(result, null, 2));
    process.exitCode = result.exitCode;
  },
};

/** Runs the suite for a command, with its header line and Ctrl-C handling. */
export async function runSuiteCommand(
  command: string,
  argv: SuiteArgs,
  onScenario: (event: SuiteEvent) => void,
): Promise<SuiteResult> {
  const seed = argv.seed ?? String(randomInt(1, 1_000_000));
  const human = streamOutput(argv.json ? process.stderr : process.stdout);
  human.line(`sim ${command} · seed ${seed} · engine virtual`);
  const interrupt = interruptSignal(human);
  const result = await exitOnInterrupt(interrupt, () =>
    runSuite({
      seed,
      scenarios: argv.scenario,
      concurrency: argv.concurrency,
      ruleFiles: argv.rules,
      reportRoot: argv.reportDir,
      logger: createLogger('sim'),
      signal: interrupt.signal,
      onScenario,
    }),
  );
  interrupt.dispose();

  return result;
}
