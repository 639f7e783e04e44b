import { createServer, type Server } from 'node:http';
import { systemClock } from '../common/clock.js';
import { silentLogger } from '../common/logger.js';
import { findFreePort } from './free-port.js';
import { createLocalStack, type LocalStartedStack } from './local-stack.js';
import { pollUntil } from './poll-until.js';
import { createPrometheusClient } from './prometheus-client.js';

const SERIES =
  'child_safety_violations_total{violation_type="toxic_language",severity="critical",age_group="6-8"}';

interface Received {
  receiver: string;
  alertname: string;
  atMs: number;
}

describe('delivery through the real local stack', () => {
  let server: Server;
  let stack: LocalStartedStack | undefined;
  let violations = 0;
  const received: Received[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.method === 'POST') {
          const payload = JSON.parse(body) as { commonLabels: Record<string, string> };
          const alertname = payload.commonLabels['alertname'] ?? '';
          received.push({ receiver: request.url?.slice(11) ?? '', alertname, atMs: Date.now() });
        }
        response.end(`# TYPE child_safety_violations_total counter\n${SERIES} ${violations}\n`);
      });
    });
    const port = await findFreePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await stack?.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('pages PagerDuty, Slack and email within 15 s of a critical violation', async () => {
    const { port } = server.address() as { port: number };
    stack = await createLocalStack().start({
      metricsTarget: `127.0.0.1:${port}`,
      sinkUrl: `http://127.0.0.1:${port}/receivers`,
      logger: silentLogger,
    });
    const prometheus = createPrometheusClient(stack.prometheusUrl);
    // The counter must be scraped at 0 first: a series born at 1 shows no increase.
    const scraped = await pollUntil(
      async () => {
        const result = await prometheus.query(SERIES);
        return result.resultType === 'vector' && result.result.length > 0;
      },
      { clock: systemClock, timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(scraped).toBe(true);

    violations = 1;
    const violationAtMs = Date.now();
    const pages = () =>
      received.filter(
        (r) => r.alertname === 'ChildSafetyViolationCritical' && r.atMs >= violationAtMs,
      );
    await pollUntil(async () => pages().length >= 3, { clock: systemClock, timeoutMs: 20_000 });

    expect(
      pages()
        .map((page) => page.receiver)
        .sort(),
    ).toEqual(['child-safety-email', 'child-safety-slack', 'pagerduty']);
    expect(Math.max(...pages().map((page) => page.atMs - violationAtMs))).toBeLessThanOrEqual(
      15_000,
    );
  }, 60_000);
});
