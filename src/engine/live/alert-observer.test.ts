import { SteppedClock } from '../../common/clock.js';
import { silentLogger } from '../../common/logger.js';
import type { AlertTransition, StackFault } from '../timeline.js';
import { AlertObserver, type ObservedAlert } from './alert-observer.js';

const critical = { alertname: 'ChildSafetyViolationCritical', age_group: '6-8' };

function observe(responses: (ObservedAlert[] | Error)[]) {
  const clock = new SteppedClock(1_000_000);
  const transitions: AlertTransition[] = [];
  const faults: StackFault[] = [];
  let call = 0;
  const observer = new AlertObserver({
    fetchAlerts: async () => {
      const response = responses[Math.min(call++, responses.length - 1)]!;
      if (response instanceof Error) throw response;
      return response;
    },
    clock,
    logger: silentLogger,
    originEpochMs: 1_000_000,
    pollIntervalMs: 250,
    onTransition: (t) => transitions.push(t),
    onStackFault: (f) => faults.push(f),
  });

  return { clock, observer, transitions, faults };
}

async function poll(clock: SteppedClock, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(250);
  }
}

describe('the alert observer', () => {
  it('records pending, firing and resolved at the time each was first seen', async () => {
    const { clock, observer, transitions } = observe([
      [],
      [{ labels: critical, state: 'pending' }],
      [{ labels: critical, state: 'firing' }],
      [{ labels: critical, state: 'firing' }],
      [],
    ]);
    observer.start();
    await poll(clock, 6);
    await observer.stop();
    expect(transitions.map((t) => [t.state, t.atMs])).toEqual([
      ['pending', 250],
      ['firing', 500],
      ['resolved', 1_000],
    ]);
  });

  it('calls a pending alert that disappears inactive, not resolved', async () => {
    const { clock, observer, transitions } = observe([
      [{ labels: critical, state: 'pending' }],
      [],
    ]);
    observer.start();
    await poll(clock, 3);
    await observer.stop();
    expect(transitions.map((t) => t.state)).toEqual(['pending', 'inactive']);
  });

  it('opens one stack fault while the API is unreachable and closes it when it answers', async () => {
    const down = new Error('connect ECONNREFUSED');
    const { clock, observer, faults } = observe([[], down, down, down, []]);
    observer.start();
    await poll(clock, 6);
    await observer.stop();
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({ atMs: 250, endMs: 1_000 });
    expect(faults[0]?.reason).toContain('ECONNREFUSED');
  });
});
