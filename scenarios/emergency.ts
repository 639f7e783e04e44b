import type { Scenario } from '../src/scenario/types.js';

/**
 * A child in distress and an unknown adult: escalations come in and people take 25 s to answer
 * them, far past the 15 s the service promises. The emergency team must be paged first and
 * fastest, and PagerDuty too; the early warning is inhibited by the critical alert.
 */
const scenario: Scenario = {
  name: 'emergency',
  description: 'Emergency escalations answered too slowly; the emergency team is paged fast',
  load: { interactionsPerSecond: 20 },
  phases: [
    { name: 'baseline', duration: '20s' },
    { name: 'escalations', duration: '90s' },
    { name: 'recovery', duration: '20s' },
  ],
  faults: [
    {
      name: 'slow-escalations',
      phase: 'escalations',
      effect: {
        kind: 'emergencies',
        ratePerMinute: 12,
        triggerTypes: ['distress_detected', 'stranger_contact'],
        responseTime: '25s',
      },
    },
  ],
  expectations: [
    {
      expect: 'fires',
      alert: 'EmergencyResponseSlow',
      after: 'slow-escalations',
      within: '60s',
      receiver: 'emergency',
    },
    {
      expect: 'fires',
      alert: 'EmergencyResponseSlow',
      after: 'slow-escalations',
      within: '60s',
      receiver: 'pagerduty',
    },
    // The warning tier fires too, 30 s after the condition holds (`for`), but the critical
    // alert of the same name inhibits it: the emergency team gets one page, not two.
    {
      expect: 'fires',
      alert: 'EmergencyResponseSlow',
      labels: { severity: 'warning' },
      after: 'slow-escalations',
      within: '2m',
    },
    {
      expect: 'silent',
      alert: 'EmergencyResponseSlow',
      labels: { severity: 'warning' },
      receiver: 'emergency',
    },
    {
      expect: 'silent',
      alert: 'EmergencyResponseSlow',
      labels: { severity: 'warning' },
      receiver: 'pagerduty',
    },
    { expect: 'silent', alert: 'EmergencyResponseSlow', during: 'baseline' },
    { expect: 'silent', labels: { team: 'platform' } },
  ],
};

export default scenario;
