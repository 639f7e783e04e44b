import type { Attributes, Tracer } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type IdGenerator,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { silentLogger, type Logger } from '../common/logger.js';
import { createRandomStreams } from '../world/random.js';
import { createExportCounts, type Destination, type ExportCounts } from './export-counts.js';
import { createOtlpJsonFileProcessor } from './otlp-json-file.js';

export interface TracingOptions {
  /**
   * Base URL of an OTLP/HTTP receiver (`http://localhost:4318`); `/v1/traces` is added unless the
   * URL ends with it. Default: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, then
   * `OTEL_EXPORTER_OTLP_ENDPOINT`; with none of them, spans go to a file in `reportDir`.
   */
  otlpEndpoint?: string | undefined;
  reportDir: string;
  /** Trace and span ids are drawn from this seed: the same run gives the same ids. */
  seed: string;
  resourceAttributes: Attributes;
  /** Where the first failed export is reported. */
  logger?: Logger;
  /** Read instead of `process.env`, for tests. */
  env?: Record<string, string | undefined>;
  /** How long one OTLP export may take, retries included. Default 10 s. */
  exportTimeoutMs?: number;
}

export interface TracingSummary {
  exportedSpans: number;
  /** Export calls (batches) that failed; their spans are lost. */
  failedExports: number;
  /** Spans that ended but were never exported: queue overflow or a failed batch. */
  droppedSpans: number;
  /** The OTLP JSON file, when spans went to a file. */
  file?: string;
  /** The OTLP/HTTP URL, when spans went to a receiver. */
  endpoint?: string;
}

export interface Tracing {
  tracer: Tracer;
  /** Flushes and stops; safe to call twice; never throws. */
  shutdown(): Promise<TracingSummary>;
}

/** A live run emits spans as they happen; a virtual run faster than any queue drains. */
const QUEUE_LIMIT = 50_000;
const BATCH_SIZE = 1_000;

export function createTracing(options: TracingOptions): Tracing {
  const logger = options.logger ?? silentLogger;
  const endpoint = tracesEndpoint(options.otlpEndpoint, options.env ?? process.env);
  const counts = createExportCounts(logger, endpoint ?? 'file');
  const destination =
    endpoint === undefined
      ? createOtlpJsonFileProcessor(`${options.reportDir}/traces.otlp.json`, counts)
      : otlpProcessor(endpoint, options.exportTimeoutMs ?? 10_000, counts);
  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ 'service.name': 'sim', ...options.resourceAttributes }),
    ),
    idGenerator: seededIdGenerator(options.seed),
    spanProcessors: [endCounter(counts), destination.processor],
  });
  let summary: Promise<TracingSummary> | undefined;

  return {
    tracer: provider.getTracer('sim'),
    shutdown() {
      // A failed final flush rejects here too; the export callback has already counted it.
      summary ??= provider.shutdown().then(
        () => counts.summary(destination.target),
        (error: unknown) => {
          logger.debug('tracing shut down with an error', { error: String(error) });

          return counts.summary(destination.target);
        },
      );

      return summary;
    },
  };
}

/** The option wins; a signal-specific URL from the environment is used as it is (OTel spec). */
function tracesEndpoint(
  option: string | undefined,
  env: Record<string, string | undefined>,
): string | undefined {
  if (option !== undefined && option !== '') return withTracesPath(option);
  const tracesUrl = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'];
  if (tracesUrl !== undefined && tracesUrl !== '') return tracesUrl;
  const base = env['OTEL_EXPORTER_OTLP_ENDPOINT'];

  return base === undefined || base === '' ? undefined : withTracesPath(base);
}

function withTracesPath(url: string): string {
  return url.endsWith('/v1/traces') ? url : `${url.replace(/\/+$/, '')}/v1/traces`;
}

function otlpProcessor(url: string, timeoutMillis: number, counts: ExportCounts): Destination {
  const exporter = new OTLPTraceExporter({ url, timeoutMillis });
  const counting: SpanExporter = {
    export(spans: ReadableSpan[], done: (result: ExportResult) => void) {
      exporter.export(spans, (result) => {
        if (result.code === ExportResultCode.SUCCESS) counts.exported(spans.length);
        else counts.failed(spans.length, result.error);
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush(),
  };
  const processor = new BatchSpanProcessor(counting, {
    maxQueueSize: QUEUE_LIMIT,
    maxExportBatchSize: BATCH_SIZE,
    scheduledDelayMillis: 1_000,
    exportTimeoutMillis: timeoutMillis,
  });

  return { processor, target: { endpoint: url } };
}

/** Counts every ended span, so that spans the queue dropped show in the summary. */
function endCounter(counts: ExportCounts): SpanProcessor {
  return {
    onStart: () => undefined,
    onEnd: () => counts.ended(),
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}

/** Trace and span ids from the run's seed, so that reruns link to the same traces. */
export function seededIdGenerator(seed: string): IdGenerator {
  const random = createRandomStreams(seed).stream('trace-ids');
  const hex = (words: number) => {
    let text = '';
    for (let index = 0; index < words; index += 1) {
      text += random.uint32().toString(16).padStart(8, '0');
    }
    // An all-zero id is invalid in W3C trace context; one in 2^64 draws, but cheap to rule out.
    return /^0+$/.test(text) ? `${text.slice(0, -1)}1` : text;
  };

  return { generateTraceId: () => hex(4), generateSpanId: () => hex(2) };
}
