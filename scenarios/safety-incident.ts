import type { Scenario } from '../src/scenario/types.js';

/**
 * A calm start, then the AI starts giving unsafe answers to 6–8 year olds: a burst of critical
 * and high violations with toxic content. The child-safety page must reach PagerDuty and the
 * child-safety team within a minute, and nothing on the platform side may fire.
 */
const scenario: Scenario = {
  name: 'safety-incident',
  description: 'Unsafe answers burst for 6-8 year olds; the child-safety page must follow fast',
  load: { interactionsPerSecond: 20 },
  phases: [
    { name: 'baseline', duration: '20s' },
    { name: 'incident', duration: '60s' },
    { name: 'recovery', duration: '20s' },
  ],
  faults: [
    {
      name: 'unsafe-burst',
      phase: 'incident',
      effect: {
        kind: 'unsafe-content',
        ageGroup: '6-8',
        unsafeShare: 0.3,
        severities: { critical: 1, high: 2 },
        violationTypes: ['inappropriate_content', 'toxic_language', 'age_inappropriate'],
        toxicity: 0.85,
      },
    },
  ],
  expectations: [
    {
      expect: 'fires',
      alert: 'ChildSafetyViolationCritical',
      labels: { age_group: '6-8' },
      after: 'unsafe-burst',
      within: '60s',
      receiver: 'pagerduty',
    },
    {
      expect: 'fires',
      alert: 'ChildSafetyViolationCritical',
      labels: { age_group: '6-8' },
      after: 'unsafe-burst',
      within: '60s',
      receiver: 'child-safety-slack',
    },
    {
      expect: 'fires',
      alert: 'ContentToxicityHigh',
      labels: { age_group: '6-8' },
      after: 'unsafe-burst',
      within: '80s',
      receiver: 'child-safety-email',
    },
    { expect: 'silent', alert: 'ChildSafetyViolationCritical', during: 'baseline' },
    { expect: 'silent', labels: { team: 'platform' } },
  ],
};

export default scenario;
