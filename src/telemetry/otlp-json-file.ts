import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Destination, ExportCounts } from './export-counts.js';

const BATCH_SIZE = 1_000;
const PREFIX = '{"resourceSpans":[';
const SUFFIX = ']}';

/**
 * Writes spans as one OTLP/JSON `ExportTraceServiceRequest` to `path`. Spans are serialised in
 * batches as they end, synchronously, so that memory stays flat however fast a virtual run goes;
 * the file is complete once the processor shuts down.
 */
export function createOtlpJsonFileProcessor(path: string, counts: ExportCounts): Destination {
  let fd: number | undefined;
  let batches = 0;
  let pending: ReadableSpan[] = [];
  let closed = false;

  const append = (text: string) => {
    if (fd === undefined) {
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(path, 'w');
      writeSync(fd, PREFIX);
    }
    writeSync(fd, text);
  };
  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      append(`${batches > 0 ? ',' : ''}${resourceSpansOf(batch)}`);
      batches += 1;
      counts.exported(batch.length);
    } catch (error) {
      counts.failed(batch.length, error);
    }
  };

  const processor = {
    onStart: () => undefined,
    onEnd: (span: ReadableSpan) => {
      if (closed) return;
      pending.push(span);
      if (pending.length >= BATCH_SIZE) flush();
    },
    forceFlush: async () => flush(),
    shutdown: async () => {
      if (closed) return;
      flush();
      closed = true;
      try {
        append(SUFFIX);
        closeSync(fd!);
      } catch (error) {
        counts.failed(0, error);
      }
    },
  };

  return { processor, target: { file: path } };
}

/** The `resourceSpans` entries of one batch, as JSON without the surrounding request. */
function resourceSpansOf(spans: ReadableSpan[]): string {
  const bytes = JsonTraceSerializer.serializeRequest(spans);
  const text = bytes === undefined ? '' : new TextDecoder().decode(bytes);
  if (!text.startsWith(PREFIX) || !text.endsWith(SUFFIX)) {
    throw new Error(`the OTLP JSON serializer returned an unexpected shape: ${text.slice(0, 40)}`);
  }

  return text.slice(PREFIX.length, -SUFFIX.length);
}
