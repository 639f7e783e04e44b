import type { Expectation, Scenario } from '../src/scenario/types.js';

/**
 * One model, gpt-4, degrades step by step: its answers slow down, then it starts to
 * hallucinate, then its accuracy and its quality fall, and finally its token use jumps tenfold;
 * then it recovers. Each AI alert must fire for gpt-4 within its SLA and not before its own
 * fault, the other models and the child-safety alerts must stay silent, and every alert must
 * resolve after recovery.
 *
 * AITokenUsageSpike compares the last 5 minutes with the same 5 minutes half an hour earlier,
 * so the spike starts at 35m, once that earlier window holds normal traffic; the other faults
 * take their turns before it. Each fault lasts until recovery, so the model's troubles add up.
 */
const scenario: Scenario = {
  name: 'ai-degradation',
  description: 'One model slows, hallucinates, loses accuracy and quality, burns tokens; recovers',
  load: { interactionsPerSecond: 20 },
  phases: [
    { name: 'baseline', duration: '20m' },
    { name: 'slow', duration: '4m' },
    { name: 'hallucinating', duration: '3m' },
    { name: 'inaccurate', duration: '3m' },
    { name: 'poor-quality', duration: '5m' },
    { name: 'token-spike', duration: '4m' },
    { name: 'recovery', duration: '6m' },
  ],
  faults: [
    {
      name: 'slow-answers',
      phase: 'slow',
      duration: '19m',
      effect: { kind: 'model-degradation', model: 'gpt-4', latencyMultiplier: 4 },
    },
    {
      name: 'hallucinations',
      phase: 'hallucinating',
      duration: '15m',
      effect: { kind: 'model-degradation', model: 'gpt-4', hallucinationShare: 0.15 },
    },
    {
      name: 'accuracy-drop',
      phase: 'inaccurate',
      duration: '12m',
      effect: { kind: 'model-degradation', model: 'gpt-4', accuracyDrop: 0.3 },
    },
    {
      name: 'quality-drop',
      phase: 'poor-quality',
      duration: '9m',
      effect: { kind: 'model-degradation', model: 'gpt-4', qualityDrop: 0.35 },
    },
    {
      name: 'token-burst',
      phase: 'token-spike',
      effect: { kind: 'model-degradation', model: 'gpt-4', tokenMultiplier: 10 },
    },
  ],
  expectations: [
    // gpt-4 answers at 6.7 a second, and at 4 times its latency 98 % of them take over 1 s, so
    // the first slow scrape puts the p95 above 1 s: 5 s scrape + 5 s evaluation + 2m30s `for`
    // + 10 s group_wait (default route) = 2m50s.
    {
      expect: 'fires',
      alert: 'AIResponseLatencyHigh',
      labels: { model: 'gpt-4' },
      after: 'slow-answers',
      within: '3m30s',
      receiver: 'default',
    },
    // The 5-minute share passes 2 % once 35 s of answers at 15 % fill it: 35 s + 5 s scrape
    // + 5 s evaluation + 1m `for` + 1 s group_wait (PagerDuty) = 1m46s.
    {
      expect: 'fires',
      alert: 'AIHallucinationRateHigh',
      labels: { model: 'gpt-4' },
      after: 'hallucinations',
      within: '2m30s',
      receiver: 'pagerduty',
    },
    // Every degraded answer scores at or below 0.8; the 2-minute share passes 20 % after 24 s:
    // 24 s + 5 s scrape + 5 s evaluation + 1m `for` + 10 s group_wait = 1m44s.
    {
      expect: 'fires',
      alert: 'AIAccuracyLow',
      labels: { model: 'gpt-4' },
      after: 'accuracy-drop',
      within: '2m30s',
      receiver: 'default',
    },
    // Every degraded answer scores below 0.7; the 2-minute median falls below 0.7 once they are
    // half of the window: 1m + 5 s scrape + 5 s evaluation + 1m `for` + 10 s group_wait = 2m20s.
    {
      expect: 'fires',
      alert: 'AIResponseQualityLow',
      labels: { model: 'gpt-4' },
      after: 'quality-drop',
      within: '3m',
      receiver: 'default',
    },
    // At 10 times the tokens the 5-minute rate passes 3 times the earlier one after 67 s, a
    // little later when the earlier window happened to be busy: 67 s + 5 s scrape + 5 s
    // evaluation + 1m `for` + 10 s group_wait = 2m27s.
    {
      expect: 'fires',
      alert: 'AITokenUsageSpike',
      labels: { model: 'gpt-4' },
      after: 'token-burst',
      within: '3m30s',
      receiver: 'default',
    },

    // Nothing fires early: each alert stays silent in every phase before its own fault.
    { expect: 'silent', labels: { team: 'ai' }, during: 'baseline' },
    ...silentBefore('AIHallucinationRateHigh', ['slow']),
    ...silentBefore('AIAccuracyLow', ['slow', 'hallucinating']),
    ...silentBefore('AIResponseQualityLow', ['slow', 'hallucinating', 'inaccurate']),
    ...silentBefore('AITokenUsageSpike', ['slow', 'hallucinating', 'inaccurate', 'poor-quality']),

    // Only gpt-4 degrades, and a worse model is no child-safety incident.
    { expect: 'silent', labels: { team: 'ai', model: 'claude-sonnet' } },
    { expect: 'silent', labels: { team: 'ai', model: 'palm-2' } },
    { expect: 'silent', labels: { team: 'child-safety' } },

    // Recovery: each window has to drop its degraded answers first.
    // 1-minute window: the slow share falls under 5 % after 57 s, + 5 s scrape + 5 s evaluation.
    { expect: 'resolves', alert: 'AIResponseLatencyHigh', after: 'slow-answers', within: '1m30s' },
    // 5-minute window: the share falls under 2 % after 4m26s, + 5 s scrape + 5 s evaluation.
    {
      expect: 'resolves',
      alert: 'AIHallucinationRateHigh',
      after: 'hallucinations',
      within: '5m30s',
    },
    // 2-minute window: the share falls under 20 % after 1m36s, + 5 s scrape + 5 s evaluation.
    { expect: 'resolves', alert: 'AIAccuracyLow', after: 'accuracy-drop', within: '2m30s' },
    // 2-minute window: good answers are the majority again after 1m, + 5 s scrape + 5 s evaluation.
    { expect: 'resolves', alert: 'AIResponseQualityLow', after: 'quality-drop', within: '2m' },
    // 5-minute window: the rate falls under 3 times the earlier one after 3m54s, + 5 s scrape
    // + 5 s evaluation.
    { expect: 'resolves', alert: 'AITokenUsageSpike', after: 'token-burst', within: '5m' },
  ],
};

/** `alert` stays silent during each of `phases`, the ones before its fault. */
function silentBefore(alert: string, phases: string[]): Expectation[] {
  return phases.map((during) => ({ expect: 'silent', alert, during }));
}

export default scenario;
