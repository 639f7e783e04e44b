import { baselineScenario, sampleScenario } from './fixtures.js';
import { createRecordingSink, type RecordingSink } from './recording-sink.js';
import { createWorld } from './world.js';
import type { Scenario } from '../scenario/types.js';

function run(scenario: Scenario, seed: string, stepsMs: number[]): RecordingSink {
  const world = createWorld({ scenario, seed });
  const sink = createRecordingSink();
  for (const atMs of stepsMs) world.advanceTo(atMs, sink);

  return sink;
}

/** Everything but the snapshots, which come once per step by design. */
function events(sink: RecordingSink) {
  return [sink.interactions, sink.emergencies, sink.requests, sink.parentalControls];
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length * share)]!;
}

describe('world determinism', () => {
  it('produces the same events for the same seed', () => {
    const first = run(sampleScenario, 'seed-1', [45_000, 90_000]);
    const second = run(sampleScenario, 'seed-1', [45_000, 90_000]);

    expect(first.interactions.length).toBeGreaterThan(1_000);
    expect(events(second)).toEqual(events(first));
    expect(second.snapshots).toEqual(first.snapshots);
  });

  it('produces different events for a different seed', () => {
    const first = run(sampleScenario, 'seed-1', [10_000]);
    const second = run(sampleScenario, 'seed-2', [10_000]);

    expect(second.interactions.map((event) => event.atMs)).not.toEqual(
      first.interactions.map((event) => event.atMs),
    );
  });

  it('produces the same events whatever the step size', () => {
    const inOneStep = run(sampleScenario, 'seed-1', [2_000]);
    const inTwoSteps = run(sampleScenario, 'seed-1', [1_000, 2_000]);
    const inManySteps = run(
      sampleScenario,
      'seed-1',
      Array.from({ length: 90 }, (_, index) => (index + 1) * 1_000),
    );
    const inFewSteps = run(sampleScenario, 'seed-1', [7_777, 30_000, 61_234, 90_000]);

    expect(inOneStep.interactions.length).toBeGreaterThan(10);
    expect(events(inTwoSteps)).toEqual(events(inOneStep));
    expect(events(inManySteps)).toEqual(events(inFewSteps));
  });

  it('sends events in time order', () => {
    const sink = run(sampleScenario, 'seed-1', [90_000]);
    const times = sink.interactions.map((event) => event.atMs);

    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)).toBeLessThanOrEqual(90_000);
  });

  it('refuses to go back in time', () => {
    const world = createWorld({ scenario: sampleScenario, seed: 'seed-1' });
    world.advanceTo(5_000, createRecordingSink());

    expect(() => world.advanceTo(4_000, createRecordingSink())).toThrow('cannot go back');
  });
});

describe('world traffic', () => {
  it('averages the requested arrival rate over a long window', () => {
    const sink = run(baselineScenario('1h', 20), 'rate', [3_600_000]);
    const perSecond = sink.interactions.length / 3_600;

    // 72,000 expected; a Poisson count's sd is about 270, so 1 % is a wide margin.
    expect(perSecond).toBeGreaterThan(19.8);
    expect(perSecond).toBeLessThan(20.2);
  });

  it('multiplies the rate by the phase load factor and by a traffic surge', () => {
    const scenario: Scenario = {
      ...baselineScenario('10m', 10),
      phases: [
        { name: 'quiet', duration: '10m', loadFactor: 0.5 },
        { name: 'busy', duration: '10m' },
      ],
      faults: [{ name: 'surge', phase: 'busy', effect: { kind: 'traffic-surge', multiplier: 3 } }],
    };
    const sink = run(scenario, 'rate', [1_200_000]);
    const quiet = sink.interactions.filter((event) => event.atMs < 600_000).length / 600;
    const busy = sink.interactions.filter((event) => event.atMs >= 600_000).length / 600;

    expect(quiet).toBeGreaterThan(4.7);
    expect(quiet).toBeLessThan(5.3);
    expect(busy).toBeGreaterThan(29);
    expect(busy).toBeLessThan(31);
  });

  it('follows the diurnal curve, busiest in the evening', () => {
    const scenario: Scenario = {
      ...baselineScenario('24h', 0.5),
      load: { interactionsPerSecond: 0.5, diurnal: { amplitude: 0.6 } },
    };
    const sink = run(scenario, 'diurnal', [86_400_000]);
    const inHour = (hour: number) =>
      sink.interactions.filter((event) => Math.floor(event.atMs / 3_600_000) === hour).length;

    expect(inHour(18)).toBeGreaterThan(inHour(6) * 3);
  });

  it('keeps answer latency in a realistic range, with a long tail', () => {
    const sink = run(baselineScenario('30m', 20), 'latency', [1_800_000]);
    const gpt4 = sink.interactions
      .filter((event) => event.model === 'gpt-4')
      .map((event) => event.responseTimeMs);
    const all = sink.interactions.map((event) => event.responseTimeMs);

    expect(percentile(gpt4, 0.5)).toBeGreaterThan(300);
    expect(percentile(gpt4, 0.5)).toBeLessThan(450);
    expect(percentile(gpt4, 0.95)).toBeGreaterThan(400);
    expect(percentile(gpt4, 0.95)).toBeLessThan(900);
    expect(percentile(all, 0.95)).toBeLessThan(500);
    expect(percentile(all, 0.99)).toBeGreaterThan(1_500);
  });

  it('spreads each interaction over 2 to 4 requests, nearly all of them successful', () => {
    const sink = run(baselineScenario('20m', 20), 'requests', [1_200_000]);
    const perInteraction = sink.requests.length / sink.interactions.length;
    const failed = sink.requests.filter((request) => request.statusCode >= 500).length;

    expect(perInteraction).toBeGreaterThanOrEqual(2);
    expect(perInteraction).toBeLessThanOrEqual(4);
    expect(failed / sink.requests.length).toBeLessThan(0.002);
  });

  it('ends sessions with an engagement time and a consent check at their start', () => {
    const sink = run(baselineScenario('20m', 20), 'sessions', [1_200_000]);
    const ends = sink.interactions.flatMap((event) => event.sessionEnd ?? []);
    const checks = sink.interactions.filter((event) => event.consentCheck !== undefined);

    expect(ends.length).toBeGreaterThan(100);
    expect(checks.length).toBeGreaterThan(ends.length);
    expect(ends.every((end) => end.engagementSeconds > 0)).toBe(true);
    expect(ends.filter((end) => end.success).length / ends.length).toBeGreaterThan(0.85);
  });
});

