import type { FaultEffect, Scenario } from '../scenario/types.js';
import { faultWindows, phaseWindows, type TimeWindow } from '../scenario/windows.js';

export type { TimeWindow };

export interface ScheduledFault extends TimeWindow {
  effect: FaultEffect;
}

export interface Schedule {
  phases: (TimeWindow & { loadFactor: number })[];
  faults: ScheduledFault[];
}

/**
 * When each phase and fault runs. Phases follow one another by their durations, unless
 * `phaseStartsMs` (one start per phase, in order) says when each really started; faults then
 * move with their phase.
 */
export function scheduleOf(scenario: Scenario, phaseStartsMs?: readonly number[]): Schedule {
  const planned = phaseWindows(scenario);
  const starts = phaseStartsMs ?? planned.map((phase) => phase.startMs);
  if (starts.length !== planned.length) {
    throw new Error(
      `phaseStartsMs has ${starts.length} entries; scenario "${scenario.name}" has ` +
        `${planned.length} phases`,
    );
  }
  const phases = planned.map((phase, index) => {
    const startMs = starts[index]!;
    const endMs = starts[index + 1] ?? startMs + phase.endMs - phase.startMs;
    if (endMs < startMs) {
      throw new Error(`phase "${phase.name}" would end at ${endMs} ms, before it starts`);
    }

    return { ...phase, startMs, endMs, loadFactor: scenario.phases[index]!.loadFactor ?? 1 };
  });

  const faults = faultWindows(scenario).map((window, index) => {
    const fault = scenario.faults![index]!;
    const phaseIndex = planned.findIndex((phase) => phase.name === fault.phase);
    const shiftMs = phases[phaseIndex]!.startMs - planned[phaseIndex]!.startMs;
    const endMs = fault.duration === undefined ? phases[phaseIndex]!.endMs : window.endMs + shiftMs;

    return { ...window, startMs: window.startMs + shiftMs, endMs, effect: fault.effect };
  });

  return { phases, faults };
}

export function isActive(window: TimeWindow, atMs: number): boolean {
  return window.startMs <= atMs && atMs < window.endMs;
}

/** The phase running at `atMs`; the first before the run, the last after it. */
export function phaseAt<W extends TimeWindow>(phases: readonly W[], atMs: number): W {
  let current = phases[0];
  if (current === undefined) throw new Error('a scenario needs at least one phase');
  for (const phase of phases) {
    if (phase.startMs <= atMs) current = phase;
  }

  return current;
}
