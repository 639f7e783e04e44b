import type { AlertmanagerRoute } from './alertmanager-config.js';
import { routeNodes } from './route-tree.js';

const TREE: AlertmanagerRoute = {
  receiver: 'default',
  group_wait: '10s',
  routes: [
    { receiver: 'pagerduty', matchers: ['severity="critical"'], group_wait: '1s', continue: true },
    {
      match: { team: 'child-safety' },
      match_re: { service: 'safety-.*' },
      routes: [{ receiver: 'slack', matchers: ['channel="x"'], group_wait: '0s' }],
    },
  ],
};

describe('routeNodes', () => {
  it('lists every route depth first, in the order Alertmanager matches them', () => {
    expect(routeNodes(TREE).map((node) => node.position)).toEqual([
      'route',
      'route.routes[0]',
      'route.routes[1]',
      'route.routes[1].routes[0]',
    ]);
  });

  it('inherits the receiver and group_wait of the nearest parent that sets them', () => {
    const [root, page, team, slack] = routeNodes(TREE);

    expect(root).toMatchObject({ receiver: 'default', groupWaitMs: 10_000, continues: false });
    expect(page).toMatchObject({ receiver: 'pagerduty', groupWaitMs: 1_000, continues: true });
    expect(team).toMatchObject({ receiver: 'default', groupWaitMs: 10_000 });
    expect(slack).toMatchObject({ receiver: 'slack', groupWaitMs: 0 });
  });

  it('writes the older match and match_re spellings as matchers', () => {
    expect(routeNodes(TREE)[2]?.matchers).toEqual(['team="child-safety"', 'service=~"safety-.*"']);
  });

  it("uses Alertmanager's 30 s default when no route sets group_wait", () => {
    expect(routeNodes({ receiver: 'default' })[0]?.groupWaitMs).toBe(30_000);
  });
});
