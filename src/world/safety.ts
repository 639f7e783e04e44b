import type { AgeGroup, FilterType, Severity, ViolationType } from '../common/vocabulary.js';
import type { ActiveFaults } from './faults.js';
import { clamp, type RandomStream } from './random.js';

/** What the safety screen made of one answer. */
export interface Screening {
  toxicity: number;
  safetyScore: number;
  ageAppropriateness: number;
  violation?: { type: ViolationType; severity: Severity };
  filtered?: { filterType: FilterType; effectiveness: number };
}

/**
 * A normal day: about 3 violations per 100,000 answers (the SLO allows 10), never critical, so
 * hours of baseline traffic stay below every safety alert.
 */
const BASELINE_VIOLATION_SHARE = 0.000_03;
const BASELINE_VIOLATION_TYPES: Partial<Record<ViolationType, number>> = {
  inappropriate_content: 3,
  personal_info_request: 3,
  toxic_language: 2,
  age_inappropriate: 2,
};
const BASELINE_SEVERITIES: Partial<Record<Severity, number>> = {
  info: 5,
  low: 3.5,
  medium: 1.2,
  high: 0.3,
  critical: 0,
};
/** Rare toxic answers that the screen catches before the child hears them. */
const BASELINE_TOXIC_SHARE = 0.000_2;
const KEYWORD_FILTER_TOXICITY = 0.12;
const AGE_GATE_BELOW = 0.7;
const FILTER_EFFECTIVENESS = 0.95;

const DEFAULT_UNSAFE_SEVERITIES: Partial<Record<Severity, number>> = { high: 2, medium: 2, low: 1 };
const DEFAULT_UNSAFE_TYPES: readonly ViolationType[] = [
  'inappropriate_content',
  'toxic_language',
  'age_inappropriate',
];

const SAFETY_BY_SEVERITY: Record<Severity, number> = {
  critical: 0.05,
  high: 0.25,
  medium: 0.5,
  low: 0.7,
  info: 0.85,
};

/**
 * Screens one answer. Baseline draws come from `random` in a fixed number; a fault draws from its
 * own stream. `bypassAttempt` marks the answer to a child trying to get round parental controls.
 */
export function screenAnswer(
  random: RandomStream,
  ageGroup: AgeGroup,
  active: ActiveFaults,
  bypassAttempt: boolean,
): Screening {
  const rareToxic = random.bernoulli(BASELINE_TOXIC_SHARE);
  const rareToxicity = 0.5 + 0.4 * random.next();
  let toxicity = rareToxic ? rareToxicity : clamp(random.logNormal(0.04, 0.5));
  let ageAppropriateness = clamp(1 - random.logNormal(0.03, 0.6));
  const flagged = random.bernoulli(BASELINE_VIOLATION_SHARE);
  const baselineType = random.weighted(BASELINE_VIOLATION_TYPES);
  const baselineSeverity = random.weighted(BASELINE_SEVERITIES);
  const safetyNoise = random.normal(0, 0.03);
  const effectivenessNoise = random.normal(0, 0.02);
  let violation = flagged ? { type: baselineType, severity: baselineSeverity } : undefined;

  for (const fault of active.of('unsafe-content')) {
    const effect = fault.effect;
    if (effect.ageGroup !== undefined && effect.ageGroup !== ageGroup) continue;
    if (!fault.random.bernoulli(effect.unsafeShare)) continue;
    violation = {
      type: fault.random.pick(effect.violationTypes ?? DEFAULT_UNSAFE_TYPES),
      severity: fault.random.weighted(effect.severities ?? DEFAULT_UNSAFE_SEVERITIES),
    };
    toxicity = clamp(fault.random.normal(effect.toxicity ?? 0.85, 0.07));
    if (violation.type === 'age_inappropriate' || violation.type === 'inappropriate_content') {
      ageAppropriateness = Math.min(ageAppropriateness, clamp(fault.random.normal(0.45, 0.15)));
    }
  }
  if (bypassAttempt) violation = { type: 'parental_bypass_attempt', severity: 'high' };

  const safetyScore =
    violation === undefined ? 1 - 0.6 * toxicity : SAFETY_BY_SEVERITY[violation.severity];
  const effectiveness = filterEffectivenessMean(active) + effectivenessNoise;
  const filterType = filterFor(violation?.type, toxicity, ageAppropriateness);

  return {
    toxicity,
    safetyScore: clamp(safetyScore + safetyNoise),
    ageAppropriateness,
    ...(violation === undefined ? {} : { violation }),
    ...(filterType === undefined
      ? {}
      : { filtered: { filterType, effectiveness: clamp(effectiveness) } }),
  };
}

/** Which filter caught the answer, if any did. */
function filterFor(
  violationType: ViolationType | undefined,
  toxicity: number,
  ageAppropriateness: number,
): FilterType | undefined {
  const ageGated = violationType === 'age_inappropriate' || ageAppropriateness < AGE_GATE_BELOW;
  if (ageGated) return 'age_gate';
  if (violationType === 'toxic_language' || toxicity > KEYWORD_FILTER_TOXICITY) return 'keyword';
  if (violationType !== undefined) return 'classifier';

  return undefined;
}

/** A compliance lapse lowers the filter's effectiveness to the lapse's figure. */
function filterEffectivenessMean(active: ActiveFaults): number {
  let mean = FILTER_EFFECTIVENESS;
  for (const fault of active.of('compliance-lapse')) {
    mean = Math.min(mean, fault.effect.filterEffectiveness ?? FILTER_EFFECTIVENESS);
  }

  return mean;
}
