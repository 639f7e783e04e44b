import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock, type Clock } from '../common/clock.js';
import { StackUnreachableError } from '../common/errors.js';
import { silentLogger } from '../common/logger.js';
import { findFreePort } from './free-port.js';
import { createLocalStack } from './local-stack.js';
import { pollUntil } from './poll-until.js';
import type { ActiveTarget, Rule, RuleGroup } from './prometheus-api.js';
import { createPrometheusClient, type PrometheusClient } from './prometheus-client.js';
import { runSelfCheck, type SelfCheckOptions } from './self-check.js';

/** A clock whose sleeps return at once, so that a 30 s timeout passes in microseconds. */
function instantClock(): Clock {
  let nowMs = 0;

  return {
    now: () => nowMs,
    sleep: async (ms) => {
      nowMs += ms;
    },
  };
}

const rule = (name: string, overrides: Partial<Rule> = {}): Rule =>
  ({
    type: 'alerting',
    name,
    query: 'vector(1)',
    duration: 0,
    labels: {},
    annotations: {},
    state: 'firing',
    alerts: [],
    health: 'ok',
    ...overrides,
  }) as Rule;

const group = (...rules: Rule[]): RuleGroup => ({ name: 'g', file: '/r.yml', interval: 5, rules });

const target = (health: ActiveTarget['health'], lastError = ''): ActiveTarget => ({
  labels: { job: 'sim', instance: '127.0.0.1:9' },
  discoveredLabels: {},
  scrapePool: 'sim',
  scrapeUrl: 'http://127.0.0.1:9/metrics',
  lastError,
  lastScrape: '',
  health,
});

function fakePrometheus(
  ruleGroups: () => RuleGroup[],
  targets: () => ActiveTarget[],
): PrometheusClient {
  const unused = () => Promise.reject(new Error('not used by the self-check'));

  return {
    baseUrl: 'http://fake',
    isReady: async () => true,
    ruleGroups: async () => ruleGroups(),
    targets: async () => ({ activeTargets: targets(), droppedTargets: [] }),
    alerts: unused,
    query: unused,
    buildInfo: unused,
  };
}

const check = (overrides: Partial<SelfCheckOptions>) =>
  runSelfCheck({
    prometheus: fakePrometheus(
      () => [group(rule('Watchdog'), rule('HighErrorRate'))],
      () => [target('up')],
    ),
    waitForWatchdog: async () => true,
    clock: instantClock(),
    logger: silentLogger,
    timeoutMs: 30_000,
    ...overrides,
  });

describe('the self-check', () => {
  it('passes when every rule is healthy, the target is up and the Watchdog arrived', async () => {
    expect(await check({})).toEqual({ ok: true, problems: [] });
  });

  it('names a failing rule, its group, its file and its error', async () => {
    const failing = rule('HighErrorRate', { health: 'err', lastError: 'many-to-many matching' });
    const result = await check({
      prometheus: fakePrometheus(
        () => [group(rule('Watchdog'), failing)],
        () => [target('up')],
      ),
    });

    expect(result).toEqual({
      ok: false,
      problems: ['rule HighErrorRate (group g in /r.yml) fails: many-to-many matching'],
    });
  });

  it('waits for rules that have not been evaluated yet', async () => {
    let calls = 0;
    const groups = () => {
      calls += 1;
      return [group(rule('Watchdog', { health: calls < 3 ? 'unknown' : 'ok' }))];
    };

    expect(await check({ prometheus: fakePrometheus(groups, () => [target('up')]) })).toEqual({
      ok: true,
      problems: [],
    });
  });

  it('reports a target that stays down, with its scrape error', async () => {
    const down = () => [target('down', 'connection refused')];
    const result = await check({
      prometheus: fakePrometheus(() => [group(rule('Watchdog'))], down),
    });

    expect(result.problems).toEqual([
      'target http://127.0.0.1:9/metrics is down: connection refused',
    ]);
  });

  it('reports a missing target and a missing Watchdog rule', async () => {
    const result = await check({
      prometheus: fakePrometheus(
        () => [group(rule('HighErrorRate'))],
        () => [],
      ),
      waitForWatchdog: async () => false,
    });

    expect(result.problems).toEqual([
      'no Watchdog rule is loaded; include stack/prometheus/rules/meta.yml',
      'Prometheus has no scrape target for job "sim"',
      'no Watchdog notification reached the webhook sink within 30.0 s; Alertmanager cannot ' +
        'deliver to it',
    ]);
  });

  it('gives the Watchdog wait the whole timeout', async () => {
    const waits: number[] = [];
    await check({ timeoutMs: 12_000, waitForWatchdog: async (ms) => waits.push(ms) > 0 });

    expect(waits).toEqual([12_000]);
  });

  it('reports an unreachable Prometheus instead of throwing', async () => {
    const unreachable = () => {
      throw new StackUnreachableError('cannot reach http://fake/api/v1/rules: refused');
    };
    const result = await check({ prometheus: fakePrometheus(unreachable, unreachable) });

    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'the rules could not be read: cannot reach http://fake/api/v1/rules: refused',
      'the scrape targets could not be read: cannot reach http://fake/api/v1/rules: refused',
    ]);
  });
});

describe('the self-check against a real local stack', () => {
  let server: Server;
  let tempRoot: string;
  const notifications: { receiver: string; status: string; alertname: string }[] = [];

  beforeAll(async () => {
    tempRoot = await mkdtemp(join(tmpdir(), 'sim-self-check-test-'));
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.method === 'POST' && request.url?.startsWith('/receivers/')) {
          const payload = JSON.parse(body) as {
            status: string;
            commonLabels: Record<string, string>;
          };
          const alertname = payload.commonLabels['alertname'] ?? '';
          notifications.push({
            receiver: request.url.slice(11),
            status: payload.status,
            alertname,
          });
        }
        response.end('# TYPE sim_up gauge\nsim_up 1\n');
      });
    });
    const port = await findFreePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(tempRoot, { recursive: true, force: true });
  });

  it('passes when the target is scraped and the Watchdog reaches the sink', async () => {
    const address = server.address() as { port: number };
    const stack = await createLocalStack({ tempDir: tempRoot }).start({
      metricsTarget: `127.0.0.1:${address.port}`,
      sinkUrl: `http://127.0.0.1:${address.port}/receivers`,
      logger: silentLogger,
    });
    try {
      const result = await runSelfCheck({
        prometheus: createPrometheusClient(stack.prometheusUrl),
        waitForWatchdog: (timeoutMs) =>
          pollUntil(async () => notifications.some((n) => n.alertname === 'Watchdog'), {
            clock: systemClock,
            timeoutMs,
          }),
        clock: systemClock,
        logger: silentLogger,
        timeoutMs: 20_000,
      });

      expect(result).toEqual({ ok: true, problems: [] });
      expect(notifications).toContainEqual({
        receiver: 'watchdog',
        status: 'firing',
        alertname: 'Watchdog',
      });
    } finally {
      await stack.stop();
    }
  });
});
