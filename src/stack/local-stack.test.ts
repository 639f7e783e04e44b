import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BinaryMissingError, RuleFileInvalidError, StackStartError } from '../common/errors.js';
import { systemClock } from '../common/clock.js';
import { silentLogger } from '../common/logger.js';
import { findStackBinaries } from './binaries.js';
import { createLocalStack, type LocalStartedStack } from './local-stack.js';
import { pollUntil } from './poll-until.js';
import { liveChildPids } from './process-registry.js';
import { createAlertmanagerClient, createPrometheusClient } from './prometheus-client.js';
import { DEFAULT_STACK_DIR } from './render.js';

const STACK_OPTIONS = {
  metricsTarget: '127.0.0.1:9',
  sinkUrl: 'http://127.0.0.1:9/receivers',
  logger: silentLogger,
};
const BROKEN_RULES = join(DEFAULT_STACK_DIR, '..', 'fixtures', 'rules', 'invalid-expression.yml');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the local stack', () => {
  let tempRoot: string;
  const started: LocalStartedStack[] = [];

  beforeEach(async () => {
    tempRoot = await mkdtemp(join(tmpdir(), 'sim-local-stack-test-'));
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((stack) => stack.stop()));
    await rm(tempRoot, { recursive: true, force: true });
  });

  const start = async (options: Parameters<typeof createLocalStack>[0] = {}) => {
    const stack = await createLocalStack({ tempDir: tempRoot, ...options }).start(STACK_OPTIONS);
    started.push(stack);

    return stack;
  };

  it('starts Prometheus and Alertmanager on free loopback ports, both ready', async () => {
    const stack = await start();

    expect(stack.prometheusUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.alertmanagerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.prometheusUrl).not.toBe(stack.alertmanagerUrl);
    expect(await createPrometheusClient(stack.prometheusUrl).isReady()).toBe(true);
    expect(await createAlertmanagerClient(stack.alertmanagerUrl).isReady()).toBe(true);
    expect((await createPrometheusClient(stack.prometheusUrl).buildInfo()).version).toBe(
      stack.versions.prometheus,
    );
    expect(stack.versions.alertmanager).toMatch(/^\d+\.\d+/);
  });

  it('reads its timing settings from its configs and from the rules Prometheus loaded', async () => {
    const { settings } = await start();
    const rule = settings.rules.find(
      (candidate) => candidate.alert === 'ChildSafetyViolationCritical',
    );

    expect(settings.scrapeIntervalMs).toBe(5_000);
    expect(settings.evaluationIntervalMs).toBe(5_000);
    expect(rule).toEqual(
      expect.objectContaining({
        forMs: 0,
        evaluationIntervalMs: 5_000,
        file: join(DEFAULT_STACK_DIR, 'prometheus', 'rules', 'child-safety.yml'),
        labels: { severity: 'critical', team: 'child-safety' },
      }),
    );
    expect(settings.rules.find((r) => r.alert === 'HighErrorRate')?.forMs).toBe(60_000);
    expect(settings.groupWaitMsByReceiver['pagerduty']).toBeLessThanOrEqual(1_000);
    expect(settings.groupWaitMsByReceiver['watchdog']).toBe(0);
    expect(settings.receivers).toHaveLength(7);
  });

  it('scrapes the given metrics target under the job sim', async () => {
    const prometheus = createPrometheusClient((await start()).prometheusUrl);
    let scrapeUrls: string[] = [];
    // Target discovery is asynchronous: the target is listed shortly after Prometheus is ready.
    await pollUntil(
      async () => {
        const { activeTargets } = await prometheus.targets();
        scrapeUrls = activeTargets.map((target) => `${target.labels['job']} ${target.scrapeUrl}`);

        return scrapeUrls.length > 0;
      },
      { clock: systemClock, timeoutMs: 10_000 },
    );

    expect(scrapeUrls).toEqual(['sim http://127.0.0.1:9/metrics']);
  });

  it('leaves no process and no folder behind after stop, which is safe to call twice', async () => {
    const stack = await start();
    const pids = stack.processIds;

    expect(pids).toHaveLength(2);
    expect(pids.every(isAlive)).toBe(true);
    await stack.stop();
    await stack.stop();

    expect(pids.filter(isAlive)).toEqual([]);
    expect(existsSync(stack.configDir)).toBe(false);
    expect(liveChildPids()).toEqual([]);
  });

  it('tells onUnexpectedExit listeners once when a process dies while running', async () => {
    const stack = await start();
    const reasons: string[] = [];
    const died = new Promise<void>((resolve) => {
      stack.onUnexpectedExit((reason) => {
        reasons.push(reason);
        resolve();
      });
    });
    process.kill(stack.processIds[0]!, 'SIGKILL');
    await died;
    await stack.stop();

    expect(reasons).toEqual([expect.stringMatching(/^prometheus was killed by SIGKILL/)]);
  });

  it('does not call onUnexpectedExit listeners for its own stop', async () => {
    const stack = await start();
    const reasons: string[] = [];
    stack.onUnexpectedExit((reason) => reasons.push(reason));
    await stack.stop();

    expect(reasons).toEqual([]);
  });

  it('refuses a broken rule file with RuleFileInvalidError and starts nothing', async () => {
    const stack = createLocalStack({ tempDir: tempRoot });
    const error: unknown = await stack
      .start({ ...STACK_OPTIONS, ruleFiles: [BROKEN_RULES] })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RuleFileInvalidError);
    expect((error as Error).message).toContain(BROKEN_RULES);
    expect(liveChildPids()).toEqual([]);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('reports BinaryMissingError when the binaries are not on PATH', async () => {
    const stack = createLocalStack({ path: join(tempRoot, 'empty-bin'), tempDir: tempRoot });

    await expect(stack.start(STACK_OPTIONS)).rejects.toThrow(BinaryMissingError);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('fails with StackStartError quoting stderr when a process dies at start', async () => {
    const bin = join(tempRoot, 'bin');
    await mkdir(bin);
    const real = await findStackBinaries();
    await symlink(real.promtool, join(bin, 'promtool'));
    await symlink(real.amtool, join(bin, 'amtool'));
    await symlink(real.alertmanager, join(bin, 'alertmanager'));
    const fake = join(bin, 'prometheus');
    await writeFile(
      fake,
      '#!/bin/sh\n[ "$1" = --version ] && { echo "prometheus, version 0.0.1"; exit 0; }\n' +
        'echo "level=error msg=\\"opening storage failed: boom\\"" >&2\nexit 1\n',
    );
    await chmod(fake, 0o755);
    const error: unknown = await createLocalStack({ path: bin, tempDir: tempRoot })
      .start(STACK_OPTIONS)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(StackStartError);
    expect((error as Error).message).toContain('prometheus exited with code 1 before it was ready');
    expect((error as Error).message).toContain('opening storage failed: boom');
    expect(liveChildPids()).toEqual([]);
    expect(await readdir(tempRoot)).toEqual(['bin']);
  });
});
