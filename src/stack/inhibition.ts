import { StackConfigInvalidError } from '../common/errors.js';
import { selectorsOf, type LabelMatcher } from '../engine/virtual/promql-selectors.js';
import type { Labels } from '../engine/timeline.js';
import { isYamlObject } from './prometheus-config.js';
import type { AlertmanagerConfig } from './alertmanager-config.js';
import { matcherMatches } from './selector-check.js';

/** One `inhibit_rules` entry: firing sources mute matching targets that share `equal` labels. */
export interface InhibitRule {
  source: LabelMatcher[];
  target: LabelMatcher[];
  equal: string[];
}

/** An alert instance firing over [fromMs, toMs). */
export interface FiringStretch {
  labels: Labels;
  fromMs: number;
  toMs: number;
}

/**
 * The inhibit rules of an Alertmanager config, in both spellings Alertmanager 0.25 reads:
 * `source_matchers: ['severity="critical"']` and the older `source_match: { severity: critical }`.
 */
export function readInhibitRules(config: AlertmanagerConfig, file: string): InhibitRule[] {
  const rules: unknown = config['inhibit_rules'] ?? [];
  if (!Array.isArray(rules)) throw invalid(file, '`inhibit_rules` is not a list');

  return rules.map((rule: unknown, index) => {
    if (!isYamlObject(rule)) throw invalid(file, `inhibit_rules[${index}] is not a mapping`);
    return {
      source: matchersOf(rule, 'source', file, index),
      target: matchersOf(rule, 'target', file, index),
      equal: Array.isArray(rule['equal']) ? rule['equal'].map(String) : [],
    };
  });
}

/**
 * Whether Alertmanager would mute `target` at `atMs`: some rule's source is firing then, the
 * target matches that rule's target side, and both carry the same values (absent counts as
 * empty) for every `equal` label. An alert never mutes itself.
 */
export function inhibitedAt(
  target: Labels,
  atMs: number,
  firing: readonly FiringStretch[],
  rules: readonly InhibitRule[],
): boolean {
  return rules.some(
    (rule) =>
      matchesAll(rule.target, target) &&
      firing.some(
        (source) =>
          source.fromMs <= atMs &&
          atMs < source.toMs &&
          matchesAll(rule.source, source.labels) &&
          !sameLabels(source.labels, target) &&
          rule.equal.every((name) => (source.labels[name] ?? '') === (target[name] ?? '')),
      ),
  );
}

function matchesAll(matchers: LabelMatcher[], labels: Labels): boolean {
  return matchers.every((matcher) => matcherMatches(matcher, labels[matcher.name] ?? ''));
}

function sameLabels(a: Labels, b: Labels): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].every((name) => a[name] === b[name]);
}

function matchersOf(
  rule: Record<string, unknown>,
  side: 'source' | 'target',
  file: string,
  index: number,
): LabelMatcher[] {
  const written = rule[`${side}_matchers`];
  const legacy = rule[`${side}_match`];
  const legacyRegex = rule[`${side}_match_re`];
  const matchers: LabelMatcher[] = [];
  if (Array.isArray(written)) {
    for (const text of written) {
      try {
        matchers.push(...(selectorsOf(`{${String(text)}}`)[0]?.matchers ?? []));
      } catch {
        throw invalid(
          file,
          `inhibit_rules[${index}].${side}_matchers has a bad matcher: ${String(text)}`,
        );
      }
    }
  }
  for (const [name, value] of Object.entries(isYamlObject(legacy) ? legacy : {})) {
    matchers.push({ name, op: '=', value: String(value) });
  }
  for (const [name, value] of Object.entries(isYamlObject(legacyRegex) ? legacyRegex : {})) {
    matchers.push({ name, op: '=~', value: String(value) });
  }

  return matchers;
}

function invalid(file: string, problem: string): StackConfigInvalidError {
  return new StackConfigInvalidError(`Alertmanager config ${file}: ${problem}`, {
    hint: `check it with: amtool check-config ${file}`,
  });
}
