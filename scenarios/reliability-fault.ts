import type { Scenario } from '../src/scenario/types.js';

/**
 * The profile database, a dependency of child-service, fails and takes the platform with it.
 * First child-service answers with errors; then the process stops answering, so Prometheus
 * cannot scrape it; it comes back slow, with sick database connections and the host's disk and
 * memory nearly full; then everything recovers. Each platform alert must fire within its SLA, the
 * critical ones must page, none may fire before its cause, and every one must resolve.
 *
 * While the target is down Prometheus scrapes nothing, so each alert's evidence comes from a
 * phase in which the target is up: the errors before the outage, the rest after it. A range
 * vector ignores staleness, so HighErrorRate keeps firing on its last 2 minutes of samples
 * through the outage and resolves only once its window has moved past the errors.
 */
const scenario: Scenario = {
  name: 'reliability-fault',
  description: 'A failing database: errors, target down, latency and resource pressure, recovery',
  load: { interactionsPerSecond: 20 },
  phases: [
    { name: 'baseline', duration: '10s' },
    { name: 'errors', duration: '90s' },
    { name: 'outage', duration: '35s' },
    { name: 'degraded', duration: '50s' },
    { name: 'recovery', duration: '75s' },
  ],
  faults: [
    {
      name: 'dependency-errors',
      phase: 'errors',
      effect: { kind: 'service-errors', service: 'child-service', errorShare: 0.5 },
    },
    { name: 'target-down', phase: 'outage', effect: { kind: 'scrape-target-down' } },
    // 40 × the 8 ms median, and the sick pool's retries add 2.5 ×: about 0.8 s, p95 well over
    // 0.5 s.
    {
      name: 'slow-requests',
      phase: 'degraded',
      effect: { kind: 'service-latency', service: 'child-service', multiplier: 40 },
    },
    {
      name: 'database-degraded',
      phase: 'degraded',
      effect: { kind: 'database-degraded', connectionHealth: 0.5 },
    },
    {
      name: 'resource-pressure',
      phase: 'degraded',
      effect: { kind: 'resource-pressure', diskUsage: 0.96, memoryUsage: 0.97 },
    },
  ],
  expectations: [
    // 5 s scrape + 5 s evaluation + 5 s for the error series' second sample + 60 s `for`
    // + 1 s group_wait = 76 s; the errors phase lasts 90 s.
    {
      expect: 'fires',
      alert: 'HighErrorRate',
      labels: { service: 'child-service' },
      after: 'dependency-errors',
      within: '90s',
      receiver: 'pagerduty',
    },
    // 5 s scrape + 5 s evaluation + 15 s `for` + 1 s group_wait = 26 s.
    {
      expect: 'fires',
      alert: 'ServiceDown',
      after: 'target-down',
      within: '40s',
      receiver: 'pagerduty',
    },
    // 5 s scrape + 5 s evaluation + 5 s for the first slow samples + 30 s `for`
    // + 10 s group_wait (default route) = 55 s.
    {
      expect: 'fires',
      alert: 'HighRequestLatency',
      labels: { service: 'child-service' },
      after: 'slow-requests',
      within: '65s',
      receiver: 'default',
    },
    // 5 s scrape + 5 s evaluation + 30 s `for` + 1 s group_wait = 41 s.
    {
      expect: 'fires',
      alert: 'DatabaseConnectionHealthLow',
      after: 'database-degraded',
      within: '55s',
      receiver: 'pagerduty',
    },
    // 5 s scrape + 5 s evaluation + 30 s `for` + 10 s group_wait (default route) = 50 s.
    {
      expect: 'fires',
      alert: 'DiskSpaceLow',
      after: 'resource-pressure',
      within: '65s',
      receiver: 'default',
    },
    // 5 s scrape + 5 s evaluation + 30 s `for` + 1 s group_wait = 41 s.
    {
      expect: 'fires',
      alert: 'MemoryNearlyExhausted',
      after: 'resource-pressure',
      within: '55s',
      receiver: 'pagerduty',
    },

    // Nothing fires early: each alert stays silent in the phase before its cause.
    { expect: 'silent', labels: { team: 'platform' }, during: 'baseline' },
    { expect: 'silent', alert: 'ServiceDown', during: 'errors' },
    // Judged in the errors phase: during the outage they could not fire for want of samples.
    { expect: 'silent', alert: 'HighRequestLatency', during: 'errors' },
    { expect: 'silent', alert: 'DatabaseConnectionHealthLow', during: 'errors' },
    { expect: 'silent', alert: 'DiskSpaceLow', during: 'errors' },
    { expect: 'silent', alert: 'MemoryNearlyExhausted', during: 'errors' },

    // HighErrorRate's 2-minute window must move past the last error samples: 120 s + 5 s
    // evaluation, whatever the outage in between. The others resolve at the first scrape and
    // evaluation that read normal again: 5 s + 5 s.
    {
      expect: 'resolves',
      alert: 'HighErrorRate',
      after: 'dependency-errors',
      within: '2m30s',
    },
    { expect: 'resolves', alert: 'ServiceDown', after: 'target-down', within: '30s' },
    // The 1-minute window must first drop below 5 % slow requests: 57 s + 5 s scrape + 5 s
    // evaluation = 67 s.
    { expect: 'resolves', alert: 'HighRequestLatency', after: 'slow-requests', within: '75s' },
    {
      expect: 'resolves',
      alert: 'DatabaseConnectionHealthLow',
      after: 'database-degraded',
      within: '30s',
    },
    { expect: 'resolves', alert: 'DiskSpaceLow', after: 'resource-pressure', within: '30s' },
    {
      expect: 'resolves',
      alert: 'MemoryNearlyExhausted',
      after: 'resource-pressure',
      within: '30s',
    },
  ],
};

export default scenario;
