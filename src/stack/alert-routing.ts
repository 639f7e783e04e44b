import { StackConfigInvalidError } from '../common/errors.js';
import { firstProblemLine, runCommand } from './run-command.js';

/**
 * The receivers Alertmanager's real routing tree delivers an alert with these labels to, in
 * route order, as `amtool config routes test` computes it from the config file.
 */
export async function routeReceivers(
  amtool: string,
  configFile: string,
  labels: Record<string, string>,
): Promise<string[]> {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}=${value}`);
  const result = await runCommand(amtool, [
    'config',
    'routes',
    'test',
    `--config.file=${configFile}`,
    ...pairs,
  ]);
  if (result.exitCode !== 0) {
    throw new StackConfigInvalidError(
      `amtool could not route ${pairs.join(' ')} with ${configFile}: ${firstProblemLine(result)}`,
      { hint: `check the config with: amtool check-config ${configFile}` },
    );
  }

  return result.stdout
    .trim()
    .split(',')
    .map((receiver) => receiver.trim())
    .filter((receiver) => receiver !== '');
}
