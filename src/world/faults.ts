import type { FaultEffect } from '../scenario/types.js';
import type { RandomStream, RandomStreams } from './random.js';
import { isActive, type ScheduledFault } from './schedule.js';

export type FaultKind = FaultEffect['kind'];
export type EffectOf<K extends FaultKind> = Extract<FaultEffect, { kind: K }>;

/** A scheduled fault with its own random stream, so that it never shifts the baseline draws. */
export interface Fault<E extends FaultEffect = FaultEffect> extends ScheduledFault {
  effect: E;
  random: RandomStream;
}

/** The faults active at one moment, grouped by kind. */
export interface ActiveFaults {
  readonly all: readonly Fault[];
  of<K extends FaultKind>(kind: K): readonly Fault<EffectOf<K>>[];
}

export interface FaultTimeline {
  readonly faults: readonly Fault[];
  /** Every moment at which some fault starts or ends, ascending. */
  readonly boundariesMs: readonly number[];
  activeAt(atMs: number): ActiveFaults;
}

const NONE: readonly Fault[] = [];

export function createFaultTimeline(
  scheduled: readonly ScheduledFault[],
  streams: RandomStreams,
): FaultTimeline {
  const faults = scheduled.map((fault) => ({
    ...fault,
    random: streams.stream(`fault/${fault.name}`),
  }));
  const boundariesMs = [...new Set(faults.flatMap((fault) => [fault.startMs, fault.endMs]))].sort(
    (a, b) => a - b,
  );

  // The active set only changes at boundaries; interactions arrive in time order, so one cached
  // interval answers almost every call.
  let cached = groupFaults([]);
  let cachedFromMs = Infinity;
  let cachedUntilMs = -Infinity;

  return {
    faults,
    boundariesMs,
    activeAt(atMs) {
      if (atMs >= cachedFromMs && atMs < cachedUntilMs) return cached;
      cached = groupFaults(faults.filter((fault) => isActive(fault, atMs)));
      cachedFromMs = -Infinity;
      cachedUntilMs = Infinity;
      for (const boundary of boundariesMs) {
        if (boundary <= atMs) cachedFromMs = boundary;
        else if (boundary < cachedUntilMs) cachedUntilMs = boundary;
      }

      return cached;
    },
  };
}

function groupFaults(active: readonly Fault[]): ActiveFaults {
  const byKind = new Map<FaultKind, Fault[]>();
  for (const fault of active) {
    const list = byKind.get(fault.effect.kind) ?? [];
    list.push(fault);
    byKind.set(fault.effect.kind, list);
  }

  return {
    all: active,
    of: <K extends FaultKind>(kind: K) =>
      (byKind.get(kind) ?? NONE) as readonly Fault<EffectOf<K>>[],
  };
}
