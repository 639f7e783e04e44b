import { randomInt } from 'node:crypto';
import type { Argv, CommandModule } from 'yargs';
import { OptionInvalidError } from '../../common/errors.js';
import { createLogger } from '../../common/logger.js';
import { ENGINES, runScenario, STACK_KINDS } from '../../engine/run-scenario.js';
import {
  formatProgress,
  formatRunFooter,
  formatVerdictTable,
  formatWarnings,
  streamOutput,
} from '../present.js';
import { exitCodeForOutcome, exitOnInterrupt, interruptSignal } from '../process.js';

interface RunArgs {
  scenario: string;
  seed?: string;
  engine: (typeof ENGINES)[number];
  stack: (typeof STACK_KINDS)[number];
  json: boolean;
  rules?: string[];
  reportDir: string;
  otlpEndpoint?: string;
}

function builder(yargs: Argv): Argv<RunArgs> {
  return yargs
    .positional('scenario', {
      type: 'string',
      demandOption: true,
      describe: 'A shipped scenario (see `sim list`) or the path of a scenario file',
    })
    .option('seed', {
      type: 'string',
      describe:
        'Seed of every random draw; the same seed replays the same traffic (default: random, printed)',
    })
    .option('engine', {
      choices: ENGINES,
      default: 'live' as const,
      describe:
        'live: a real local stack in real time; virtual: the same rules through `promtool test rules` in stepped time, hours in minutes',
    })
    .option('stack', {
      choices: STACK_KINDS,
      default: 'local' as const,
      describe: 'local: Prometheus and Alertmanager started from PATH on free loopback ports',
    })
    .option('rules', {
      type: 'string',
      array: true,
      requiresArg: true,
      describe: 'Rule files to test instead of stack/prometheus/rules/*.yml',
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'Print summary.json on stdout; progress goes to stderr',
    })
    .option('report-dir', {
      type: 'string',
      default: 'reports',
      describe: 'Where <run-id>/ is written',
    })
    .option('otlp-endpoint', {
      type: 'string',
      describe:
        'Export spans with OTLP/HTTP here (default: $OTEL_EXPORTER_OTLP_ENDPOINT, else a file in the report)',
    })
    .check(checkRunOptions)
    .example('$0 run safety-incident', 'Run the safety incident against a local stack')
    .example(
      '$0 run safety-incident --seed 42 --json > summary.json',
      'Replay seed 42, keep the JSON',
    ) as unknown as Argv<RunArgs>;
}

function checkRunOptions(argv: { seed?: string; otlpEndpoint?: string; reportDir?: string }) {
  if (argv.seed !== undefined && argv.seed.trim() === '') {
    throw new OptionInvalidError('--seed is empty; give any text or number, e.g. --seed 42');
  }
  if (argv.reportDir !== undefined && argv.reportDir.trim() === '') {
    throw new OptionInvalidError('--report-dir is empty; give a folder, e.g. --report-dir reports');
  }
  if (argv.otlpEndpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(argv.otlpEndpoint)) {
    throw new OptionInvalidError(
      `--otlp-endpoint ${argv.otlpEndpoint} is not an http(s) URL; e.g. http://localhost:4318/v1/traces`,
    );
  }

  return true;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe:
    'Run one scenario and judge its alerts: live against a real Prometheus and Alertmanager, or in virtual time through promtool',
  builder,
  handler: async (argv) => {
    const seed = argv.seed ?? String(randomInt(1, 1_000_000));
    const progress = streamOutput(argv.json ? process.stderr : process.stdout);
    const interrupt = interruptSignal(progress);
    const result = await exitOnInterrupt(interrupt, () =>
      runScenario({
        scenario: argv.scenario,
        seed,
        engine: argv.engine,
        stack: argv.stack,
        ruleFiles: argv.rules,
        reportRoot: argv.reportDir,
        otlpEndpoint: argv.otlpEndpoint,
        logger: createLogger('sim'),
        signal: interrupt.signal,
        onProgress: (event) => {
          const text = formatProgress(event);
          if (text !== undefined) progress.line(text);
        },
      }),
    );
    interrupt.dispose();
    progress.line(formatVerdictTable(result.summary));
    for (const warning of formatWarnings(result.summary)) progress.line(warning);
    progress.line(formatRunFooter(result.summary, result.reportPath));
    if (argv.json) streamOutput(process.stdout).line(JSON.stringify(result.summary, null, 2));
    process.exitCode = interrupt.signal.aborted
      ? interrupt.exitCode
      : exitCodeForOutcome(result.summary.outcome);
  },
};
