import { StackConfigInvalidError } from '../common/errors.js';
import {
  groupWaitMsByReceiver,
  readAlertmanagerConfig,
  renderAlertmanagerConfig,
  type AlertmanagerConfig,
} from './alertmanager-config.js';

const CONFIG: AlertmanagerConfig = {
  global: { resolve_timeout: '5m', slack_api_url_file: '/run/secrets/slack' },
  templates: ['templates/*.tmpl'],
  route: {
    receiver: 'default',
    group_wait: '10s',
    routes: [
      {
        receiver: 'pagerduty',
        matchers: ['severity="critical"'],
        group_wait: '1s',
        continue: true,
      },
      {
        matchers: ['team="child-safety"'],
        group_wait: '2s',
        routes: [{ receiver: 'slack', matchers: ['channel="x"'] }, { matchers: ['y="z"'] }],
      },
      { receiver: 'email', matchers: ['team="compliance"'] },
      { receiver: 'pagerduty', matchers: ['paging="true"'], group_wait: '9s' },
    ],
  },
  inhibit_rules: [{ source_matchers: ['a="b"'], target_matchers: ['c="d"'], equal: ['e'] }],
  receivers: [
    { name: 'default', webhook_configs: [{ url: 'http://a/1' }, { url: 'http://a/2' }] },
    { name: 'pagerduty', pagerduty_configs: [{ routing_key: 'k' }] },
    { name: 'slack', slack_configs: [{ channel: '#x' }] },
    { name: 'email', email_configs: [{ to: 'a@b' }] },
  ],
};

describe('alertmanager config', () => {
  it('takes group_wait from the first route delivering to each receiver, inheriting', () => {
    expect(groupWaitMsByReceiver(CONFIG.route)).toEqual({
      default: 10_000,
      pagerduty: 1_000,
      slack: 2_000,
      email: 10_000,
    });
  });

  it("falls back to Alertmanager's default group_wait of 30 s", () => {
    expect(groupWaitMsByReceiver({ receiver: 'only' })).toEqual({ only: 30_000 });
  });

  it('replaces every receiver by exactly one webhook to the sink, whatever it was', () => {
    const rendered = renderAlertmanagerConfig(CONFIG, 'http://127.0.0.1:9/receivers/');

    expect(rendered.receivers).toEqual(
      ['default', 'pagerduty', 'slack', 'email'].map((name) => ({
        name,
        webhook_configs: [{ url: `http://127.0.0.1:9/receivers/${name}`, send_resolved: true }],
      })),
    );
  });

  it('keeps routing and inhibitions and drops what only served the replaced integrations', () => {
    const rendered = renderAlertmanagerConfig(CONFIG, 'http://sink');

    expect(rendered.route).toEqual(CONFIG.route);
    expect(rendered['inhibit_rules']).toEqual(CONFIG['inhibit_rules']);
    expect(rendered['global']).toEqual({ resolve_timeout: '5m' });
    expect(rendered['templates']).toBeUndefined();
  });

  it('names the file when the config has no route', () => {
    expect(() => readAlertmanagerConfig('receivers: []\n', 'am.yml')).toThrow(
      StackConfigInvalidError,
    );
    expect(() => readAlertmanagerConfig('receivers: []\n', 'am.yml')).toThrow('am.yml');
  });
});
