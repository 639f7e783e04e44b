import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../common/logger.js';
import { sampleScenario } from '../world/fixtures.js';
import { createWorld } from '../world/world.js';
import { createMetrics } from './metrics.js';
import { createTelemetry } from './telemetry.js';
import { createTracing } from './tracing.js';

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

interface OtlpSpan {
  name: string;
  attributes: OtlpAttribute[];
}

let reportDir: string;

beforeAll(() => {
  reportDir = mkdtempSync(join(tmpdir(), 'sim-privacy-'));
});

afterAll(() => {
  rmSync(reportDir, { recursive: true, force: true });
});

/** Three simulated minutes of the sample scenario, through metrics and traces to a file. */
async function runThroughTelemetry() {
  const metrics = createMetrics();
  const tracing = createTracing({
    reportDir,
    seed: 'privacy',
    resourceAttributes: { 'sim.scenario': sampleScenario.name },
    env: {},
  });
  const telemetry = createTelemetry({
    metrics,
    tracer: tracing.tracer,
    startEpochMs: Date.UTC(2025, 0, 1),
    logger: silentLogger,
  });
  const world = createWorld({ scenario: sampleScenario, seed: 'privacy' });
  for (let atMs = 5_000; atMs <= 180_000; atMs += 5_000) world.advanceTo(atMs, telemetry);
  const summary = await tracing.shutdown();

  return {
    children: world.__childrenForTests(),
    metricsText: await metrics.registry.metrics(),
    traceText: readFileSync(summary.file!, 'utf8'),
  };
}

function spansOf(traceText: string): OtlpSpan[] {
  const request = JSON.parse(traceText) as {
    resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
  };

  return request.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((scope) => scope.spans));
}

describe('privacy of the simulated children', () => {
  it('keeps every child name and id out of metrics, spans and the trace file', async () => {
    const { children, metricsText, traceText } = await runThroughTelemetry();
    const spans = spansOf(traceText);
    const spanTexts = spans.flatMap((span) => [
      span.name,
      ...span.attributes.flatMap((attribute) => [attribute.key, JSON.stringify(attribute.value)]),
    ]);
    const secrets = children.flatMap((child) => [child.name, child.id]);

    expect(children.length).toBeGreaterThan(100);
    expect(spans.length).toBeGreaterThan(3_000);
    expect(spanTexts).toContain('session.hash');
    for (const secret of secrets) {
      expect(metricsText).not.toContain(secret);
      expect(traceText).not.toContain(secret);
      expect(spanTexts.filter((text) => text.includes(secret))).toEqual([]);
    }
  });

  it('links the spans of a session by a 16-character hash only', async () => {
    const { traceText } = await runThroughTelemetry();
    const hashes = spansOf(traceText).flatMap((span) =>
      span.attributes
        .filter((attribute) => attribute.key === 'session.hash')
        .map((attribute) => attribute.value['stringValue']),
    );

    expect(hashes.length).toBeGreaterThan(3_000);
    expect(hashes.every((hash) => typeof hash === 'string' && /^[0-9a-f]{16}$/.test(hash))).toBe(
      true,
    );
    expect(new Set(hashes).size).toBeLessThan(hashes.length);
  });
});
