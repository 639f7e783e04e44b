import type { Clock } from '../common/clock.js';

export interface PollOptions {
  clock: Clock;
  timeoutMs: number;
  /** Pause between probes. Default 100 ms. */
  intervalMs?: number;
  /** Stops polling early; the result is then false. */
  signal?: AbortSignal;
}

/** Probes until the probe says yes or the time is up; true when it said yes. */
export async function pollUntil(
  probe: () => Promise<boolean>,
  options: PollOptions,
): Promise<boolean> {
  const { clock, signal } = options;
  const deadlineMs = clock.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 100;
  while (signal?.aborted !== true) {
    if (await probe()) return true;
    const leftMs = deadlineMs - clock.now();
    if (leftMs <= 0) return false;
    try {
      await clock.sleep(Math.min(intervalMs, leftMs), signal);
    } catch {
      return false;
    }
  }

  return false;
}
