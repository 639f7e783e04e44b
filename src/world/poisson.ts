import type { RandomStream } from './random.js';
import type { WorldSink } from './types.js';

/** A rate that is constant between change points. */
export interface RateSchedule {
  /** Expected events per millisecond at `atMs`, constant until `nextChangeAfter(atMs)`. */
  rateAt(atMs: number): number;
  /** The first moment after `atMs` at which the rate may change; Infinity when it never does. */
  nextChangeAfter(atMs: number): number;
}

/** Events of a Poisson process, read in time order. */
export interface PoissonProcess {
  /** The time of the next event; Infinity when it is certainly later than `untilMs`. */
  peek(untilMs: number): number;
  /** Consumes the next event and returns its time; only after `peek` returned a finite time. */
  take(): number;
}

/**
 * A Poisson process with a changing rate, drawn by time rescaling: each gap is a unit
 * exponential draw spent against the integral of the rate. The arithmetic only ever stops at the
 * schedule's own change points, never at the caller's step, so the events are the same whatever
 * steps the caller advances in.
 */
export function createPoissonProcess(
  random: RandomStream,
  schedule: RateSchedule,
  startMs = 0,
): PoissonProcess {
  let cursorMs = startMs;
  let remaining = random.exponential(1);
  let nextMs: number | undefined;

  return {
    peek(untilMs) {
      while (nextMs === undefined) {
        if (cursorMs > untilMs) return Infinity;
        const ratePerMs = schedule.rateAt(cursorMs);
        const changeMs = schedule.nextChangeAfter(cursorMs);
        const candidateMs = ratePerMs > 0 ? cursorMs + remaining / ratePerMs : Infinity;
        if (candidateMs <= changeMs || changeMs === Infinity) {
          nextMs = candidateMs;
        } else {
          remaining -= ratePerMs * (changeMs - cursorMs);
          cursorMs = changeMs;
        }
      }

      return nextMs;
    },
    take() {
      if (nextMs === undefined || nextMs === Infinity) {
        throw new Error('take() called without a pending event; call peek() first');
      }
      const atMs = nextMs;
      cursorMs = atMs;
      remaining = random.exponential(1);
      nextMs = undefined;

      return atMs;
    },
  };
}

/** A rate that is `ratePerMs` inside [startMs, endMs) and zero outside. */
export function windowedRate(ratePerMs: number, startMs: number, endMs: number): RateSchedule {
  return {
    rateAt: (atMs) => (atMs >= startMs && atMs < endMs ? ratePerMs : 0),
    nextChangeAfter: (atMs) => (atMs < startMs ? startMs : atMs < endMs ? endMs : Infinity),
  };
}

/** A rate that never changes. */
export function constantRate(ratePerMs: number): RateSchedule {
  return { rateAt: () => ratePerMs, nextChangeAfter: () => Infinity };
}

/** Something that happens at moments of its own; the world merges sources in time order. */
export interface EventSource {
  /** As `PoissonProcess.peek`. */
  peek(untilMs: number): number;
  /** Produces the event `peek` announced. */
  fire(sink: WorldSink): void;
}

/** A source whose events arrive as a Poisson process and are made by `emit`. */
export function poissonSource(
  process: PoissonProcess,
  emit: (atMs: number, sink: WorldSink) => void,
): EventSource {
  return {
    peek: (untilMs) => process.peek(untilMs),
    fire: (sink) => emit(process.take(), sink),
  };
}
