import { parseDurationMs } from '../common/duration.js';
import { TRIGGER_TYPES, type AgeGroup, type TriggerType } from '../common/vocabulary.js';
import type { Fault } from './faults.js';
import { constantRate, createPoissonProcess, poissonSource, windowedRate } from './poisson.js';
import type { EventSource } from './poisson.js';
import type { RandomStream } from './random.js';
import type { EmergencyEffect } from '../scenario/types.js';

/** About one escalation every ten minutes on a normal day, answered in seconds. */
const BASELINE_PER_MS = 1 / 600_000;
const BASELINE_RESPONSE_MEDIAN_MS = 4_000;
const RESPONSE_SIGMA = 0.35;
const BASELINE_TRIGGERS: Partial<Record<TriggerType, number>> = {
  distress_detected: 0.5,
  inappropriate_request: 0.35,
  stranger_contact: 0.15,
};

/** Escalations of a normal day. */
export function baselineEmergencies(
  random: RandomStream,
  ageWeights: Partial<Record<AgeGroup, number>>,
): EventSource {
  const process = createPoissonProcess(random, constantRate(BASELINE_PER_MS));

  return poissonSource(process, (atMs, sink) => {
    sink.emergency({
      atMs,
      triggerType: random.weighted(BASELINE_TRIGGERS),
      ageGroup: random.weighted(ageWeights),
      responseTimeMs: random.logNormal(BASELINE_RESPONSE_MEDIAN_MS, RESPONSE_SIGMA),
    });
  });
}

/** Escalations of an `emergencies` fault, at its rate while it is active. */
export function faultEmergencies(
  fault: Fault<EmergencyEffect>,
  ageWeights: Partial<Record<AgeGroup, number>>,
): EventSource {
  const { effect, random } = fault;
  const rate = windowedRate(effect.ratePerMinute / 60_000, fault.startMs, fault.endMs);
  const process = createPoissonProcess(random, rate);
  const responseMedianMs = parseDurationMs(effect.responseTime);
  const triggers = effect.triggerTypes ?? TRIGGER_TYPES;

  return poissonSource(process, (atMs, sink) => {
    sink.emergency({
      atMs,
      triggerType: random.pick(triggers),
      ageGroup: effect.ageGroup ?? random.weighted(ageWeights),
      responseTimeMs: random.logNormal(responseMedianMs, RESPONSE_SIGMA),
    });
  });
}
