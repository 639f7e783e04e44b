import type { StackSettings } from '../stack/types.js';

/**
 * The latest a change in the world can reach a receiver through this stack: one scrape, one
 * rule evaluation, the rule's `for`, and the route's `group_wait`. It leaves out the time the
 * expression itself needs to cross its threshold (a rate over a window fills gradually).
 */
export function predictBoundMs(
  settings: StackSettings,
  alert: string,
  receiver: string | undefined,
): number | undefined {
  const rule = settings.rules.find((candidate) => candidate.alert === alert);
  if (rule === undefined) return undefined;
  const groupWaitMs = receiver === undefined ? 0 : (settings.groupWaitMsByReceiver[receiver] ?? 0);

  return settings.scrapeIntervalMs + rule.evaluationIntervalMs + rule.forMs + groupWaitMs;
}
