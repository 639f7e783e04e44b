import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { BadInputError, INTERNAL_ERROR_EXIT_CODE, SimError } from '../common/errors.js';
import { enableVerboseLogging } from '../common/logger.js';
import { listCommand } from './commands/list.js';
import { coverageCommand } from './commands/coverage.js';
import { exportCommand } from './commands/export.js';
import { runCommand } from './commands/run.js';
import { sloCommand } from './commands/slo.js';
import { suiteCommand } from './commands/suite.js';

const EPILOGUE = `Exit codes: 0 every expectation passed, 1 an expectation failed, 2 bad input
(scenario, option, rule file), 3 the stack could not be started or reached, or a verdict was
inconclusive, 70 an internal error, 130 interrupted (143 by SIGTERM). Reports go to reports/<run-id>/.`;

/** The one place that turns an error into words and an exit code. */
function reportError(error: unknown): number {
  if (error instanceof SimError) {
    process.stderr.write(`sim: ${error.message}\n`);
    if (error.hint !== undefined) process.stderr.write(`  hint: ${error.hint}\n`);
    return error.exitCode;
  }
  process.stderr.write(
    `sim: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
  );

  return INTERNAL_ERROR_EXIT_CODE;
}

async function main(): Promise<void> {
  try {
    await yargs(hideBin(process.argv))
      .scriptName('sim')
      .usage(
        "$0 <command> [options]\n\nProve that the AI toy's alerts fire when they must, within their SLA, and stay quiet when they must.",
      )
      .command(listCommand)
      .command(runCommand)
      .command(suiteCommand)
      .command(exportCommand)
      .command(coverageCommand)
      .command(sloCommand)
      .option('verbose', {
        type: 'boolean',
        describe: 'Log diagnostics of every subsystem on stderr',
      })
      .middleware((argv) => {
        if (argv.verbose) enableVerboseLogging();
      })
      .demandCommand(
        1,
        'Name a command: `sim list` shows the scenarios, `sim run <scenario>` runs one.',
      )
      .strict()
      .recommendCommands()
      .epilogue(EPILOGUE)
      .wrap(Math.min(100, process.stdout.columns ?? 100))
      .fail((message, error) => {
        // yargs reports its own validation as a YError; anything else was thrown by our code.
        if (error && error.name !== 'YError') throw error;
        throw new UsageError(
          withoutCamelCaseTwins(message ?? error?.message ?? 'bad command line'),
        );
      })
      .parseAsync();
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

/**
 * yargs names an unknown `--report-dir` twice, as typed and camel-cased ("Unknown arguments:
 * report-dir, reportDir"); keep only what the user typed.
 */
function withoutCamelCaseTwins(message: string): string {
  const match = /^(Unknown arguments?): (.+)$/s.exec(message);
  if (match === null) return message;
  const names = match[2]!.split(', ');
  const typed = names.filter(
    (name) =>
      !names.some((other) => other !== name && other.includes('-') && camelCase(other) === name),
  );

  return `${typed.length === 1 ? 'Unknown argument' : 'Unknown arguments'}: ${typed.join(', ')}`;
}

const camelCase = (name: string) =>
  name.replace(/-+([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** A command line yargs rejected: unknown option, missing argument, value not among the choices. */
class UsageError extends BadInputError {
  readonly code = 'USAGE';

  constructor(message: string) {
    super(message.replace(/\s+/g, ' '), { hint: 'see `sim --help` or `sim <command> --help`' });
  }
}

await main();
