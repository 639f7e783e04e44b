import { CATALOGUE, type MetricSpec } from './catalogue.js';
import { createMetrics } from './metrics.js';

/** Buckets are null where the domain leaves them open. */
type Expected = [
  name: string,
  type: MetricSpec['type'],
  labels: string[],
  buckets: number[] | null,
];

/** The catalogue of reference/teddy-domain.md, with ms refined to seconds. */
const DOMAIN: Expected[] = [
  ['child_safety_violations_total', 'counter', ['violation_type', 'severity', 'age_group'], null],
  [
    'content_toxicity_score',
    'histogram',
    ['content_type', 'age_group'],
    [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
  ],
  ['conversation_sentiment', 'gauge', ['age_group', 'interaction_type'], null],
  [
    'child_engagement_duration_seconds',
    'histogram',
    ['age_group', 'interaction_type', 'success'],
    [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800],
  ],
  [
    'age_appropriateness_score',
    'histogram',
    ['age_group'],
    [0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1],
  ],
  ['emergency_protocol_activations_total', 'counter', ['trigger_type', 'age_group'], null],
  [
    'emergency_response_time_seconds',
    'histogram',
    ['trigger_type'],
    [1, 2, 5, 10, 15, 20, 30, 45, 60],
  ],
  ['parental_control_events_total', 'counter', ['event_type', 'action'], null],
  ['coppa_compliance_score', 'gauge', ['regulation', 'region'], null],
  ['child_safety_compliance_rate', 'gauge', [], null],
  ['content_filter_effectiveness', 'histogram', ['filter_type'], null],
  [
    'ai_response_time_seconds',
    'histogram',
    ['model', 'age_group'],
    [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5],
  ],
  [
    'ai_accuracy_score',
    'histogram',
    ['model'],
    [0.7, 0.8, 0.85, 0.9, 0.92, 0.95, 0.97, 0.98, 0.99, 1],
  ],
  ['ai_tokens_used_total', 'counter', ['model', 'interaction_type'], null],
  ['ai_inference_cost_usd_total', 'counter', ['model'], null],
  ['ai_response_quality_score', 'histogram', ['model', 'age_group'], null],
  ['ai_hallucinations_total', 'counter', ['model'], null],
  ['ai_answers_total', 'counter', ['model'], null],
  ['requests_total', 'counter', ['service', 'endpoint', 'method', 'status_code'], null],
  [
    'request_latency_seconds',
    'histogram',
    ['service', 'endpoint', 'method', 'status_class'],
    [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2.5, 5],
  ],
  ['database_connection_health', 'gauge', [], null],
  ['cache_hit_rate', 'gauge', [], null],
  ['cpu_usage_ratio', 'gauge', [], null],
  ['memory_usage_ratio', 'gauge', [], null],
  ['disk_usage_ratio', 'gauge', [], null],
  ['data_retention_lag_hours', 'gauge', [], null],
  ['coppa_consent_checks_total', 'counter', ['result'], null],
  ['sim_scenario_phase', 'gauge', ['phase'], null],
  ['sim_fault_active', 'gauge', ['fault'], null],
];

const specs: MetricSpec[] = Object.values(CATALOGUE);

describe('metric catalogue', () => {
  it.each(DOMAIN)('defines %s with its type, labels and buckets', (name, type, labels, buckets) => {
    const spec = specs.find((candidate) => candidate.name === name);

    expect(spec?.type).toBe(type);
    expect(spec?.labelNames).toEqual(labels);
    if (buckets !== null && spec?.type === 'histogram') expect(spec.buckets).toEqual(buckets);
  });

  it('gives every histogram ascending buckets within the value range', () => {
    for (const spec of specs) {
      if (spec.type !== 'histogram') continue;

      expect([...spec.buckets].sort((a, b) => a - b)).toEqual(spec.buckets);
    }
  });

  it('spells every metric name once', () => {
    const names = specs.map((spec) => spec.name);

    expect(new Set(names).size).toBe(names.length);
  });

  it('knows all 105 violation series and each service endpoint with 200, 500 and 503', () => {
    expect(CATALOGUE.safetyViolations.knownLabelSets).toHaveLength(7 * 5 * 3);
    expect(CATALOGUE.requests.knownLabelSets).toContainEqual({
      service: 'safety-service',
      endpoint: '/v1/screen',
      method: 'POST',
      status_code: '503',
    });
    expect(CATALOGUE.requests.knownLabelSets).toHaveLength(4 * 3);
  });
});

describe('metrics built from the catalogue', () => {
  it('register every catalogue metric on a registry of their own', async () => {
    const metrics = createMetrics();
    const registered = (await metrics.registry.getMetricsAsJSON()).map((metric) => metric.name);

    expect(registered.sort()).toEqual(specs.map((spec) => spec.name).sort());
    expect(registered).not.toContain('process_cpu_seconds_total');
  });

  it('start every known label set of counters and histograms at 0 before any event', async () => {
    const metrics = createMetrics();
    const exposed = await metrics.registry.getMetricsAsJSON();

    for (const spec of specs) {
      if (spec.type === 'gauge') continue;
      const metric = exposed.find((candidate) => candidate.name === spec.name)!;
      const sampleName = spec.type === 'counter' ? spec.name : `${spec.name}_count`;
      const samples = metric.values.filter(
        (value) => ((value as { metricName?: string }).metricName ?? spec.name) === sampleName,
      );

      expect(samples).toHaveLength(spec.knownLabelSets.length);
      for (const labels of spec.knownLabelSets) {
        expect(samples).toContainEqual(expect.objectContaining({ labels, value: 0 }));
      }
    }
  });

  it('expose no value for a label-less gauge until it is set', async () => {
    const metrics = createMetrics();
    const before = await metrics.registry.getSingleMetric('database_connection_health')!.get();
    metrics.databaseHealth.set(0.97);
    const after = await metrics.registry.getSingleMetric('database_connection_health')!.get();

    expect(before.values).toEqual([]);
    expect(after.values).toEqual([{ labels: {}, value: 0.97 }]);
  });
});
