import { groupWaitMsByReceiver } from './alertmanager-config.js';
import type { AlertingRule, RuleGroup } from './prometheus-api.js';
import type { PrometheusClient } from './prometheus-client.js';
import { prometheusTimings } from './prometheus-config.js';
import type { RenderedStack } from './render.js';
import type { AlertRuleInfo, StackSettings } from './types.js';

/** Every alerting rule as Prometheus loaded it; `file` maps copies back to their sources. */
export function alertRulesOf(
  groups: RuleGroup[],
  fileSources: Record<string, string> = {},
): AlertRuleInfo[] {
  return groups.flatMap((group) =>
    group.rules
      .filter((rule): rule is AlertingRule => rule.type === 'alerting')
      .map((rule) => ({
        alert: rule.name,
        expr: rule.query,
        forMs: rule.duration * 1_000,
        labels: rule.labels ?? {},
        annotations: rule.annotations,
        file: fileSources[group.file] ?? group.file,
        evaluationIntervalMs: group.interval * 1_000,
      })),
  );
}

/**
 * The timing settings of a running local stack: intervals and routes from the configs it was
 * started with, rules from what Prometheus reports it loaded.
 */
export async function readStackSettings(
  prometheus: PrometheusClient,
  rendered: RenderedStack,
): Promise<StackSettings> {
  const groups = await prometheus.ruleGroups();

  return {
    ...prometheusTimings(rendered.prometheus),
    rules: alertRulesOf(groups, rendered.ruleFileSources),
    groupWaitMsByReceiver: groupWaitMsByReceiver(rendered.alertmanager.route),
    receivers: rendered.alertmanager.receivers.map((receiver) => receiver.name),
  };
}