describe('world safety', () => {
  it('flags no critical violation on a normal day of several hours', () => {
    const world = createWorld({ scenario: baselineScenario('4h', 20), seed: 'normal-day' });
    const severities: string[] = [];
    let interactions = 0;
    world.advanceTo(14_400_000, {
      ...createRecordingSink(),
      request: () => undefined,
      interaction: (event) => {
        interactions += 1;
        if (event.violation !== undefined) severities.push(event.violation.severity);
      },
    });

    expect(interactions).toBeGreaterThan(280_000);
    expect(severities.length).toBeGreaterThan(0);
    expect(severities.filter((severity) => severity === 'critical')).toEqual([]);
    expect(severities.length / interactions).toBeLessThan(0.000_1);
  });

  it('yields critical violations for the chosen age group only during unsafe content', () => {
    const sink = run(sampleScenario, 'unsafe', [90_000]);
    const critical = sink.interactions.filter((event) => event.violation?.severity === 'critical');
    const toddlers = sink.interactions.filter(
      (event) => event.ageGroup === '6-8' && event.atMs >= 30_000,
    );
    const flagged = toddlers.filter((event) => event.violation !== undefined);

    expect(critical.length).toBeGreaterThan(20);
    expect(critical.every((event) => event.ageGroup === '6-8')).toBe(true);
    expect(critical.every((event) => event.atMs >= 30_000)).toBe(true);
    expect(flagged.length / toddlers.length).toBeGreaterThan(0.2);
    expect(flagged.length / toddlers.length).toBeLessThan(0.4);
  });

  it('escalates rare baseline emergencies that are answered within seconds', () => {
    const sink = run(baselineScenario('10h', 1), 'emergencies', [36_000_000]);
    const responses = sink.emergencies.map((event) => event.responseTimeMs);

    expect(sink.emergencies.length).toBeGreaterThan(40);
    expect(sink.emergencies.length).toBeLessThan(85);
    expect(percentile(responses, 0.5)).toBeGreaterThan(3_000);
    expect(percentile(responses, 0.95)).toBeLessThan(15_000);
  });
});

describe('world conditions', () => {
  it('names the phase and the active faults at a moment', () => {
    const world = createWorld({ scenario: sampleScenario, seed: 'seed-1' });

    expect(world.conditionsAt(10_000)).toEqual({
      phase: 'baseline',
      activeFaults: [],
      scrapeTargetUp: true,
    });
    expect(world.conditionsAt(30_000)).toEqual({
      phase: 'incident',
      activeFaults: ['unsafe-burst'],
      scrapeTargetUp: true,
    });
    expect(world.conditionsAt(200_000).phase).toBe('incident');
    expect(world.durationMs).toBe(90_000);
  });

  it('reports the scrape target down while such a fault is active', () => {
    const scenario: Scenario = {
      ...sampleScenario,
      faults: [
        {
          name: 'blackout',
          phase: 'incident',
          offset: '10s',
          duration: '20s',
          effect: { kind: 'scrape-target-down' },
        },
      ],
    };
    const world = createWorld({ scenario, seed: 'seed-1' });

    expect(world.conditionsAt(39_999).scrapeTargetUp).toBe(true);
    expect(world.conditionsAt(40_000).scrapeTargetUp).toBe(false);
    expect(world.conditionsAt(60_000).scrapeTargetUp).toBe(true);
    expect(world.faults).toEqual([{ name: 'blackout', startMs: 40_000, endMs: 60_000 }]);
  });

  it('moves phases and their faults to the starts it is given', () => {
    const world = createWorld({
      scenario: sampleScenario,
      seed: 'seed-1',
      phaseStartsMs: [0, 45_000],
    });

    expect(world.phases).toEqual([
      { name: 'baseline', startMs: 0, endMs: 45_000 },
      { name: 'incident', startMs: 45_000, endMs: 105_000 },
    ]);
    expect(world.faults).toEqual([{ name: 'unsafe-burst', startMs: 45_000, endMs: 105_000 }]);
  });
});
