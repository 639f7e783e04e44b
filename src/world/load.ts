import type { Load, Scenario } from '../scenario/types.js';
import type { FaultTimeline } from './faults.js';
import type { RateSchedule } from './poisson.js';
import { phaseAt, type TimeWindow } from './schedule.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const PEAK_HOUR = 18;
/** The diurnal curve is held constant for a minute at a time, so the rate stays piecewise. */
const DIURNAL_STEP_MS = 60_000;

export interface LoadSchedule extends RateSchedule {
  /** The rate at `atMs` relative to `load.interactionsPerSecond`. */
  loadRatioAt(atMs: number): number;
}

interface LoadOptions {
  scenario: Scenario;
  phases: readonly (TimeWindow & { loadFactor: number })[];
  faults: FaultTimeline;
  /** Wall-clock time of the run's start; places the run on the diurnal curve. */
  startEpochMs: number;
}

/**
 * Interactions per millisecond: `interactionsPerSecond × phase loadFactor × diurnal × surges`.
 * Changes only at phase starts, fault boundaries and (with a diurnal load) every minute.
 */
export function createLoadSchedule(options: LoadOptions): LoadSchedule {
  const { scenario, phases, faults, startEpochMs } = options;
  const baseRatePerMs = scenario.load.interactionsPerSecond / 1_000;
  const changesMs = [...new Set([...phases.map((phase) => phase.startMs), ...faults.boundariesMs])];
  changesMs.sort((a, b) => a - b);

  const loadRatioAt = (atMs: number): number => {
    let ratio = phaseAt(phases, atMs).loadFactor * diurnalFactor(scenario.load, startEpochMs, atMs);
    for (const surge of faults.activeAt(atMs).of('traffic-surge')) {
      ratio *= surge.effect.multiplier;
    }

    return Math.max(0, ratio);
  };

  return {
    loadRatioAt,
    rateAt: (atMs) => baseRatePerMs * loadRatioAt(atMs),
    nextChangeAfter: (atMs) => {
      const structuralMs = firstAfter(changesMs, atMs);
      if (scenario.load.diurnal === undefined) return structuralMs;

      return Math.min(structuralMs, (Math.floor(atMs / DIURNAL_STEP_MS) + 1) * DIURNAL_STEP_MS);
    },
  };
}

/** 1 ± amplitude, peaking at 18:00 UTC, read at the start of the current minute. */
function diurnalFactor(load: Load, startEpochMs: number, atMs: number): number {
  if (load.diurnal === undefined) return 1;
  const minuteMs = Math.floor(atMs / DIURNAL_STEP_MS) * DIURNAL_STEP_MS;
  const hourOfDay = ((((startEpochMs + minuteMs) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;

  return 1 + load.diurnal.amplitude * Math.cos((2 * Math.PI * (hourOfDay - PEAK_HOUR)) / 24);
}

/** The smallest value in ascending `sorted` that is greater than `atMs`; Infinity when none. */
function firstAfter(sorted: readonly number[], atMs: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= atMs) low = middle + 1;
    else high = middle;
  }

  return sorted[low] ?? Infinity;
}
