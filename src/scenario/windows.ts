import { parseDurationMs } from '../common/duration.js';
import type { Expectation, Scenario } from './types.js';

/** A named stretch of scenario time, in milliseconds since the run started; `endMs` exclusive. */
export interface TimeWindow {
  name: string;
  startMs: number;
  endMs: number;
}

export function phaseWindows(scenario: Scenario): TimeWindow[] {
  let startMs = 0;

  return scenario.phases.map((phase) => {
    const endMs = startMs + parseDurationMs(phase.duration);
    const window = { name: phase.name, startMs, endMs };
    startMs = endMs;

    return window;
  });
}

/** Assumes a validated scenario: every fault names a phase that exists. */
export function faultWindows(scenario: Scenario): TimeWindow[] {
  const phases = new Map(phaseWindows(scenario).map((window) => [window.name, window]));

  return (scenario.faults ?? []).map((fault) => {
    const phase = phases.get(fault.phase);
    if (phase === undefined) throw new Error(`fault ${fault.name} names unknown phase`);
    const startMs = phase.startMs + parseDurationMs(fault.offset ?? '0s');
    const endMs =
      fault.duration === undefined ? phase.endMs : startMs + parseDurationMs(fault.duration);

    return { name: fault.name, startMs, endMs };
  });
}

export function scenarioDurationMs(scenario: Scenario): number {
  return phaseWindows(scenario).at(-1)?.endMs ?? 0;
}

/** The window an expectation's `after` or `during` names, among faults and phases. */
export function windowNamed(windows: readonly TimeWindow[], name: string): TimeWindow | undefined {
  return windows.find((window) => window.name === name);
}

/**
 * When a timed expectation's clock starts (a `fires` at its window's start, a `resolves` at its
 * end) and when it is due; undefined for `silent` or a name that matches no window.
 */
export function expectationDeadline(
  expectation: Expectation,
  windows: readonly TimeWindow[],
): { fromMs: number; dueMs: number } | undefined {
  if (expectation.expect === 'silent') return undefined;
  const window = windowNamed(windows, expectation.after);
  if (window === undefined) return undefined;
  const fromMs = expectation.expect === 'fires' ? window.startMs : window.endMs;

  return { fromMs, dueMs: fromMs + parseDurationMs(expectation.within) };
}
