import type { Clock } from '../../common/clock.js';
import type { Scenario } from '../../scenario/types.js';
import { scenarioDurationMs, type TimeWindow } from '../../scenario/windows.js';
import type { ProgressListener } from '../progress.js';

/** What the loop drives each tick: the world and anything that follows its conditions. */
export interface Ticker {
  /** Brings the world up to scenario time `atMs`. */
  tick(atMs: number): void;
}

export interface RunLoopOptions {
  scenario: Scenario;
  phases: TimeWindow[];
  faults: TimeWindow[];
  clock: Clock;
  originEpochMs: number;
  ticker: Ticker;
  /** Expectations still undecided at scenario time `atMs`, with the time each is due. */
  pending: (atMs: number) => { subject: string; dueMs: number }[];
  onProgress: ProgressListener;
  signal: AbortSignal;
  tickMs?: number;
}

/**
 * Drives the world on the clock through every phase, then keeps it running in its last phase
 * while an expectation is still undecided and not yet due. Returns the scenario time it stopped.
 */
export async function runLoop(options: RunLoopOptions): Promise<number> {
  const { clock, originEpochMs, signal } = options;
  const scenarioEndMs = scenarioDurationMs(options.scenario);
  const announce = createAnnouncer(options);
  let atMs = 0;
  while (!signal.aborted) {
    atMs = clock.now() - originEpochMs;
    options.ticker.tick(atMs);
    announce(atMs);
    if (atMs >= scenarioEndMs && options.pending(atMs).length === 0) break;
    await clock.sleep(options.tickMs ?? 100, signal).catch(() => undefined);
  }

  return atMs;
}

function createAnnouncer(options: RunLoopOptions): (atMs: number) => void {
  const { phases, faults, onProgress } = options;
  let phaseIndex = -1;
  const started = new Set<string>();
  const ended = new Set<string>();
  let waitingFor = '';
  let waitingSinceMs = 0;
  let phasesDone = false;

  return (atMs) => {
    const index = phases.findIndex((p) => atMs >= p.startMs && atMs < p.endMs);
    if (index > phaseIndex) {
      phaseIndex = index;
      const phase = phases[index]!;
      const durationMs = phase.endMs - phase.startMs;
      onProgress({
        type: 'phase',
        name: phase.name,
        index,
        count: phases.length,
        durationMs,
        atMs,
      });
    }
    for (const fault of faults) {
      if (atMs >= fault.startMs && !started.has(fault.name)) {
        started.add(fault.name);
        onProgress({ type: 'fault', name: fault.name, state: 'started', atMs });
      }
      if (atMs >= fault.endMs && !ended.has(fault.name)) {
        ended.add(fault.name);
        onProgress({ type: 'fault', name: fault.name, state: 'ended', atMs });
      }
    }
    if (!phasesDone && atMs >= (phases.at(-1)?.endMs ?? 0)) {
      phasesDone = true;
      onProgress({ type: 'phases-done', atMs });
    }
    const pending = options.pending(atMs);
    const subjects = pending.map((p) => p.subject);
    // Said again when the list changes, and every half minute while it does not.
    const changed = subjects.join('\n') !== waitingFor;
    if (pending.length > 0 && (changed || atMs - waitingSinceMs >= 30_000)) {
      waitingFor = subjects.join('\n');
      waitingSinceMs = atMs;
      const untilMs = Math.max(...pending.map((p) => p.dueMs));
      onProgress({ type: 'waiting', subjects, untilMs, atMs });
    }
  };
}
