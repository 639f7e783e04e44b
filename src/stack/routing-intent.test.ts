import { readFile } from 'node:fs/promises';
import { routeReceivers } from './alert-routing.js';
import { readAlertmanagerConfig } from './alertmanager-config.js';
import { readInhibitRules } from './inhibition.js';
import { routeNodes } from './route-tree.js';
import { runCommand } from './run-command.js';
import { loadStaticStack } from './static-stack.js';
import type { AlertRuleInfo } from './types.js';

// The stack as `sim` loads it: every rule file that prometheus.yml names, so alerts added to
// any of them are routed here without editing this file.
const stack = await loadStaticStack({});
const configFile = stack.alertmanagerConfigFile;
const config = readAlertmanagerConfig(await readFile(configFile, 'utf8'), configFile);

/**
 * The routing intent, stated once: who must hear of an alert with these labels. Alertmanager
 * decides where it goes; this only says where it should.
 */
function intendedReceivers(labels: Record<string, string>): string[] {
  if (labels['alertname'] === 'Watchdog') return ['watchdog'];
  const receivers: string[] = [];
  if (labels['severity'] === 'critical' || labels['paging'] === 'true') receivers.push('pagerduty');
  if (labels['team'] === 'child-safety') receivers.push('child-safety-slack', 'child-safety-email');
  if (labels['team'] === 'emergency') receivers.push('emergency');
  if (labels['team'] === 'compliance') receivers.push('compliance-email');

  return receivers.length === 0 ? ['default'] : receivers;
}

const sorted = (receivers: string[]) => [...receivers].sort();

function rulesByAlertName(rules: readonly AlertRuleInfo[]): Map<string, AlertRuleInfo[]> {
  const byName = new Map<string, AlertRuleInfo[]>();
  for (const rule of rules) byName.set(rule.alert, [...(byName.get(rule.alert) ?? []), rule]);

  return byName;
}

describe('every alert of the rule files is routed as intended', () => {
  it('finds alerts to route', () => {
    expect(stack.settings.rules.length).toBeGreaterThan(0);
  });

  for (const [alertname, rules] of rulesByAlertName(stack.settings.rules)) {
    it(alertname, async () => {
      // Rules sharing a name differ in their labels (a warning and a critical tier): each one's.
      const cases = rules.map((rule) => ({ alertname, ...rule.labels }));
      const routed = await Promise.all(
        cases.map(async (labels) => ({
          labels,
          receivers: sorted(await routeReceivers(stack.amtool, configFile, labels)),
        })),
      );

      // Sorted, not deduplicated: the same receiver twice would be a double page.
      expect(routed).toEqual(
        cases.map((labels) => ({ labels, receivers: sorted(intendedReceivers(labels)) })),
      );
    });
  }
});

describe('the routing tree as intended', () => {
  const routes = routeNodes(config.route);

  it('gives emergencies a group_wait no longer than any other route', () => {
    const emergency = routes.filter((route) => route.receiver === 'emergency');
    const fastestOtherMs = Math.min(
      ...routes.filter((route) => route.receiver !== 'emergency').map((r) => r.groupWaitMs),
    );

    expect(emergency.length).toBeGreaterThan(0);
    for (const route of emergency) expect(route.groupWaitMs).toBeLessThanOrEqual(fastestOtherMs);
  });

  it('keeps every receiver name that scenarios expect', () => {
    expect(config.receivers.map((receiver) => receiver.name).sort()).toEqual([
      'child-safety-email',
      'child-safety-slack',
      'compliance-email',
      'default',
      'emergency',
      'pagerduty',
      'watchdog',
    ]);
  });
});

describe('inhibition as intended', () => {
  it('is accepted by Alertmanager, with one inhibit rule', async () => {
    const result = await runCommand(stack.amtool, ['check-config', configFile]);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\s*- 1 inhibit rules$/m);
  });

  it('lets a critical alert mute the warnings of the same alertname and service', () => {
    expect(readInhibitRules(config, configFile)).toEqual([
      {
        source: [{ name: 'severity', op: '=', value: 'critical' }],
        target: [{ name: 'severity', op: '=', value: 'warning' }],
        equal: ['alertname', 'service'],
      },
    ]);
  });
});
