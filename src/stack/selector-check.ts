import { basename } from 'node:path';
import {
  selectorsOf,
  type LabelMatcher,
  type Selector,
} from '../engine/virtual/promql-selectors.js';
import { CATALOGUE, type MetricSpec } from '../telemetry/catalogue.js';

/** One rule's expression, named for the warnings that point at it. */
export interface RuleExpression {
  /** The alert name, or the name a recording rule records. */
  rule: string;
  file: string;
  expr: string;
}

/** A selector of a rule that matches no series `sim` exposes: the rule reads nothing there. */
export interface SelectorWarning {
  rule: string;
  file: string;
  metric: string;
  selector: string;
  reason: string;
}

/** What one exposed metric name can carry: its label names and the label sets known up front. */
interface Exposed {
  labelNames: Set<string>;
  knownLabelSets: readonly Readonly<Record<string, string>>[];
}

/** Added by Prometheus to every scraped series; any value may appear. */
const TARGET_LABELS = new Set(['job', 'instance']);

/** Series that Prometheus itself writes, whatever `sim` exposes. */
const WRITTEN_BY_PROMETHEUS = new Set([
  'up',
  'ALERTS',
  'ALERTS_FOR_STATE',
  'scrape_duration_seconds',
]);

/**
 * Every selector of the rules that matches no series `sim` exposes: an unknown metric name, a
 * label the metric does not have, or label values no known series carries together. Such a rule
 * reads nothing and so can never fire on `sim`'s telemetry. Names that recording rules produce,
 * and series Prometheus writes itself, count as present; selectors without a fixed metric name
 * are not judged.
 */
export function unmatchedSelectors(
  rules: readonly RuleExpression[],
  recordedNames: readonly string[],
): SelectorWarning[] {
  const exposed = exposedMetrics();
  const recorded = new Set(recordedNames);
  const warnings: SelectorWarning[] = [];
  for (const rule of rules) {
    for (const selector of selectorsOf(rule.expr)) {
      const metric = selector.metricName;
      if (metric === undefined || recorded.has(metric) || WRITTEN_BY_PROMETHEUS.has(metric)) {
        continue;
      }
      const reason = mismatch(selector, exposed.get(metric));
      if (reason !== undefined) {
        warnings.push({
          rule: rule.rule,
          file: rule.file,
          metric,
          selector: selector.text,
          reason,
        });
      }
    }
  }

  return warnings;
}

/** One line for a person: which rule, which metric, and why it matches nothing. */
export function describeSelectorWarning(warning: SelectorWarning): string {
  return `rule ${warning.rule} (${basename(warning.file)}) reads ${warning.selector}, which matches nothing sim emits: ${warning.reason}`;
}

function mismatch(selector: Selector, metric: Exposed | undefined): string | undefined {
  if (metric === undefined) return `no metric is named ${selector.metricName}`;
  const matchers = selector.matchers.filter(
    (m) => m.name !== '__name__' && !TARGET_LABELS.has(m.name),
  );
  for (const matcher of matchers) {
    if (!metric.labelNames.has(matcher.name) && !matcherMatches(matcher, '')) {
      const known = [...metric.labelNames].join(', ') || 'none';
      return `it has no label ${matcher.name} (its labels: ${known})`;
    }
  }
  // Labels whose values are only known at run time (a phase's name) cannot be judged here.
  const judged = matchers.filter((m) => metric.knownLabelSets.some((set) => m.name in set));
  if (judged.length === 0 || metric.knownLabelSets.length === 0) return undefined;
  const anyMatch = metric.knownLabelSets.some((set) =>
    judged.every((m) => matcherMatches(m, set[m.name] ?? '')),
  );
  if (anyMatch) return undefined;

  return `no series has ${judged.map((m) => `${m.name}${m.op}"${m.value}"`).join(', ')}${valuesHint(judged, metric)}`;
}

function valuesHint(judged: LabelMatcher[], metric: Exposed): string {
  const hints = judged.map((m) => {
    const values = [...new Set(metric.knownLabelSets.map((set) => set[m.name] ?? ''))];
    return `${m.name} is one of ${values.map((v) => `"${v}"`).join(', ')}`;
  });

  return ` (${hints.join('; ')})`;
}

/** PromQL label matching: regexes are anchored at both ends; an absent label is "". */
export function matcherMatches(matcher: LabelMatcher, value: string): boolean {
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return anchored(matcher.value).test(value);
    case '!~':
      return !anchored(matcher.value).test(value);
  }
}

function anchored(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, 's');
  } catch {
    // promtool has accepted the rule, so the pattern is valid RE2; match nothing rather than fail.
    return /(?!)/;
  }
}

/** The names a metric is exposed under: a histogram is `_bucket`, `_count` and `_sum`. */
function exposedMetrics(): Map<string, Exposed> {
  const exposed = new Map<string, Exposed>();
  for (const spec of Object.values(CATALOGUE) as MetricSpec[]) {
    const labelNames = new Set<string>(spec.labelNames);
    const known = spec.knownLabelSets;
    if (spec.type !== 'histogram') {
      exposed.set(spec.name, { labelNames, knownLabelSets: known });
      continue;
    }
    const le = [...spec.buckets.map(String), '+Inf'];
    exposed.set(`${spec.name}_bucket`, {
      labelNames: new Set([...labelNames, 'le']),
      knownLabelSets: known.flatMap((set) => le.map((bound) => ({ ...set, le: bound }))),
    });
    exposed.set(`${spec.name}_count`, { labelNames, knownLabelSets: known });
    exposed.set(`${spec.name}_sum`, { labelNames, knownLabelSets: known });
  }

  return exposed;
}
