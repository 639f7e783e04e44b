import type { FaultEffect, Scenario } from '../scenario/types.js';
import { createRecordingSink, type RecordingSink } from './recording-sink.js';
import { createWorld } from './world.js';

/** Ten minutes of normal traffic, then ten with the fault, then ten without it again. */
function scenarioWith(effect?: FaultEffect): Scenario {
  return {
    name: 'fault-effect',
    description: 'One fault in the middle phase',
    load: { interactionsPerSecond: 10 },
    phases: [
      { name: 'before', duration: '10m' },
      { name: 'during', duration: '10m' },
      { name: 'after', duration: '10m' },
    ],
    faults: effect === undefined ? [] : [{ name: 'the-fault', phase: 'during', effect }],
    expectations: [],
  };
}

const FAULT_START_MS = 600_000;
const FAULT_END_MS = 1_200_000;

function run(effect?: FaultEffect): RecordingSink {
  const world = createWorld({ scenario: scenarioWith(effect), seed: 'faults' });
  const sink = createRecordingSink();
  for (let atMs = 15_000; atMs <= 1_800_000; atMs += 15_000) world.advanceTo(atMs, sink);

  return sink;
}

function split<T extends { atMs: number }>(events: T[]): { before: T[]; during: T[] } {
  return {
    before: events.filter((event) => event.atMs < FAULT_START_MS),
    during: events.filter((event) => event.atMs >= FAULT_START_MS && event.atMs < FAULT_END_MS),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

describe('fault effects', () => {
  it('escalates emergencies at the fault rate with its response time', () => {
    const { before, during } = split(
      run({
        kind: 'emergencies',
        ratePerMinute: 6,
        responseTime: '20s',
        triggerTypes: ['stranger_contact'],
        ageGroup: '3-5',
      }).emergencies,
    );
    const faulty = during.filter((event) => event.triggerType === 'stranger_contact');

    expect(before.length).toBeLessThan(5);
    expect(during.length).toBeGreaterThan(40);
    expect(during.length).toBeLessThan(85);
    expect(median(faulty.map((event) => event.responseTimeMs))).toBeGreaterThan(15_000);
    expect(faulty.every((event) => event.ageGroup === '3-5')).toBe(true);
  });

  it('fails the given share of one service’s requests only', () => {
    const { before, during } = split(
      run({ kind: 'service-errors', service: 'audio-service', errorShare: 0.5 }).requests,
    );
    const errorShare = (requests: typeof during, service: string) => {
      const ofService = requests.filter((request) => request.service === service);

      return ofService.filter((request) => request.statusCode >= 500).length / ofService.length;
    };

    expect(errorShare(before, 'audio-service')).toBeLessThan(0.01);
    expect(errorShare(during, 'audio-service')).toBeGreaterThan(0.45);
    expect(errorShare(during, 'audio-service')).toBeLessThan(0.55);
    expect(errorShare(during, 'ai-service')).toBeLessThan(0.01);
  });

  it('slows one service by the multiplier', () => {
    const { before, during } = split(
      run({ kind: 'service-latency', service: 'safety-service', multiplier: 10 }).requests,
    );
    const medianOf = (requests: typeof during, service: string) =>
      median(requests.filter((r) => r.service === service).map((r) => r.latencyMs));

    expect(medianOf(during, 'safety-service') / medianOf(before, 'safety-service')).toBeGreaterThan(
      8,
    );
    expect(medianOf(during, 'ai-service') / medianOf(before, 'ai-service')).toBeLessThan(1.2);
  });

  it('degrades the answers of one model only', () => {
    const { before, during } = split(
      run({
        kind: 'model-degradation',
        model: 'gpt-4',
        latencyMultiplier: 3,
        accuracyDrop: 0.3,
        qualityDrop: 0.3,
        hallucinationShare: 0.1,
        tokenMultiplier: 3,
      }).interactions,
    );
    const ofModel = (events: typeof during, model: string) =>
      events.filter((event) => event.model === model);
    const gpt4Before = ofModel(before, 'gpt-4');
    const gpt4During = ofModel(during, 'gpt-4');
    const hallucinated = gpt4During.filter((event) => event.hallucinated).length;

    expect(median(gpt4During.map((e) => e.responseTimeMs))).toBeGreaterThan(900);
    expect(median(gpt4During.map((e) => e.accuracy))).toBeLessThan(0.7);
    expect(median(gpt4During.map((e) => e.quality))).toBeLessThan(0.7);
    expect(hallucinated / gpt4During.length).toBeGreaterThan(0.07);
    expect(
      mean(gpt4During.map((e) => e.tokens)) / mean(gpt4Before.map((e) => e.tokens)),
    ).toBeGreaterThan(2);
    expect(median(ofModel(during, 'palm-2').map((e) => e.accuracy))).toBeGreaterThan(0.9);
  });

  it('lowers database connection health and slows profile reads', () => {
    const sink = run({ kind: 'database-degraded', connectionHealth: 0.5 });
    const { before, during } = split(sink.snapshots);
    const requests = split(sink.requests.filter((request) => request.service === 'child-service'));

    expect(mean(before.map((s) => s.databaseConnectionHealth))).toBeGreaterThan(0.95);
    expect(mean(during.map((s) => s.databaseConnectionHealth))).toBeLessThan(0.55);
    expect(median(requests.during.map((r) => r.latencyMs))).toBeGreaterThan(
      2 * median(requests.before.map((r) => r.latencyMs)),
    );
  });

  it('fails consent checks, lags retention and weakens the filter in a compliance lapse', () => {
    const sink = run({
      kind: 'compliance-lapse',
      consentFailureShare: 0.2,
      retentionLagHours: 30,
      filterEffectiveness: 0.75,
    });
    const snapshots = split(sink.snapshots);
    const checks = split(sink.interactions.filter((event) => event.consentCheck !== undefined));
    const failedShare = (events: typeof checks.during) =>
      events.filter((event) => !event.consentCheck!.passed).length / events.length;
    const filtered = split(sink.interactions.filter((event) => event.filtered !== undefined));

    expect(failedShare(checks.before)).toBeLessThan(0.02);
    expect(failedShare(checks.during)).toBeGreaterThan(0.15);
    expect(mean(snapshots.before.map((s) => s.coppaCompliance[0]!.value))).toBeGreaterThan(0.99);
    expect(mean(snapshots.during.map((s) => s.coppaCompliance[0]!.value))).toBeLessThan(0.85);
    expect(mean(snapshots.during.map((s) => s.retentionLagHours))).toBeGreaterThan(29);
    expect(mean(filtered.during.map((e) => e.filtered!.effectiveness))).toBeLessThan(0.8);
    expect(mean(filtered.before.map((e) => e.filtered!.effectiveness))).toBeGreaterThan(0.9);
  });

  it('turns parental bypass attempts into high violations and denied controls', () => {
    const sink = run({ kind: 'parental-bypass', attemptsPerMinute: 6 });
    const bypasses = split(
      sink.interactions.filter((event) => event.violation?.type === 'parental_bypass_attempt'),
    );
    const denied = split(sink.parentalControls.filter((event) => event.action === 'denied'));

    expect(bypasses.before).toEqual([]);
    expect(bypasses.during.length).toBeGreaterThan(40);
    expect(bypasses.during.every((event) => event.violation!.severity === 'high')).toBe(true);
    expect(denied.during.length).toBeGreaterThanOrEqual(bypasses.during.length);
  });

  it('fills disk and memory under resource pressure', () => {
    const { before, during } = split(
      run({ kind: 'resource-pressure', diskUsage: 0.95, memoryUsage: 0.92 }).snapshots,
    );

    expect(mean(before.map((s) => s.diskUsage))).toBeLessThan(0.5);
    expect(mean(during.map((s) => s.diskUsage))).toBeGreaterThan(0.93);
    expect(mean(during.map((s) => s.memoryUsage))).toBeGreaterThan(0.88);
  });

  it('drops the sentiment of one age group', () => {
    const { before, during } = split(
      run({ kind: 'sentiment-drop', ageGroup: '3-5', sentiment: -0.5 }).snapshots,
    );
    const sentimentOf = (snapshots: typeof during, ageGroup: string) =>
      mean(
        snapshots.flatMap((s) =>
          s.sentiment.filter((entry) => entry.ageGroup === ageGroup).map((entry) => entry.value),
        ),
      );

    expect(sentimentOf(before, '3-5')).toBeGreaterThan(0.3);
    expect(sentimentOf(during, '3-5')).toBeLessThan(-0.4);
    expect(sentimentOf(during, '9-12')).toBeGreaterThan(0.3);
  });

  it('leaves the answers untouched by a fault that only affects requests', () => {
    const plain = run();
    const withFault = run({ kind: 'service-latency', service: 'audio-service', multiplier: 5 });

    expect(withFault.interactions).toEqual(plain.interactions);
    expect(split(withFault.requests).before).toEqual(split(plain.requests).before);
  });
});
