import type { ParentalAction, ParentalEventType } from '../common/vocabulary.js';
import type { ParentalBypassEffect } from '../scenario/types.js';
import type { Fault } from './faults.js';
import { constantRate, createPoissonProcess, poissonSource, windowedRate } from './poisson.js';
import type { EventSource } from './poisson.js';
import type { RandomStream } from './random.js';

/** Parents adjust settings a few times a minute across the whole fleet. */
const BASELINE_PER_MS = 3 / 60_000;
const EVENT_TYPES: Partial<Record<ParentalEventType, number>> = {
  time_limit: 0.5,
  content_filter: 0.3,
  contact_request: 0.2,
};
const ACTIONS: Partial<Record<ParentalAction, number>> = {
  approved: 0.75,
  denied: 0.15,
  modified: 0.1,
};
const BYPASSED_CONTROLS: readonly ParentalEventType[] = ['time_limit', 'content_filter'];

export function baselineParentalControls(random: RandomStream): EventSource {
  const process = createPoissonProcess(random, constantRate(BASELINE_PER_MS));

  return poissonSource(process, (atMs, sink) => {
    sink.parentalControl({
      atMs,
      eventType: random.weighted(EVENT_TYPES),
      action: random.weighted(ACTIONS),
    });
  });
}

/**
 * Attempts to get round parental controls while a `parental-bypass` fault is active. Each one
 * is denied at once, and `onAttempt` marks the next answer as a bypass-attempt violation.
 */
export function parentalBypassAttempts(
  fault: Fault<ParentalBypassEffect>,
  onAttempt: () => void,
): EventSource {
  const { effect, random } = fault;
  const rate = windowedRate(effect.attemptsPerMinute / 60_000, fault.startMs, fault.endMs);

  return poissonSource(createPoissonProcess(random, rate), (atMs, sink) => {
    onAttempt();
    sink.parentalControl({ atMs, eventType: random.pick(BYPASSED_CONTROLS), action: 'denied' });
  });
}
