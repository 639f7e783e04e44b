/**
 * The one source of time. Live runs use the wall clock; virtual runs and unit tests use a clock
 * that only moves when told to, which is what makes "fires within 90 s" checkable in milliseconds.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms` on this clock; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** A clock that moves only through `advance`; sleepers wake in time order. */
export class SteppedClock implements Clock {
  private nowMs: number;
  private sleepers: { wakeAtMs: number; resolve: () => void }[] = [];

  constructor(startMs = 0) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.sleepers.push({ wakeAtMs: this.nowMs + ms, resolve });
      this.sleepers.sort((a, b) => a.wakeAtMs - b.wakeAtMs);
    });
  }

  advance(ms: number): void {
    this.nowMs += ms;
    while (this.sleepers.length > 0 && this.sleepers[0]!.wakeAtMs <= this.nowMs) {
      this.sleepers.shift()!.resolve();
    }
  }
}
