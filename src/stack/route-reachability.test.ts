import { join } from 'node:path';
import { loadStaticStack } from './static-stack.js';
import { DEFAULT_STACK_DIR } from './render.js';
import {
  describeUnreachableRoute,
  unreachableRoutes,
  unreachableRoutesFor,
} from './route-reachability.js';

const FIXTURES = join(DEFAULT_STACK_DIR, '..', 'fixtures', 'routing');
const CRITICAL_FIRST = join(FIXTURES, 'critical-first.yml');
const TEAM_ALERTS = join(FIXTURES, 'team-alerts.rules.yml');
const REAL_CONFIG = join(DEFAULT_STACK_DIR, 'alertmanager', 'alertmanager.yml');

describe('routes that no alert reaches', () => {
  it('finds the child-safety routes behind a first, non-continuing critical route', async () => {
    const unreachable = await unreachableRoutes(CRITICAL_FIRST, [TEAM_ALERTS]);

    expect(unreachable).toEqual([
      {
        position: 'route.routes[1]',
        matchers: ['team="child-safety"', 'severity="critical"'],
        receiver: 'child-safety-slack',
      },
      {
        position: 'route.routes[2]',
        matchers: ['team="child-safety"', 'severity="critical"'],
        receiver: 'child-safety-email',
      },
    ]);
  });

  it('finds no such route in the real config for alerts of every team', async () => {
    expect(await unreachableRoutes(REAL_CONFIG, [TEAM_ALERTS])).toEqual([]);
  });

  it('finds no such route in the real config for the real rule files', async () => {
    const stack = await loadStaticStack({});
    const unreachable = await unreachableRoutes(stack.alertmanagerConfigFile, stack.ruleFiles, {
      amtool: stack.amtool,
    });

    expect(unreachable.map(describeUnreachableRoute)).toEqual([]);
  });

  it('reports every route below the root when there are no alerts at all', async () => {
    const unreachable = await unreachableRoutesFor(CRITICAL_FIRST, []);

    expect(unreachable.map((route) => route.receiver)).toEqual([
      'pagerduty',
      'child-safety-slack',
      'child-safety-email',
      'emergency',
      'compliance-email',
      'watchdog',
    ]);
  });

  it('counts a route reached only after an earlier route continues', async () => {
    const alerts = [
      { alertname: 'ChildSafetyViolationCritical', severity: 'critical', team: 'child-safety' },
    ];
    const unreachable = await unreachableRoutesFor(REAL_CONFIG, alerts);

    expect(unreachable.map((route) => route.receiver)).not.toContain('child-safety-email');
    expect(unreachable.map((route) => route.receiver)).toContain('emergency');
  });

  it('answers the same config and alerts again from its cache, without amtool', async () => {
    const alerts = [{ alertname: 'Watchdog', severity: 'none', team: 'meta' }];
    const first = await unreachableRoutesFor(CRITICAL_FIRST, alerts);
    const again = await unreachableRoutesFor(CRITICAL_FIRST, [...alerts].reverse(), {
      amtool: '/nonexistent/amtool',
    });

    expect(again).toEqual(first);
    await expect(
      unreachableRoutesFor(CRITICAL_FIRST, [{ alertname: 'Other' }], {
        amtool: '/nonexistent/amtool',
      }),
    ).rejects.toThrow();
  });

  it('names the position, matchers and receiver of an unreachable route', () => {
    const line = describeUnreachableRoute({
      position: 'route.routes[1]',
      matchers: ['team="child-safety"', 'severity="critical"'],
      receiver: 'child-safety-slack',
    });

    expect(line).toBe(
      'route.routes[1] (team="child-safety", severity="critical") → child-safety-slack ' +
        'is reached by no alert of the rule files',
    );
  });
});
