import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryLogger } from '../../test/support/memory-logger.js';
import { createTracing, type TracingOptions } from './tracing.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
}

interface OtlpRequest {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

let reportDir: string;

beforeEach(() => {
  reportDir = mkdtempSync(join(tmpdir(), 'sim-tracing-'));
});

afterEach(() => {
  rmSync(reportDir, { recursive: true, force: true });
});

function tracingFor(seed: string, extra: Partial<TracingOptions> = {}) {
  return createTracing({
    reportDir,
    seed,
    resourceAttributes: { 'sim.scenario': 'tracing-test' },
    env: {},
    ...extra,
  });
}

function makeSpans(tracer: ReturnType<typeof tracingFor>['tracer'], count: number): void {
  const startMs = Date.UTC(2025, 0, 1);
  for (let index = 0; index < count; index += 1) {
    tracer
      .startSpan('teddy.interaction', { startTime: startMs + index })
      .end(startMs + index + 300);
  }
}

function spansIn(request: OtlpRequest): OtlpSpan[] {
  return request.resourceSpans.flatMap((resource) =>
    resource.scopeSpans.flatMap((scope) => scope.spans),
  );
}

describe('tracing to a file', () => {
  it('writes every span as OTLP JSON when no endpoint is set', async () => {
    const tracing = tracingFor('seed-1');
    makeSpans(tracing.tracer, 2_500);
    const summary = await tracing.shutdown();
    const request = JSON.parse(readFileSync(summary.file!, 'utf8')) as OtlpRequest;
    const spans = spansIn(request);

    expect(summary).toEqual({
      exportedSpans: 2_500,
      failedExports: 0,
      droppedSpans: 0,
      file: join(reportDir, 'traces.otlp.json'),
    });
    expect(spans).toHaveLength(2_500);
    expect(spans[0]).toMatchObject({
      name: 'teddy.interaction',
      startTimeUnixNano: `${Date.UTC(2025, 0, 1)}000000`,
      endTimeUnixNano: `${Date.UTC(2025, 0, 1) + 300}000000`,
    });
    expect(spans.every((span) => /^[0-9a-f]{32}$/.test(span.traceId))).toBe(true);
    expect(spans.every((span) => /^[0-9a-f]{16}$/.test(span.spanId))).toBe(true);
    expect(request.resourceSpans[0]!.resource.attributes).toContainEqual({
      key: 'sim.scenario',
      value: { stringValue: 'tracing-test' },
    });
  });

  it('writes a valid empty request when no span was made', async () => {
    const summary = await tracingFor('seed-1').shutdown();

    expect(JSON.parse(readFileSync(summary.file!, 'utf8'))).toEqual({ resourceSpans: [] });
  });

  it('draws the same trace ids for the same seed and others for another seed', async () => {
    const idsFor = async (seed: string, file: string) => {
      const tracing = tracingFor(seed, { reportDir: join(reportDir, file) });
      makeSpans(tracing.tracer, 3);
      const summary = await tracing.shutdown();

      return spansIn(JSON.parse(readFileSync(summary.file!, 'utf8')) as OtlpRequest).map(
        (span) => `${span.traceId}/${span.spanId}`,
      );
    };
    const first = await idsFor('seed-1', 'a');

    expect(await idsFor('seed-1', 'b')).toEqual(first);
    expect(await idsFor('seed-2', 'c')).not.toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('returns the same summary when shut down twice', async () => {
    const tracing = tracingFor('seed-1');
    makeSpans(tracing.tracer, 2);

    expect(await tracing.shutdown()).toEqual(await tracing.shutdown());
  });
});

describe('tracing to an OTLP endpoint', () => {
  let receiver: Server | undefined;

  afterEach(async () => {
    await new Promise((resolve) => receiver?.close(resolve) ?? resolve(undefined));
    receiver = undefined;
  });

  it('exports spans to an OTLP/HTTP receiver', async () => {
    const paths: string[] = [];
    receiver = createServer((request, response) => {
      paths.push(request.url ?? '');
      request.resume();
      request.on('end', () => response.writeHead(200).end());
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    const tracing = tracingFor('seed-1', { otlpEndpoint: `http://127.0.0.1:${port}` });
    makeSpans(tracing.tracer, 1_500);
    const summary = await tracing.shutdown();

    expect(summary).toMatchObject({ exportedSpans: 1_500, failedExports: 0, droppedSpans: 0 });
    expect(paths).toEqual(['/v1/traces', '/v1/traces']);
  });

  it('counts a failed export and reports it once, without throwing', async () => {
    const logger = memoryLogger();
    // Port 9 (discard) is closed on a test machine: the connection is refused at once.
    const tracing = tracingFor('seed-1', {
      otlpEndpoint: 'http://127.0.0.1:9',
      exportTimeoutMs: 1_000,
      logger,
    });
    makeSpans(tracing.tracer, 5);
    const summary = await tracing.shutdown();

    expect(summary).toMatchObject({
      exportedSpans: 0,
      failedExports: 1,
      droppedSpans: 5,
      endpoint: 'http://127.0.0.1:9/v1/traces',
    });
    expect(logger.entries.filter((entry) => entry.level === 'warn')).toHaveLength(1);
  });

  it('takes the endpoint from the environment when no option is given', async () => {
    const tracing = tracingFor('seed-1', {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9/' },
    });
    const summary = await tracing.shutdown();

    expect(summary.endpoint).toBe('http://127.0.0.1:9/v1/traces');
    expect(summary.file).toBeUndefined();
  });
});
