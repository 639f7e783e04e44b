import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * Everything the stack leaves behind if `sim` ends without stopping it: child processes and
 * temporary folders. On process exit, and on a termination signal that nobody else handles, they
 * are removed synchronously, so a prometheus never outlives the `sim` that started it. (Only
 * SIGKILL of `sim` itself escapes this; nothing in-process can catch it.)
 */
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let hooksInstalled = false;

/** Tracks a child until it exits or the returned function is called. */
export function trackChild(child: ChildProcess): () => void {
  installHooks();
  children.add(child);
  const untrack = () => children.delete(child);
  child.once('exit', untrack);

  return () => {
    child.off('exit', untrack);
    untrack();
  };
}

/** Tracks a folder to remove on exit, until the returned function is called. */
export function trackTempDir(dir: string): () => void {
  installHooks();
  tempDirs.add(dir);

  return () => tempDirs.delete(dir);
}

/** PIDs of the tracked children that have not exited yet. */
export function liveChildPids(): number[] {
  return [...children].flatMap((child) =>
    child.pid !== undefined && child.exitCode === null && child.signalCode === null
      ? [child.pid]
      : [],
  );
}

/**
 * Signals the process group that `pid` leads (children are spawned detached, so each leads its
 * own and whatever it started dies with it), or the process alone when it leads none.
 */
export function signalProcessGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Kills every tracked child with SIGKILL and removes every tracked temporary folder,
 * synchronously. For last-resort paths (a second Ctrl-C); an orderly end uses
 * `StartedStack.stop()`.
 */
export function killAllChildren(): void {
  for (const pid of liveChildPids()) signalProcessGroup(pid, 'SIGKILL');
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  // When the CLI listens too, it owns the shutdown (and stops the stack in order); the exit hook
  // stays as the backstop. Alone, this listener would swallow the signal, so it cleans up and
  // re-raises it to end `sim` as the signal would have.
  if (process.listenerCount(signal) > 1) return;
  killAllChildren();
  removeSignalHandlers();
  process.kill(process.pid, signal);
}

function removeSignalHandlers(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAllChildren);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
