import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '../common/logger.js';
import type { TracingSummary } from './tracing.js';

/** Where spans go: the processor that takes them and what the summary names as the target. */
export interface Destination {
  processor: SpanProcessor;
  target: { file?: string; endpoint?: string };
}

/** Tallies of one tracing run; a failed export is counted and reported once, never thrown. */
export interface ExportCounts {
  ended(): void;
  exported(spans: number): void;
  failed(spans: number, error: unknown): void;
  summary(target: Destination['target']): TracingSummary;
}

export function createExportCounts(logger: Logger, destination: string): ExportCounts {
  let endedSpans = 0;
  let exportedSpans = 0;
  let failedExports = 0;

  return {
    ended: () => {
      endedSpans += 1;
    },
    exported: (spans) => {
      exportedSpans += spans;
    },
    failed: (spans, error) => {
      failedExports += 1;
      if (failedExports > 1) return;
      logger.warn('could not export spans; the run goes on and later failures are only counted', {
        destination,
        spans,
        error: error instanceof Error ? error.message : String(error),
      });
    },
    summary: (target) => ({
      exportedSpans,
      failedExports,
      droppedSpans: Math.max(0, endedSpans - exportedSpans),
      ...target,
    }),
  };
}
