import { execFile } from 'node:child_process';

export interface CommandResult {
  /** The exit code, or null when the command was ended by a signal (for example a timeout). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface RunCommandOptions {
  /** Ends the command with SIGKILL after this long. Default 30 s. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Runs a short-lived tool (promtool, amtool) to completion. A non-zero exit is a result, not an
 * error, because the tools report bad input that way; only a failure to start rejects.
 */
export function runCommand(
  file: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        timeout: options.timeoutMs ?? 30_000,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        env: options.env,
        cwd: options.cwd,
      },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number' && error.signal == null) {
          reject(error);
          return;
        }
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

/**
 * The first line in which promtool or amtool says what is wrong. They print "FAILED: <problem>"
 * on one line, or "FAILED:" followed by the problems, on stdout or stderr depending on the check.
 */
export function firstProblemLine(result: CommandResult): string {
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((line) => line.trim());
  const sameLine = lines.map((line) => /FAILED:\s*(\S.*)$/.exec(line)?.[1]).find(Boolean);
  if (sameLine !== undefined) return sameLine;
  const banner = lines.indexOf('FAILED:');
  const nonEmptyFrom = (start: number) =>
    lines.findIndex((line, index) => index >= start && line !== '');
  const afterBanner = banner >= 0 ? nonEmptyFrom(banner + 1) : -1;
  const first = afterBanner >= 0 ? afterBanner : nonEmptyFrom(0);
  if (first < 0) return `exit code ${result.exitCode}`;
  // An introduction such as "yaml: unmarshal errors:" says nothing without the line after it.
  const detail = lines[first]!.endsWith(':') ? lines[first + 1] : undefined;

  return detail ? `${lines[first]} ${detail}` : lines[first]!;
}
