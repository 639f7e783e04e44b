import {
  AGE_GROUPS,
  INTERACTION_TYPES,
  type AgeGroup,
  type InteractionType,
} from '../common/vocabulary.js';
import type { ActiveFaults } from './faults.js';
import { clamp, type RandomStream } from './random.js';
import type { SystemSnapshot } from './types.js';
import { REGIONS, REGULATIONS } from './vocabulary.js';

/** Noise is stepped once per second of scenario time, whatever the caller's tick. */
const GRID_MS = 1_000;
/** How long the noise of a gauge takes to forget where it was. */
const CORRELATION_MS = 60_000;

const SENTIMENT_BY_TYPE: Record<InteractionType, number> = {
  conversation: 0.4,
  storytelling: 0.5,
  games: 0.45,
  learning: 0.35,
  bedtime: 0.55,
};
const SENTIMENT_BY_AGE: Record<AgeGroup, number> = { '3-5': 0.05, '6-8': 0, '9-12': -0.05 };

interface SnapshotOptions {
  random: RandomStream;
  activeAt(atMs: number): ActiveFaults;
  /** Traffic relative to the scenario's base rate; drives the CPU. */
  loadRatioAt(atMs: number): number;
}

export interface SnapshotModel {
  at(atMs: number): SystemSnapshot;
}

const SENTIMENT_KEYS = AGE_GROUPS.flatMap((ageGroup) =>
  INTERACTION_TYPES.map((interactionType) => ({ ageGroup, interactionType })),
);
const COMPLIANCE_KEYS = REGULATIONS.flatMap((regulation) =>
  REGIONS.map((region) => ({ regulation, region })),
);
/** Compliance rate, database, cache, CPU, memory, disk and retention lag. */
const SCALAR_GAUGES = 7;
/** Every noisy gauge, with its sd around its target. */
const NOISE_SD = {
  sentiment: 0.05,
  coppa: 0.001,
  complianceRate: 0.000_3,
  database: 0.005,
  cache: 0.01,
  cpu: 0.03,
  memory: 0.02,
  disk: 0.003,
  retentionLag: 0.1,
};

/**
 * Slow-moving state: each gauge is its target (set by the baseline or by an active fault) plus
 * autocorrelated noise, so dashboards move like real gauges and a fault shows at once.
 */
export function createSnapshotModel(options: SnapshotOptions): SnapshotModel {
  const { random, activeAt, loadRatioAt } = options;
  const keep = Math.exp(-GRID_MS / CORRELATION_MS);
  const fresh = Math.sqrt(1 - keep * keep);
  const slots = SENTIMENT_KEYS.length + COMPLIANCE_KEYS.length + SCALAR_GAUGES;
  // Start from the noise's own spread rather than from zero, so the first minute looks normal.
  const noise = Float64Array.from({ length: slots }, () => random.normal(0, 1));
  let gridMs = 0;

  const stepTo = (atMs: number) => {
    const targetGridMs = Math.floor(atMs / GRID_MS) * GRID_MS;
    for (; gridMs < targetGridMs; gridMs += GRID_MS) {
      for (let index = 0; index < noise.length; index += 1) {
        noise[index] = keep * noise[index]! + fresh * random.normal(0, 1);
      }
    }
  };

  return {
    at(atMs) {
      stepTo(atMs);

      return snapshotOf(atMs, noise, activeAt(atMs), loadRatioAt(atMs));
    },
  };
}

function snapshotOf(
  atMs: number,
  noise: Float64Array,
  active: ActiveFaults,
  loadRatio: number,
): SystemSnapshot {
  let slot = 0;
  const next = (sd: number) => sd * noise[slot++]!;
  const targets = faultTargets(active);

  const sentiment = SENTIMENT_KEYS.map(({ ageGroup, interactionType }) => {
    const base = SENTIMENT_BY_TYPE[interactionType] + SENTIMENT_BY_AGE[ageGroup];
    const target = targets.sentiment.get(ageGroup) ?? targets.sentiment.get('all') ?? base;

    return { ageGroup, interactionType, value: clamp(target + next(NOISE_SD.sentiment), -1, 1) };
  });
  const coppaCompliance = COMPLIANCE_KEYS.map(({ regulation, region }) => ({
    regulation,
    region,
    value: clamp((0.995 + next(NOISE_SD.coppa)) * targets.consentPassShare),
  }));

  return {
    atMs,
    sentiment,
    coppaCompliance,
    childSafetyComplianceRate: clamp(
      (0.999 + next(NOISE_SD.complianceRate)) * targets.consentPassShare,
    ),
    databaseConnectionHealth: clamp(targets.databaseHealth + next(NOISE_SD.database)),
    cacheHitRate: clamp(0.9 + next(NOISE_SD.cache)),
    cpuUsage: clamp(0.2 + 0.15 * loadRatio + next(NOISE_SD.cpu), 0.01, 0.99),
    memoryUsage: clamp(targets.memoryUsage + next(NOISE_SD.memory)),
    diskUsage: clamp(targets.diskUsage + next(NOISE_SD.disk)),
    retentionLagHours: Math.max(0, targets.retentionLagHours + next(NOISE_SD.retentionLag)),
  };
}

interface Targets {
  /** By age group, or 'all' for a drop that names none. */
  sentiment: Map<AgeGroup | 'all', number>;
  consentPassShare: number;
  databaseHealth: number;
  memoryUsage: number;
  diskUsage: number;
  retentionLagHours: number;
}

/** Baseline targets, moved by whichever faults are active. */
function faultTargets(active: ActiveFaults): Targets {
  const targets: Targets = {
    sentiment: new Map(),
    consentPassShare: 1,
    databaseHealth: 0.98,
    memoryUsage: 0.55,
    diskUsage: 0.42,
    retentionLagHours: 0.5,
  };
  for (const { effect } of active.of('sentiment-drop')) {
    targets.sentiment.set(effect.ageGroup ?? 'all', effect.sentiment);
  }
  for (const { effect } of active.of('compliance-lapse')) {
    targets.consentPassShare *= 1 - (effect.consentFailureShare ?? 0);
    targets.retentionLagHours = Math.max(targets.retentionLagHours, effect.retentionLagHours ?? 0);
  }
  for (const { effect } of active.of('database-degraded')) {
    targets.databaseHealth = Math.min(targets.databaseHealth, effect.connectionHealth);
  }
  for (const { effect } of active.of('resource-pressure')) {
    targets.memoryUsage = Math.max(targets.memoryUsage, effect.memoryUsage ?? 0);
    targets.diskUsage = Math.max(targets.diskUsage, effect.diskUsage ?? 0);
  }

  return targets;
}
