import { z } from 'zod';
import { isDuration } from '../common/duration.js';

const labelName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'is not a Prometheus label name');
const labels = z.record(labelName, z.string());
const windowQuery = z
  .string()
  .trim()
  .min(1)
  .refine((query) => query.includes('{{.window}}'), {
    message: 'has no {{.window}}; write the range as [{{.window}}] so each window can be filled in',
  });

/** Sloth's `page_alert` and `ticket_alert`. */
const alertKind = z.strictObject({
  disable: z.boolean().optional(),
  labels: labels.optional(),
  annotations: labels.optional(),
});

/**
 * What Sloth's `prometheus/v1` SLO has no field for lives in the SLO's `labels`, which Sloth
 * accepts as free labels (and copies onto the rules it generates).
 */
const sloLabels = z
  .object({
    period: z
      .string()
      .refine(isDuration, { message: 'is not a duration; write it as 30d, 7d, 24h or 1h' }),
    policy: z.enum(['strict', 'balanced', 'relaxed']),
    min_events_per_hour: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'is not a number of events per hour, e.g. "120"'),
    fast_tier: z.enum(['exact', 'tiled']).optional(),
    sli: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'is not a snake_case name such as request_errors')
      .optional(),
  })
  .catchall(z.string());

export const sloSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'is not a kebab-case name such as error-rate'),
  objective: z
    .number()
    .gt(0, 'must be a percentage above 0')
    .lt(100, 'must be a percentage below 100: 100 leaves no error budget'),
  description: z.string().optional(),
  labels: sloLabels,
  sli: z.strictObject({
    events: z.strictObject({ error_query: windowQuery, total_query: windowQuery }),
  }),
  alerting: z.strictObject({
    name: z
      .string()
      .regex(
        /^SLO[A-Z][A-Za-z0-9]*BurnRate$/,
        'must read SLO<Name>BurnRate, e.g. SLOErrorRateBurnRate',
      ),
    labels: labels.refine((l) => l['team'] !== undefined, { message: 'needs a team label' }),
    annotations: z.strictObject({
      summary: z.string().min(1),
      description: z.string().min(1),
      runbook_url: z.url().optional(),
    }),
    page_alert: alertKind.optional(),
    ticket_alert: alertKind.optional(),
  }),
});

export const specSchema = z.strictObject({
  version: z.literal('prometheus/v1', { message: 'must be "prometheus/v1", Sloth\'s format' }),
  service: z.string().min(1),
  labels: labels.optional(),
  slos: z.array(sloSchema).min(1, 'lists no SLO'),
});

export type SloSpecFile = z.infer<typeof specSchema>;
export type SloSpecEntry = z.infer<typeof sloSchema>;
