import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/sim.js');

export interface CliResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Marks every process this run started (it is inherited through the environment). */
  mark: string;
}

/** Runs the real `sim` CLI as a user would, from the repository root. */
export function runCli(
  args: string[],
  options: {
    env?: Record<string, string>;
    timeoutMs?: number;
    /** Sends `signal` once, as soon as the output matches `when`: a user's Ctrl-C. */
    interrupt?: { when: RegExp; signal: NodeJS.Signals };
  } = {},
): Promise<CliResult> {
  const mark = randomUUID();

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env, SIM_TEST_MARK: mark },
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    const interruptWhenDue = () => {
      const { interrupt } = options;
      if (interrupt === undefined || interrupted || !interrupt.when.test(stdout + stderr)) return;
      interrupted = true;
      child.kill(interrupt.signal);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      interruptWhenDue();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      interruptWhenDue();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sim ${args.join(' ')} did not end in time\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr, mark });
    });
  });
}

/** Processes still alive that a run started: a stack left behind has at least one. */
export function processesMarked(mark: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (environ.includes(`SIM_TEST_MARK=${mark}`)) {
        found.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ')}`);
      }
    } catch {
      // The process ended while we looked.
    }
  }

  return found;
}
