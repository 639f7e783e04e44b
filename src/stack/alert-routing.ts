import { StackConfigInvalidError } from '../common/errors.js';
import { firstProblemLine, runCommand, type CommandResult } from './run-command.js';

/**
 * One label as amtool reads it. The value is always quoted: unquoted, a comma or a space splits
 * it into other labels and a double quote makes amtool refuse the whole alert.
 */
function labelArgument(name: string, value: string): string {
  return `${name}=${JSON.stringify(value)}`;
}

/** amtool prints a warning about `--config.file` first, so its error line has to be found. */
function amtoolProblem(result: CommandResult): string {
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((line) => line.trim());

  return lines.find((line) => /\berror\b/i.test(line)) ?? firstProblemLine(result);
}

/**
 * The receivers Alertmanager's real routing tree delivers an alert with these labels to, in
 * route order, as `amtool config routes test` computes it from the config file. A receiver
 * appears once per route that delivers to it, so a double page shows up as a duplicate.
 */
export async function routeReceivers(
  amtool: string,
  configFile: string,
  labels: Record<string, string>,
): Promise<string[]> {
  const pairs = Object.entries(labels).map(([name, value]) => labelArgument(name, value));
  const result = await runCommand(amtool, [
    'config',
    'routes',
    'test',
    `--config.file=${configFile}`,
    ...pairs,
  ]);
  const receivers = result.stdout
    .trim()
    .split(',')
    .map((receiver) => receiver.trim())
    .filter((receiver) => receiver !== '');
  // Every alert reaches at least the root route, so an empty answer is a failure too.
  if (result.exitCode !== 0 || receivers.length === 0) {
    throw new StackConfigInvalidError(
      `amtool could not route ${pairs.join(' ')} with ${configFile}: ${amtoolProblem(result)}`,
      { hint: `check the config with: amtool check-config ${configFile}` },
    );
  }

  return receivers;
}
