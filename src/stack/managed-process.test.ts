import { systemClock } from '../common/clock.js';
import { silentLogger } from '../common/logger.js';
import { startManagedProcess } from './managed-process.js';
import { pollUntil } from './poll-until.js';

const start = (script: string) =>
  startManagedProcess({
    name: 'test',
    command: 'sh',
    args: ['-c', script],
    clock: systemClock,
    logger: silentLogger,
  });

describe('a managed process', () => {
  it('keeps the last twenty lines of its stderr', async () => {
    const child = start('for i in $(seq 1 30); do echo "line $i" >&2; done; exit 3');

    expect(await child.exited).toEqual({ code: 3, signal: null });
    expect(child.stderrTail()).toHaveLength(20);
    expect(child.stderrTail()[0]).toBe('line 11');
    expect(child.stderrTail().at(-1)).toBe('line 30');
    expect(child.isRunning()).toBe(false);
  });

  it('ends with SIGTERM when the process honours it', async () => {
    const child = start('echo ready >&2; exec sleep 30');
    await pollUntil(async () => child.stderrTail().includes('ready'), {
      clock: systemClock,
      timeoutMs: 5_000,
    });
    await child.stop(5_000);

    expect(await child.exited).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('kills a process that ignores SIGTERM once the grace period is over', async () => {
    const child = start("trap '' TERM; echo ready >&2; while :; do sleep 0.05; done");
    await pollUntil(async () => child.stderrTail().includes('ready'), {
      clock: systemClock,
      timeoutMs: 5_000,
    });
    const startedMs = Date.now();
    await child.stop(300);

    expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(Date.now() - startedMs).toBeGreaterThanOrEqual(250);
  });

  it('reports a command that cannot start instead of throwing', async () => {
    const child = startManagedProcess({
      name: 'missing',
      command: '/nonexistent/prometheus',
      args: [],
      clock: systemClock,
      logger: silentLogger,
    });
    const exit = await child.exited;

    expect(exit.error?.message).toContain('ENOENT');
    expect(child.isRunning()).toBe(false);
    await child.stop(100);
  });
});
