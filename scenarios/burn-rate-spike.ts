import type { Scenario } from '../src/scenario/types.js';

/**
 * Six hours of the AI service's error budget. A near miss (errors at 80 % of the fast-burn
 * threshold for an hour) must not page through the burn-rate tiers; a short, sharp spike must
 * page through the fast tier and open a ticket through the 6× tier; after recovery both resolve.
 * The plain HighErrorRate alert is not judged here: at 1.15 % against its 1 % threshold over
 * 2 minutes it flickers with the traffic's noise. Only the virtual engine runs this in seconds.
 */
const scenario: Scenario = {
  name: 'burn-rate-spike',
  description: 'A near miss that must not page, then a spike that pages and tickets; 6 h',
  load: { interactionsPerSecond: 20 },
  phases: [
    { name: 'baseline', duration: '3h10m' },
    { name: 'near-miss', duration: '1h' },
    { name: 'calm', duration: '1h' },
    { name: 'spike', duration: '10m' },
    { name: 'recovery', duration: '40m' },
  ],
  faults: [
    {
      name: 'slow-burn',
      phase: 'near-miss',
      effect: { kind: 'service-errors', service: 'ai-service', errorShare: 0.0115 },
    },
    {
      name: 'error-spike',
      phase: 'spike',
      effect: { kind: 'service-errors', service: 'ai-service', errorShare: 0.2 },
    },
  ],
  expectations: [
    {
      expect: 'fires',
      alert: 'SLOAvailabilityBurnRateCritical',
      labels: { service: 'ai-service', tier: '14.4x' },
      after: 'error-spike',
      within: '8m',
      receiver: 'pagerduty',
    },
    {
      expect: 'fires',
      alert: 'SLOErrorRateBurnRateWarning',
      labels: { service: 'ai-service', tier: '6x' },
      after: 'error-spike',
      within: '25m',
      receiver: 'default',
    },
    { expect: 'silent', alert: 'SLOAvailabilityBurnRateCritical', during: 'near-miss' },
    { expect: 'silent', alert: 'SLOAvailabilityBurnRateCritical', during: 'calm' },
    { expect: 'silent', alert: 'SLOErrorRateBurnRateCritical', during: 'calm' },
    {
      expect: 'resolves',
      alert: 'SLOAvailabilityBurnRateCritical',
      labels: { service: 'ai-service', tier: '14.4x' },
      after: 'error-spike',
      within: '10m',
    },
    {
      expect: 'resolves',
      alert: 'SLOErrorRateBurnRateWarning',
      labels: { service: 'ai-service', tier: '6x' },
      after: 'error-spike',
      within: '35m',
    },
    { expect: 'silent', labels: { team: 'child-safety' } },
  ],
};

export default scenario;
