import type { Metric, Registry } from 'prom-client';
import type { SeriesValue } from './series-notation.js';

/** The labels Prometheus adds to every series it scrapes from the `sim` target. */
export const TARGET_LABELS = { job: 'sim', instance: 'sim:9464' } as const;

const HISTOGRAM_SUFFIXES = ['', '_bucket', '_sum', '_count'];

/** Histogram samples carry their own name (`_bucket`, `_sum`, `_count`). */
interface SampleWithName {
  value: number;
  labels: Record<string, string | number>;
  metricName?: string;
}

interface RecordedSeries {
  selector: string;
  values: SeriesValue[];
}

/**
 * Plays Prometheus's part of a scrape in stepped time: at every step it reads each series of the
 * registry, as `/metrics` would expose it, and keeps the ones the rules under test can read.
 * A failed scrape writes `up` 0 and a staleness marker, as Prometheus does.
 */
export class SeriesRecorder {
  private readonly series = new Map<string, RecordedSeries>();
  private steps = 0;
  private targetWasUp = true;
  private readable: Metric[] | undefined;

  constructor(
    private readonly registry: Registry,
    private readonly keep: (metricName: string) => boolean,
    private readonly keepBucket: (metricName: string, le: string) => boolean = () => true,
  ) {}

  async scrape(targetUp: boolean): Promise<void> {
    const seen = new Set<string>();
    if (targetUp) {
      for (const metric of this.readMetrics()) {
        const { name: metricName, values } = await metric.get();
        for (const sample of values as SampleWithName[]) {
          const name = sample.metricName ?? metricName;
          if (!this.keep(name)) continue;
          const le = sample.labels['le'];
          if (le !== undefined && !this.keepBucket(name, String(le))) continue;
          seen.add(this.record(name, sample.labels, Number(sample.value)));
        }
      }
    }
    if (this.keep('up')) seen.add(this.record('up', {}, targetUp ? 1 : 0));
    this.fillUnseen(seen, targetUp);
    this.targetWasUp = targetUp;
    this.steps += 1;
  }

  /** Every kept series with one value per step, in a stable order. */
  recorded(): { selector: string; values: SeriesValue[] }[] {
    return [...this.series.values()].sort((a, b) => (a.selector < b.selector ? -1 : 1));
  }

  get stepCount(): number {
    return this.steps;
  }

  /** Reading a metric's values costs; the ones no rule reads, under any suffix, are skipped. */
  private readMetrics(): Metric[] {
    this.readable ??= this.registry
      .getMetricsAsArray()
      .filter((m) => HISTOGRAM_SUFFIXES.some((suffix) => this.keep(`${m.name}${suffix}`)))
      .map((m) => this.registry.getSingleMetric(m.name)!);

    return this.readable;
  }

  private record(name: string, labels: Record<string, string | number>, value: number): string {
    const selector = formatSelector(name, { ...labels, ...TARGET_LABELS });
    let entry = this.series.get(selector);
    if (entry === undefined) {
      entry = { selector, values: Array<SeriesValue>(this.steps).fill('missing') };
      this.series.set(selector, entry);
    }
    entry.values.push(value);

    return selector;
  }

  private fillUnseen(seen: Set<string>, targetUp: boolean): void {
    for (const entry of this.series.values()) {
      if (seen.has(entry.selector)) continue;
      const freshlyDown = !targetUp && this.targetWasUp;
      entry.values.push(freshlyDown ? 'stale' : 'missing');
    }
  }
}

/** `name{a="1",b="x"}` with label names sorted and values quoted as PromQL strings. */
export function formatSelector(name: string, labels: Record<string, string | number>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((key) => `${key}=${JSON.stringify(String(labels[key]))}`);

  return `${name}{${pairs.join(',')}}`;
}
