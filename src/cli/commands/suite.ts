import { randomInt } from 'node:crypto';
import type { Argv, CommandModule } from 'yargs';
import { OptionInvalidError } from '../../common/errors.js';
import { createLogger } from '../../common/logger.js';
import { runSuite } from '../../engine/run-suite.js';
import { createSuiteDisplay } from '../suite-display.js';
import { streamOutput } from '../present.js';
import { exitOnInterrupt, interruptSignal } from '../process.js';

interface SuiteArgs {
  seed?: string;
  scenario?: string[];
  concurrency?: number;
  rules?: string[];
  reportDir: string;
  json: boolean;
}

function builder(yargs: Argv): Argv<SuiteArgs> {
  return yargs
    .option('seed', {
      type: 'string',
      describe: 'Seed for every scenario (default: random, printed)',
    })
    .option('scenario', { type: 'string', array: true, describe: 'Run only these scenarios' })
    .option('concurrency', {
      type: 'number',
      describe: 'promtool processes at once (default: the number of cores)',
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
      if (
        argv.concurrency !== undefined &&
        !(Number.isInteger(argv.concurrency) && argv.concurrency >= 1)
      ) {
        throw new OptionInvalidError(
          `--concurrency ${argv.concurrency} is not a whole number of at least 1`,
        );
      }
      return true;
    })
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
    const seed = argv.seed ?? String(randomInt(1, 1_000_000));
    const human = streamOutput(argv.json ? process.stderr : process.stdout);
    const display = createSuiteDisplay(argv.json ? process.stderr : process.stdout);
    human.line(`sim suite · seed ${seed} · engine virtual`);
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
        onScenario: display.update,
      }),
    );
    interrupt.dispose();
    display.done(result);
    if (argv.json) streamOutput(process.stdout).line(JSON.stringify(result, null, 2));
    process.exitCode = result.exitCode;
  },
};
