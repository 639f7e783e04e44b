import { spawn } from 'node:child_process';
import type { Clock } from '../common/clock.js';
import type { Logger } from '../common/logger.js';
import { signalProcessGroup, trackChild } from './process-registry.js';

const STDERR_LINES_KEPT = 20;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all. */
  error?: Error;
}

/** A long-running child (prometheus, alertmanager) whose stderr tail is kept for errors. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Resolves once, when the process has ended (or failed to start). */
  readonly exited: Promise<ProcessExit>;
  isRunning(): boolean;
  /** The last lines it wrote to stderr, oldest first. */
  stderrTail(): string[];
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has ended. Never rejects. */
  stop(graceMs: number): Promise<void>;
}

export interface StartProcessOptions {
  name: string;
  command: string;
  args: string[];
  clock: Clock;
  logger: Logger;
}

export function startManagedProcess(options: StartProcessOptions): ManagedProcess {
  const log = options.logger.child(options.name);
  // Its own process group: Ctrl-C reaches `sim` only, which then stops the stack in order.
  const child = spawn(options.command, options.args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const untrack = trackChild(child);
  const tail: string[] = [];
  let running = true;
  let partial = '';

  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.filter((text) => text.trim() !== '')) {
      tail.push(line);
      log.debug('stderr', { line });
    }
    tail.splice(0, Math.max(0, tail.length - STDERR_LINES_KEPT));
  });
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      running = false;
      untrack();
      resolve({ code: null, signal: null, error });
    });
    child.once('exit', (code, signal) => {
      running = false;
      untrack();
      log.debug('exited', { code, signal });
      resolve({ code, signal });
    });
  });
  log.debug('started', { pid: child.pid, args: options.args });

  return {
    name: options.name,
    pid: child.pid,
    exited,
    isRunning: () => running,
    stderrTail: () => (partial === '' ? [...tail] : [...tail, partial]),
    stop: (graceMs) => stopChild(child.pid, exited, () => running, graceMs, options.clock),
  };
}

async function stopChild(
  pid: number | undefined,
  exited: Promise<ProcessExit>,
  isRunning: () => boolean,
  graceMs: number,
  clock: Clock,
): Promise<void> {
  if (!isRunning() || pid === undefined) return;
  signalProcessGroup(pid, 'SIGTERM');
  const grace = new AbortController();
  const graceOver = clock.sleep(graceMs, grace.signal).then(
    () => true,
    () => false,
  );
  const timedOut = await Promise.race([exited.then(() => false), graceOver]);
  grace.abort();
  if (timedOut && isRunning()) signalProcessGroup(pid, 'SIGKILL');
  await exited;
}
