import { describe, expect, it } from '@jest/globals';
import type { AlertRuleInfo } from '../stack/types.js';
import { buildCoverage } from './coverage.js';
import type { ExpectationSummary, RunSummary } from './summary.js';

function rule(alert: string, labels: Record<string, string> = {}): AlertRuleInfo {
  return {
    alert,
    expr: 'vector(1)',
    forMs: 0,
    labels,
    annotations: {},
    file: 'x.yml',
    evaluationIntervalMs: 5_000,
  };
}

function expectation(overrides: Partial<ExpectationSummary>): ExpectationSummary {
  return {
    subject: 's',
    expect: 'fires',
    alert: null,
    labels: {},
    except: [],
    during: null,
    outcome: 'pass',
    reason: '',
    receiver: null,
    slaMs: 60_000,
    predictedMs: null,
    measuredMs: { firing: 10_000, notification: null, resolved: null },
    evidence: [],
    ...overrides,
  };
}

function run(scenario: string, expectations: ExpectationSummary[]): RunSummary {
  return { scenario, expectations } as RunSummary;
}

const rules = [
  rule('PageMe', { severity: 'critical', team: 'platform' }),
  rule('NeverFires', { severity: 'warning', team: 'platform' }),
  rule('Noisy', { severity: 'warning', team: 'ai' }),
  rule('Watchdog', { severity: 'none', team: 'meta' }),
];

describe('buildCoverage', () => {
  const quiet = run('normal-operation', [
    expectation({ expect: 'silent', labels: { team: 'platform' } }),
    expectation({
      expect: 'fires',
      alert: 'Watchdog',
      receiver: 'watchdog',
      measuredMs: { firing: 0, notification: 0, resolved: null },
    }),
  ]);
  const incident = run('incident', [
    expectation({
      alert: 'PageMe',
      receiver: 'pagerduty',
      measuredMs: { firing: 12_000, notification: 13_000, resolved: null },
    }),
    expectation({
      alert: 'PageMe',
      receiver: 'default',
      measuredMs: { firing: 9_000, notification: 13_000, resolved: null },
    }),
    expectation({ alert: 'Noisy', outcome: 'fail' }),
    expectation({ expect: 'silent', alert: 'Noisy', during: 'baseline' }),
  ]);
  const report = buildCoverage(rules, [quiet, incident]);

  it('lists the alerts no scenario fires first, then those not proven silent, then the rest', () => {
    expect(report.alerts.map((a) => [a.alert, a.gaps])).toEqual([
      ['NeverFires', ['never-fired']],
      ['Noisy', ['never-fired', 'not-silent-in-normal-operation']],
      ['PageMe', []],
      ['Watchdog', []],
    ]);
    expect(report.neverFired).toEqual(['NeverFires', 'Noisy']);
    expect(report.notSilentInNormalOperation).toEqual(['Noisy']);
    expect(report.goalMet).toBe(false);
  });

  it('counts only passing expectations, one proof per scenario with its first firing', () => {
    const pageMe = report.alerts.find((a) => a.alert === 'PageMe');

    expect(pageMe?.firedBy).toEqual([
      { scenario: 'incident', firingMs: 9_000, slaMs: 60_000, receivers: ['pagerduty', 'default'] },
    ]);
  });

  it('takes a silent expectation by labels only when every rule of the alert carries them', () => {
    const silent = (alert: string) => report.alerts.find((a) => a.alert === alert)?.silentIn;

    expect(silent('PageMe')).toEqual([{ scenario: 'normal-operation', during: null }]);
    expect(silent('Noisy')).toEqual([{ scenario: 'incident', during: 'baseline' }]);
  });

  it('lets an alert that normal-operation proves firing, such as the Watchdog, skip the silence goal', () => {
    expect(report.alerts.find((a) => a.alert === 'Watchdog')?.gaps).toEqual([]);
  });

  it('honours `except` in a silent expectation that names no alert', () => {
    const coverage = buildCoverage(
      [rule('A'), rule('B')],
      [
        run('normal-operation', [expectation({ expect: 'silent', except: ['B'] })]),
        run('incident', [expectation({ alert: 'A' }), expectation({ alert: 'B' })]),
      ],
    );

    expect(coverage.notSilentInNormalOperation).toEqual(['B']);
  });

  it('meets the goal only when normal-operation ran', () => {
    const withoutQuiet = buildCoverage(
      [rule('PageMe')],
      [run('incident', [expectation({ alert: 'PageMe' })])],
    );

    expect(withoutQuiet.alerts[0]?.gaps).toEqual([]);
    expect(withoutQuiet.goalMet).toBe(false);
  });
});
