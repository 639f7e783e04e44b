import { ScenarioInvalidError } from '../common/errors.js';
import type { Scenario } from './types.js';

export interface StackVocabulary {
  alerts: string[];
  receivers: string[];
}

/**
 * Every alert and receiver an expectation names must exist in the stack under test: a typo
 * would otherwise be judged as "stayed silent" and pass.
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
      hint: 'name alerts and receivers exactly as the rule files and alertmanager.yml do',
    });
  }
}

function closest(name: string, candidates: string[]): string {
  const lower = name.toLowerCase();
  const near = candidates.find(
    (c) =>
      c.toLowerCase().includes(lower.slice(0, 6)) || lower.includes(c.toLowerCase().slice(0, 6)),
  );

  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
