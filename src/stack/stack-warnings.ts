import { describeUnreachableRoute, unreachableRoutesFor } from './route-reachability.js';
import { describeSelectorWarning } from './selector-check.js';
import type { StaticStack } from './static-stack.js';

/**
 * What is wrong with the stack's wiring without deciding any verdict: rule selectors that match
 * nothing `sim` emits, and routes that no alert of the rule files can reach.
 */
export async function stackWarnings(stack: StaticStack): Promise<string[]> {
  const alerts = stack.settings.rules.map((rule) => ({ ...rule.labels, alertname: rule.alert }));
  const routes = await unreachableRoutesFor(stack.alertmanagerConfigFile, alerts, {
    amtool: stack.amtool,
  });

  return [
    ...stack.selectorWarnings.map(describeSelectorWarning),
    ...routes.map(describeUnreachableRoute),
  ];
}
