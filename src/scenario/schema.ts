import { z } from 'zod';
import { isDuration, parseDurationMs } from '../common/duration.js';
import {
  AGE_GROUPS,
  INTERACTION_TYPES,
  MODELS,
  SERVICES,
  SEVERITIES,
  TRIGGER_TYPES,
  VIOLATION_TYPES,
} from '../common/vocabulary.js';
import type { Scenario } from './types.js';

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|Inf|NaN)`;
const SERIES_TOKEN = new RegExp(
  String.raw`^(?:_(?:x\d+)?|stale|${NUMBER}(?:[-+]${NUMBER})?(?:x\d+)?)$`,
);

/** promtool's input_series notation, token by token: `_`, `_x3`, `stale`, `1`, `0+10x100`. */
function isSeriesNotation(text: string): boolean {
  const tokens = text.trim().split(/\s+/);

  return text.trim() !== '' && tokens.every((token) => SERIES_TOKEN.test(token));
}

/** Longer than any scenario needs; it also keeps absurd values from hanging a run. */
const MAX_DURATION_MS = 30 * 86_400_000;
const duration = z
  .string()
  .refine(isDuration, {
    message: 'is not a duration; write it as Prometheus does, e.g. 30s, 5m, 1h30m',
  })
  .refine((text) => !isDuration(text) || parseDurationMs(text) <= MAX_DURATION_MS, {
    message: 'is longer than 30d',
  });
const positiveDuration = duration.refine((text) => !isDuration(text) || parseDurationMs(text) > 0, {
  message: 'must be longer than 0s',
});
/** Rates above these would simulate more than one process can, and block the run. */
const perSecond = z.number().positive().max(10_000);
const perMinute = z.number().positive().max(60_000);
const factor = z.number().positive().max(1_000);
const share = z.number().min(0).max(1);

/** Relative weights, at least one of them above 0. */
function weights<T extends z.ZodType<Partial<Record<string, number>>>>(record: T) {
  return record.refine((value) => Object.values(value).some((w) => (w ?? 0) > 0), {
    message: 'needs at least one weight above 0',
  });
}
const weight = z.number().nonnegative();
const name = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case: a-z, 0-9 and -');
const labelMatch = z.record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/), z.string());
const alertName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'is not a Prometheus alert name');

const ageGroup = z.enum(AGE_GROUPS);

const effect = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('unsafe-content'),
    ageGroup: ageGroup.optional(),
    unsafeShare: share,
    severities: z.partialRecord(z.enum(SEVERITIES), weight).optional(),
    violationTypes: z.array(z.enum(VIOLATION_TYPES)).min(1).optional(),
    toxicity: share.optional(),
  }),
  z.strictObject({
    kind: z.literal('emergencies'),
    ratePerMinute: perMinute,
    triggerTypes: z.array(z.enum(TRIGGER_TYPES)).min(1).optional(),
    responseTime: duration,
    ageGroup: ageGroup.optional(),
  }),
  z.strictObject({
    kind: z.literal('service-errors'),
    service: z.enum(SERVICES),
    errorShare: share,
  }),
  z.strictObject({
    kind: z.literal('service-latency'),
    service: z.enum(SERVICES),
    multiplier: factor,
  }),
  z.strictObject({
    kind: z.literal('model-degradation'),
    model: z.enum(MODELS),
    latencyMultiplier: factor.optional(),
    accuracyDrop: share.optional(),
    qualityDrop: share.optional(),
    hallucinationShare: share.optional(),
    tokenMultiplier: factor.optional(),
  }),
  z.strictObject({ kind: z.literal('scrape-target-down') }),
  z.strictObject({ kind: z.literal('database-degraded'), connectionHealth: share }),
  z.strictObject({
    kind: z.literal('compliance-lapse'),
    consentFailureShare: share.optional(),
    retentionLagHours: z.number().nonnegative().optional(),
    filterEffectiveness: share.optional(),
  }),
  z.strictObject({ kind: z.literal('parental-bypass'), attemptsPerMinute: perMinute }),
  z.strictObject({
    kind: z.literal('resource-pressure'),
    diskUsage: share.optional(),
    memoryUsage: share.optional(),
  }),
  z.strictObject({
    kind: z.literal('sentiment-drop'),
    ageGroup: ageGroup.optional(),
    sentiment: z.number().min(-1).max(1),
  }),
  z.strictObject({ kind: z.literal('traffic-surge'), multiplier: factor }),
]);

const expectation = z.discriminatedUnion('expect', [
  z.strictObject({
    expect: z.literal('fires'),
    alert: alertName,
    labels: labelMatch.optional(),
    after: z.string(),
    within: positiveDuration,
    notBefore: duration.optional(),
    receiver: z.string().min(1).optional(),
  }),
  z.strictObject({
    expect: z.literal('silent'),
    alert: alertName.optional(),
    labels: labelMatch.optional(),
    except: z.array(alertName).optional(),
    during: z.string().optional(),
    receiver: z.string().min(1).optional(),
  }),
  z.strictObject({
    expect: z.literal('resolves'),
    alert: alertName,
    labels: labelMatch.optional(),
    after: z.string(),
    within: positiveDuration,
  }),
]);

/** The shape of a scenario; cross-references are checked by `validateScenario`. */
export const scenarioSchema = z.strictObject({
  name,
  description: z.string().min(1),
  load: z.strictObject({
    interactionsPerSecond: perSecond,
    ageGroups: weights(z.partialRecord(ageGroup, weight)).optional(),
    interactionTypes: weights(z.partialRecord(z.enum(INTERACTION_TYPES), weight)).optional(),
    models: weights(z.partialRecord(z.enum(MODELS), weight)).optional(),
    diurnal: z.strictObject({ amplitude: z.number().min(0).max(1) }).optional(),
  }),
  phases: z
    .array(
      z.strictObject({
        name,
        duration: positiveDuration,
        loadFactor: z.number().nonnegative().max(1_000).optional(),
      }),
    )
    .min(1),
  faults: z
    .array(
      z.strictObject({
        name,
        phase: z.string(),
        offset: duration.optional(),
        duration: positiveDuration.optional(),
        effect,
      }),
    )
    .optional(),
  expectations: z.array(expectation).min(1),
  rawSeries: z
    .array(
      z.strictObject({
        series: z
          .string()
          .regex(
            /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?$/,
            'is not a series such as name{label="value"}',
          ),
        values: z.string().refine(isSeriesNotation, {
          message: "is not promtool notation; write e.g. '0+10x100', '_x5', 'stale', '1 2 3'",
        }),
      }),
    )
    .optional(),
}) satisfies z.ZodType<Scenario>;
