import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  CATALOGUE,
  type Catalogue,
  type CounterSpec,
  type GaugeSpec,
  type HistogramSpec,
  type MetricSpec,
} from './catalogue.js';

type Built<S> =
  S extends CounterSpec<infer L>
    ? Counter<L>
    : S extends GaugeSpec<infer L>
      ? Gauge<L>
      : S extends HistogramSpec<infer L>
        ? Histogram<L>
        : never;

/** One prom-client metric per catalogue entry, all on `registry`. */
export type Metrics = { readonly [K in keyof Catalogue]: Built<Catalogue[K]> } & {
  readonly registry: Registry;
};

/**
 * Builds every catalogue metric on its own registry: never the global one, no process metrics.
 * Each known label set of a counter or histogram starts at 0, so that Prometheus sees the first
 * increment as an increase. Gauges without labels start absent rather than at a misleading 0.
 */
export function createMetrics(registry: Registry = new Registry()): Metrics {
  const built: Record<string, Counter | Gauge | Histogram> = {};
  for (const [key, spec] of Object.entries(CATALOGUE) as [string, MetricSpec][]) {
    built[key] = build(spec, registry);
  }

  return { ...(built as unknown as Omit<Metrics, 'registry'>), registry };
}

function build(spec: MetricSpec, registry: Registry): Counter | Gauge | Histogram {
  const common = {
    name: spec.name,
    help: spec.help,
    labelNames: [...spec.labelNames],
    registers: [registry],
  };
  switch (spec.type) {
    case 'counter': {
      const metric = new Counter(common);
      for (const labels of spec.knownLabelSets) metric.inc(labels, 0);

      return metric;
    }
    case 'histogram': {
      const metric = new Histogram({ ...common, buckets: [...spec.buckets] });
      for (const labels of spec.knownLabelSets) metric.zero(labels);

      return metric;
    }
    case 'gauge': {
      const metric = new Gauge(common);
      if (spec.labelNames.length === 0) metric.remove();

      return metric;
    }
  }
}
