import { runCommand } from '../../stack/run-command.js';
import { PromtoolFailedError } from '../../common/errors.js';
import {
  parsePromtoolTestOutput,
  promtoolVersion,
  type PromtoolTestReport,
} from './promtool-output.js';

/**
 * Runs `promtool test rules` on one file and parses what it printed. promtool's exit code is not
 * trusted on its own: a missing rule file is only a warning there, so warnings fail the run here.
 */
export async function runPromtoolTests(
  promtool: string,
  file: string,
): Promise<PromtoolTestReport> {
  const versionResult = await runCommand(promtool, ['--version']);
  const version = promtoolVersion(`${versionResult.stdout}${versionResult.stderr}`);
  const result = await runCommand(promtool, ['test', 'rules', file], { timeoutMs: 600_000 });
  const report = parsePromtoolTestOutput(
    `${result.stdout}\n${result.stderr}`,
    version,
    result.exitCode,
  );
  if (report.warnings.length > 0) {
    throw new PromtoolFailedError(`promtool warned about ${file}: ${report.warnings.join('; ')}`, {
      hint: 'a warning there usually means a rule file that was not loaded',
    });
  }
  const errors = report.failures.filter((failure) => failure.kind === 'error');
  if (errors.length > 0) {
    throw new PromtoolFailedError(
      `promtool could not run ${file}: ${errors.map((e) => e.message).join('; ')}`,
      {
        hint: `run it by hand to see everything: promtool test rules ${file}`,
      },
    );
  }

  return report;
}
