import { CATALOGUE, type MetricSpec } from '../telemetry/catalogue.js';

interface Problem {
  path: string;
  message: string;
}

const SUMS = /\bsum\s*(?:by\s*\(([^)]*)\)\s*)?\(/g;
const SELECTORS = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^}]*\})?\s*\[\{\{\.window\}\}\]/g;
const HISTOGRAM_SUFFIXES = ['_bucket', '_count', '_sum'];

/** The metric a series name belongs to: `x_bucket` → the histogram `x`. */
function metricOf(series: string): MetricSpec | undefined {
  const metrics = Object.values(CATALOGUE) as MetricSpec[];
  const exact = metrics.find((metric) => metric.type !== 'histogram' && metric.name === series);
  if (exact !== undefined) return exact;

  return metrics.find(
    (metric) =>
      metric.type === 'histogram' &&
      HISTOGRAM_SUFFIXES.some((suffix) => `${metric.name}${suffix}` === series),
  );
}

/**
 * What keeps a ratio from meaning what it says: sums by other labels than the total's (the two
 * sides would not match), series `sim` never emits, and an `le` that is no bucket boundary.
 */
export function queryProblems(path: string, query: string, aggregation: string[]): Problem[] {
  const problems: Problem[] = [];
  const wanted = [...aggregation].sort().join(', ');
  for (const [, by] of query.matchAll(SUMS)) {
    const labels = (by ?? '')
      .split(',')
      .map((label) => label.trim())
      .filter((label) => label !== '')
      .sort()
      .join(', ');
    if (labels !== wanted) {
      problems.push({
        path,
        message: `sums by (${labels}) where the total_query sums by (${wanted}); sum both sides alike`,
      });
    }
  }
  const selectors = [...query.matchAll(SELECTORS)];
  if (selectors.length === 0) {
    problems.push({ path, message: 'has no selector[{{.window}}] to take a rate of' });
  }
  for (const [, series, matchers] of selectors) {
    problems.push(...selectorProblems(path, series!, matchers ?? ''));
  }

  return problems;
}

function selectorProblems(path: string, series: string, matchers: string): Problem[] {
  const metric = metricOf(series);
  if (metric === undefined) {
    return [{ path, message: `reads ${series}, which src/telemetry/catalogue.ts does not list` }];
  }
  const le = /\ble\s*=\s*"([^"]*)"/.exec(matchers)?.[1];
  if (le === undefined || metric.type !== 'histogram') return [];
  if (metric.buckets.includes(Number(le))) return [];

  return [
    {
      path,
      message: `reads ${series}{le="${le}"}, not a bucket of ${metric.name} (${metric.buckets.join(', ')}); add ${le} to its buckets in src/telemetry/catalogue.ts`,
    },
  ];
}
