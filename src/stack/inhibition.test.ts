import { describe, expect, it } from '@jest/globals';
import type { AlertmanagerConfig } from './alertmanager-config.js';
import { inhibitedAt, readInhibitRules } from './inhibition.js';

function config(inhibitRules: unknown): AlertmanagerConfig {
  return {
    route: { receiver: 'default' },
    receivers: [{ name: 'default' }],
    inhibit_rules: inhibitRules,
  };
}

const rules = readInhibitRules(
  config([
    {
      source_matchers: ['severity="critical"'],
      target_matchers: ['severity="warning"'],
      equal: ['alertname', 'service'],
    },
  ]),
  'alertmanager.yml',
);
const critical = { alertname: 'Slow', severity: 'critical', service: 'ai-service' };
const warning = { alertname: 'Slow', severity: 'warning', service: 'ai-service' };

describe('inhibitedAt', () => {
  const firing = [{ labels: critical, fromMs: 10_000, toMs: 60_000 }];

  it('mutes a warning of the same alert and service while the critical fires', () => {
    expect(inhibitedAt(warning, 10_000, firing, rules)).toBe(true);
    expect(inhibitedAt(warning, 59_999, firing, rules)).toBe(true);
  });

  it('lets the warning through before the critical fires and after it resolves', () => {
    expect(inhibitedAt(warning, 9_999, firing, rules)).toBe(false);
    expect(inhibitedAt(warning, 60_000, firing, rules)).toBe(false);
  });

  it('needs every `equal` label to agree, an absent label counting as empty', () => {
    expect(inhibitedAt({ ...warning, service: 'audio-service' }, 20_000, firing, rules)).toBe(
      false,
    );
    expect(inhibitedAt({ ...warning, alertname: 'Other' }, 20_000, firing, rules)).toBe(false);
    const noService = [
      { labels: { alertname: 'Slow', severity: 'critical' }, fromMs: 0, toMs: Infinity },
    ];
    expect(inhibitedAt({ alertname: 'Slow', severity: 'warning' }, 5_000, noService, rules)).toBe(
      true,
    );
  });

  it('never mutes the source itself or an alert outside the target side', () => {
    expect(inhibitedAt(critical, 20_000, firing, rules)).toBe(false);
  });
});

describe('readInhibitRules', () => {
  it('reads the older source_match and source_match_re spellings too', () => {
    const [rule] = readInhibitRules(
      config([{ source_match: { severity: 'critical' }, target_match_re: { severity: 'warn.*' } }]),
      'am.yml',
    );

    expect(rule).toEqual({
      source: [{ name: 'severity', op: '=', value: 'critical' }],
      target: [{ name: 'severity', op: '=~', value: 'warn.*' }],
      equal: [],
    });
  });

  it('names the file and the rule of a matcher it cannot read', () => {
    expect(() =>
      readInhibitRules(
        config([{ source_matchers: ['severity=="x'], target_matchers: [] }]),
        'am.yml',
      ),
    ).toThrow(/am\.yml: inhibit_rules\[0\]\.source_matchers has a bad matcher: severity=="x/);
  });
});
