import type { Labels } from '../engine/timeline.js';
import type { StackSettings } from '../stack/types.js';

/**
 * The latest a change in the world can reach a receiver through this stack: one scrape, one
 * rule evaluation, the rule's `for`, and the route's `group_wait`. It leaves out the time the
 * expression itself needs to cross its threshold (a rate over a window fills gradually).
 *
 * An alert may have several rules (a warning and a critical tier); only those whose own labels
 * agree with the expectation's count, and of those the fastest, since any of them satisfies it.
 */
export function predictBoundMs(
  settings: StackSettings,
  alert: string,
  labels: Labels | undefined,
  receiver: string | undefined,
): number | undefined {
  const rules = settings.rules.filter(
    (rule) =>
      rule.alert === alert &&
      Object.entries(labels ?? {}).every(
        ([name, value]) => rule.labels[name] === undefined || rule.labels[name] === value,
      ),
  );
  if (rules.length === 0) return undefined;
  const groupWaitMs = receiver === undefined ? 0 : (settings.groupWaitMsByReceiver[receiver] ?? 0);

  return Math.min(
    ...rules.map(
      (rule) => settings.scrapeIntervalMs + rule.evaluationIntervalMs + rule.forMs + groupWaitMs,
    ),
  );
}
