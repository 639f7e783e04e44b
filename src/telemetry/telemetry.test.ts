import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { memoryLogger } from '../../test/support/memory-logger.js';
import { silentLogger } from '../common/logger.js';
import { sampleScenario } from '../world/fixtures.js';
import type { Interaction } from '../world/types.js';
import { createWorld } from '../world/world.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createTelemetry } from './telemetry.js';

const START_EPOCH_MS = Date.UTC(2025, 0, 1, 12);

async function metricsAfter(seed: string, untilMs: number): Promise<string> {
  const metrics = createMetrics();
  const telemetry = createTelemetry({
    metrics,
    tracer: trace.getTracer('noop'),
    startEpochMs: START_EPOCH_MS,
    logger: silentLogger,
  });
  const world = createWorld({ scenario: sampleScenario, seed });
  for (let atMs = 15_000; atMs <= untilMs; atMs += 15_000) world.advanceTo(atMs, telemetry);

  return metrics.registry.metrics();
}

async function valueOf(metrics: Metrics, name: string, labels: Record<string, string> = {}) {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  const sample = metric.values.find((value) =>
    Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected),
  );

  return sample?.value;
}

const interaction: Interaction = {
  atMs: 1_000,
  sessionHash: '0123456789abcdef',
  ageGroup: '6-8',
  interactionType: 'storytelling',
  model: 'claude-sonnet',
  contentType: 'story',
  responseTimeMs: 420,
  tokens: 500,
  costUsd: 0.0045,
  accuracy: 0.95,
  quality: 0.93,
  hallucinated: false,
  toxicity: 0.9,
  safetyScore: 0.05,
  ageAppropriateness: 0.4,
  violation: { type: 'toxic_language', severity: 'critical' },
  filtered: { filterType: 'keyword', effectiveness: 0.96 },
};

describe('telemetry metrics', () => {
  it('exposes identical metrics for the same seed and scenario time', async () => {
    const first = await metricsAfter('seed-1', 90_000);
    const second = await metricsAfter('seed-1', 90_000);

    expect(second).toBe(first);
  });

  it('exposes different metrics for a different seed', async () => {
    expect(await metricsAfter('seed-2', 45_000)).not.toBe(await metricsAfter('seed-1', 45_000));
  });

  it('records an interaction in every metric it touches', async () => {
    const metrics = createMetrics();
    const telemetry = createTelemetry({
      metrics,
      tracer: trace.getTracer('noop'),
      startEpochMs: START_EPOCH_MS,
      logger: silentLogger,
    });
    telemetry.interaction(interaction);
    const violation = { violation_type: 'toxic_language', severity: 'critical', age_group: '6-8' };

    expect(await valueOf(metrics, 'child_safety_violations_total', violation)).toBe(1);
    expect(await valueOf(metrics, 'ai_answers_total', { model: 'claude-sonnet' })).toBe(1);
    const tokens = { model: 'claude-sonnet', interaction_type: 'storytelling' };
    expect(await valueOf(metrics, 'ai_tokens_used_total', tokens)).toBe(500);
    const latency = { model: 'claude-sonnet', age_group: '6-8', le: '0.5' };
    expect(await valueOf(metrics, 'ai_response_time_seconds', latency)).toBe(1);
    const toxicity = { content_type: 'story', age_group: '6-8', le: '0.8' };
    expect(await valueOf(metrics, 'content_toxicity_score', toxicity)).toBe(0);
  });

  it('marks the running phase and the active faults', async () => {
    const metrics = createMetrics();
    const telemetry = createTelemetry({
      metrics,
      tracer: trace.getTracer('noop'),
      startEpochMs: START_EPOCH_MS,
      logger: silentLogger,
      phases: ['baseline', 'incident'],
      faults: ['unsafe-burst'],
    });

    expect(await valueOf(metrics, 'sim_fault_active', { fault: 'unsafe-burst' })).toBe(0);
    telemetry.setPhase('baseline');
    telemetry.setPhase('incident');
    telemetry.setActiveFaults(['unsafe-burst']);

    expect(await valueOf(metrics, 'sim_scenario_phase', { phase: 'baseline' })).toBe(0);
    expect(await valueOf(metrics, 'sim_scenario_phase', { phase: 'incident' })).toBe(1);
    expect(await valueOf(metrics, 'sim_fault_active', { fault: 'unsafe-burst' })).toBe(1);
    telemetry.setActiveFaults([]);
    expect(await valueOf(metrics, 'sim_fault_active', { fault: 'unsafe-burst' })).toBe(0);
  });

  it('counts a failure instead of throwing, and logs it once', async () => {
    const metrics = createMetrics();
    const broken: Metrics = {
      ...metrics,
      aiAnswers: Object.assign(Object.create(metrics.aiAnswers) as Metrics['aiAnswers'], {
        inc: () => {
          throw new Error('broken counter');
        },
      }),
    };
    const logger = memoryLogger();
    const telemetry = createTelemetry({
      metrics: broken,
      tracer: trace.getTracer('noop'),
      startEpochMs: START_EPOCH_MS,
      logger,
    });

    expect(() => telemetry.interaction(interaction)).not.toThrow();
    expect(() => telemetry.interaction(interaction)).not.toThrow();
    expect(await valueOf(metrics, 'sim_telemetry_errors_total', { event: 'interaction' })).toBe(2);
    expect(logger.entries.filter((entry) => entry.level === 'warn')).toHaveLength(1);
  });
});

describe('telemetry spans', () => {
  it('makes one span per interaction and emergency, stamped in scenario time', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const telemetry = createTelemetry({
      metrics: createMetrics(),
      tracer: provider.getTracer('test'),
      startEpochMs: START_EPOCH_MS,
      logger: silentLogger,
    });
    telemetry.interaction(interaction);
    telemetry.emergency({
      atMs: 2_000,
      triggerType: 'distress_detected',
      ageGroup: '3-5',
      responseTimeMs: 4_000,
    });
    const [answer, emergency] = exporter.getFinishedSpans();

    expect(answer?.name).toBe('teddy.interaction');
    expect(answer?.attributes).toMatchObject({
      'session.hash': '0123456789abcdef',
      'child.age_group': '6-8',
      'ai.model': 'claude-sonnet',
      'safety.violation.severity': 'critical',
    });
    expect(answer?.startTime).toEqual([(START_EPOCH_MS + 1_000) / 1_000, 0]);
    expect(answer?.endTime).toEqual([(START_EPOCH_MS + 1_000) / 1_000, 420_000_000]);
    expect(emergency?.name).toBe('teddy.emergency.escalation');
    expect(emergency?.attributes['emergency.trigger_type']).toBe('distress_detected');
  });
});
