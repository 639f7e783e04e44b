import type { AlertRuleInfo, StackSettings } from '../stack/types.js';
import { predictBoundMs } from './predict.js';

function rule(severity: string, forMs: number): AlertRuleInfo {
  return {
    alert: 'EmergencyResponseSlow',
    expr: 'vector(1)',
    forMs,
    labels: { severity, team: 'emergency' },
    annotations: {},
    file: 'child-safety.yml',
    evaluationIntervalMs: 5_000,
  };
}

const settings: StackSettings = {
  scrapeIntervalMs: 5_000,
  evaluationIntervalMs: 5_000,
  rules: [rule('critical', 0), rule('warning', 30_000)],
  groupWaitMsByReceiver: { emergency: 0, pagerduty: 1_000 },
  receivers: ['emergency', 'pagerduty'],
};

describe('predictBoundMs', () => {
  it('adds scrape, evaluation, the rule’s for and the receiver’s group_wait', () => {
    expect(
      predictBoundMs(settings, 'EmergencyResponseSlow', { severity: 'critical' }, 'pagerduty'),
    ).toBe(11_000);
  });

  it('takes the rule whose labels the expectation names, not the first of that alert', () => {
    expect(
      predictBoundMs(settings, 'EmergencyResponseSlow', { severity: 'warning' }, undefined),
    ).toBe(40_000);
  });

  it('takes the fastest rule when the labels leave several, since any of them will do', () => {
    expect(predictBoundMs(settings, 'EmergencyResponseSlow', {}, 'emergency')).toBe(10_000);
  });

  it('predicts nothing for an alert no rule has, or labels no rule agrees with', () => {
    expect(predictBoundMs(settings, 'NoSuchAlert', {}, undefined)).toBeUndefined();
    expect(
      predictBoundMs(settings, 'EmergencyResponseSlow', { severity: 'info' }, undefined),
    ).toBeUndefined();
  });
});
