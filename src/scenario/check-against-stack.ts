import { closest as closestMatch, distance } from 'fastest-levenshtein';
import { ScenarioInvalidError } from '../common/errors.js';
import { CATALOGUE, type MetricSpec } from '../telemetry/catalogue.js';
import type { StackSettings } from '../stack/types.js';
import type { Scenario } from './types.js';

export interface StackVocabulary {
  alerts: string[];
  receivers: string[];
  /** Every label name an alert can carry: its rule's labels and the metrics' labels. */
  labelNames: string[];
}

/** Labels every alert or series may carry whatever the rules say. */
const ALWAYS_LABELS = ['alertname', 'job', 'instance'];

/**
 * What an expectation may name in this stack: its alerts, its receivers, and the label names
 * its alerts can carry (the rules' own, the metrics', and the target's).
 */
export function stackVocabulary(settings: StackSettings): StackVocabulary {
  const labelNames = new Set(ALWAYS_LABELS);
  for (const rule of settings.rules) {
    for (const name of Object.keys(rule.labels)) labelNames.add(name);
  }
  for (const spec of Object.values(CATALOGUE) as MetricSpec[]) {
    for (const name of spec.labelNames) labelNames.add(name);
  }

  return {
    alerts: settings.rules.map((rule) => rule.alert),
    receivers: settings.receivers,
    labelNames: [...labelNames].sort(),
  };
}

/**
 * Every alert, receiver and label name an expectation names must exist in the stack under
 * test: a typo would otherwise be judged as "stayed silent" and pass.
 */
export function checkScenarioAgainstStack(
  scenario: Scenario,
  stack: StackVocabulary,
  file: string,
): void {
  const problems: string[] = [];
  scenario.expectations.forEach((expectation, index) => {
    const names = [
      expectation.alert,
      ...(expectation.expect === 'silent' ? (expectation.except ?? []) : []),
    ];
    for (const alert of names) {
      if (alert !== undefined && !stack.alerts.includes(alert)) {
        problems.push(
          `expectations[${index}]: no alert rule named "${alert}"${closest(alert, stack.alerts)}`,
        );
      }
    }
    for (const label of Object.keys(expectation.labels ?? {})) {
      if (!stack.labelNames.includes(label)) {
        problems.push(
          `expectations[${index}].labels: no alert carries a label named "${label}"${closest(label, stack.labelNames)}`,
        );
      }
    }
    if (expectation.expect !== 'resolves' && expectation.receiver !== undefined) {
      if (!stack.receivers.includes(expectation.receiver)) {
        problems.push(
          `expectations[${index}].receiver: no receiver named "${expectation.receiver}"; receivers are ${stack.receivers.join(', ')}`,
        );
      }
    }
  });
  if (problems.length > 0) {
    throw new ScenarioInvalidError(`${file}: ${problems.join('; ')}`, {
      hint: 'name alerts, labels and receivers exactly as the rule files, the metrics and alertmanager.yml do',
    });
  }
}

/** The nearest known name by edit distance, when it is near enough to be the one meant. */
function closest(name: string, candidates: string[]): string {
  if (candidates.length === 0) return '';
  const near = closestMatch(name, candidates);
  const tolerance = Math.max(2, Math.floor(name.length / 3));

  return distance(name.toLowerCase(), near.toLowerCase()) <= tolerance
    ? ` (did you mean "${near}"?)`
    : '';
}
