import type { Scenario } from '../src/scenario/types.js';

/**
 * A child in distress and an unknown adult: escalations come in and people take 25 s to answer
 * them, far past the 15 s the service promises. The emergency team must be paged first and
 * fastest, and PagerDuty too.
 */
const scenario: Scenario = {
  name: 'emergency',
  description: 'Emergency escalations answered too slowly; the emergency team is paged fast',
  load: { interactionsPerSecond: 20 },
  phases: [
    { name: 'baseline', duration: '20s' },
    { name: 'escalations', duration: '60s' },
    { name: 'recovery', duration: '20s' },
  ],
  faults: [
    {
      name: 'slow-escalations',
      phase: 'escalations',
      effect: {
        kind: 'emergencies',
        ratePerMinute: 6,
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
    { expect: 'silent', alert: 'EmergencyResponseSlow', during: 'baseline' },
    { expect: 'silent', labels: { team: 'platform' } },
  ],
};

export default scenario;
