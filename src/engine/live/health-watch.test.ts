import { SteppedClock } from '../../common/clock.js';
import type { StackFault } from '../timeline.js';
import { HealthWatch } from './health-watch.js';

describe('the health watch', () => {
  it('reports one stack fault for the stretch a component did not answer', async () => {
    const clock = new SteppedClock(10_000);
    const answers = [true, false, false, true, true];
    const faults: StackFault[] = [];
    const watch = new HealthWatch({
      name: 'Alertmanager',
      isHealthy: async () => answers.shift() ?? true,
      clock,
      originEpochMs: 10_000,
      onStackFault: (fault) => faults.push(fault),
    });
    watch.start();
    for (let step = 0; step < 5; step += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(1_000);
    }
    await watch.stop();
    expect(faults).toEqual([
      {
        kind: 'stack-fault',
        atMs: 1_000,
        endMs: 3_000,
        reason: 'Alertmanager did not answer its health check',
      },
    ]);
  });
});
