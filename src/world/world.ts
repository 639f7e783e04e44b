import { AGE_GROUPS } from '../common/vocabulary.js';
import type { EmergencyEffect, ParentalBypassEffect, Scenario } from '../scenario/types.js';
import { createChildPool, createSeededFaker } from './children.js';
import { baselineEmergencies, faultEmergencies } from './emergencies.js';
import { createFaultTimeline, type Fault } from './faults.js';
import { createInteractionSource, type InteractionSource } from './interactions.js';
import { createLoadSchedule } from './load.js';
import { baselineParentalControls, parentalBypassAttempts } from './parental.js';
import { createPoissonProcess, type EventSource } from './poisson.js';
import { createRandomStreams, type RandomStreams } from './random.js';
import { phaseAt, scheduleOf, type TimeWindow } from './schedule.js';
import { createSessionPool, equalUnlessGiven } from './sessions.js';
import { createSnapshotModel } from './snapshot.js';
import type { WorldSink } from './types.js';

export interface WorldOptions {
  scenario: Scenario;
  /** Root of every random stream and of faker. */
  seed: string;
  /** When each phase started, in scenario ms, one per phase in order; default back to back. */
  phaseStartsMs?: readonly number[];
  /** Wall-clock time of the run's start; only places the run on the diurnal curve. Default 0. */
  startEpochMs?: number;
}

/** What the engine needs to know about a moment of the run. */
export interface WorldConditions {
  phase: string;
  /** Names of the faults active at that moment. */
  activeFaults: string[];
  /** False while a `scrape-target-down` fault is active: /metrics must answer 503. */
  scrapeTargetUp: boolean;
}

/** The simulated AI toy: seeded children, sessions and faults, producing events over time. */
export interface World {
  readonly phases: readonly TimeWindow[];
  readonly faults: readonly TimeWindow[];
  /** The end of the last phase, in scenario ms. */
  readonly durationMs: number;
  /**
   * Sends `sink` everything that happens after the previous call up to `scenarioMs` (inclusive),
   * in time order, then one system snapshot. The events do not depend on the step sizes.
   */
  advanceTo(scenarioMs: number, sink: WorldSink): void;
  conditionsAt(scenarioMs: number): WorldConditions;
  /** Test only: the name and id of every child made so far, to prove none leaves the world. */
  __childrenForTests(): readonly { id: string; name: string }[];
}

export function createWorld(options: WorldOptions): World {
  const { scenario, seed } = options;
  const streams = createRandomStreams(seed);
  const schedule = scheduleOf(scenario, options.phaseStartsMs);
  const phases = schedule.phases;
  const faults = createFaultTimeline(schedule.faults, streams);
  const load = createLoadSchedule({
    scenario,
    phases,
    faults,
    startEpochMs: options.startEpochMs ?? 0,
  });
  const faker = createSeededFaker(streams.stream('faker'));
  const children = createChildPool(faker);
  const interactions = createInteractionSource({
    arrivals: createPoissonProcess(streams.stream('arrivals'), load),
    sessions: createSessionPool({
      load: scenario.load,
      children,
      faker,
      random: streams.stream('sessions'),
      salt: saltOf(streams),
    }),
    faults,
    streams,
  });
  const sources = eventSources(streams, scenario, faults.faults, interactions);
  const snapshots = createSnapshotModel({
    random: streams.stream('snapshot'),
    activeAt: (atMs) => faults.activeAt(atMs),
    loadRatioAt: (atMs) => load.loadRatioAt(atMs),
  });
  let nowMs = 0;

  return {
    phases: phases.map(({ name, startMs, endMs }) => ({ name, startMs, endMs })),
    faults: faults.faults.map(({ name, startMs, endMs }) => ({ name, startMs, endMs })),
    durationMs: Math.max(0, ...phases.map((phase) => phase.endMs)),
    advanceTo(scenarioMs, sink) {
      if (scenarioMs < nowMs) {
        throw new RangeError(`the world is at ${nowMs} ms and cannot go back to ${scenarioMs} ms`);
      }
      nowMs = scenarioMs;
      drainUntil(sources, scenarioMs, sink);
      sink.snapshot(snapshots.at(scenarioMs));
    },
    conditionsAt(scenarioMs) {
      const active = faults.activeAt(scenarioMs);

      return {
        phase: phaseAt(phases, scenarioMs).name,
        activeFaults: active.all.map((fault) => fault.name),
        scrapeTargetUp: active.of('scrape-target-down').length === 0,
      };
    },
    __childrenForTests: () => children.all().map(({ id, name }) => ({ id, name })),
  };
}

function eventSources(
  streams: RandomStreams,
  scenario: Scenario,
  faults: readonly Fault[],
  interactions: InteractionSource,
): EventSource[] {
  const ageWeights = equalUnlessGiven(scenario.load.ageGroups, AGE_GROUPS);
  const sources: EventSource[] = [
    interactions,
    baselineEmergencies(streams.stream('emergencies'), ageWeights),
    baselineParentalControls(streams.stream('parental')),
  ];
  for (const fault of faults) {
    if (fault.effect.kind === 'emergencies') {
      sources.push(faultEmergencies(fault as Fault<EmergencyEffect>, ageWeights));
    } else if (fault.effect.kind === 'parental-bypass') {
      const bypass = fault as Fault<ParentalBypassEffect>;
      sources.push(parentalBypassAttempts(bypass, () => interactions.markBypassAttempt()));
    }
  }

  return sources;
}

/** Fires the earliest pending event of any source until none is due by `untilMs`. */
function drainUntil(sources: readonly EventSource[], untilMs: number, sink: WorldSink): void {
  for (;;) {
    let earliest: EventSource | undefined;
    let earliestMs = Infinity;
    for (const source of sources) {
      const atMs = source.peek(untilMs);
      if (atMs < earliestMs) {
        earliest = source;
        earliestMs = atMs;
      }
    }
    if (earliest === undefined || earliestMs > untilMs) return;
    earliest.fire(sink);
  }
}

/** Deterministic per seed, so reruns match byte for byte; never leaves the world. */
function saltOf(streams: RandomStreams): string {
  const salt = streams.stream('salt');

  return [salt.uint32(), salt.uint32(), salt.uint32(), salt.uint32()]
    .map((word) => word.toString(16).padStart(8, '0'))
    .join('');
}
