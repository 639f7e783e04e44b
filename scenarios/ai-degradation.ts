import type { Expectation, Scenario } from '../src/scenario/types.js';

/**
 * One model, gpt-4, degrades step by step: its answers slow down (and with them the AI
 * service's replies), then it starts to hallucinate, then its accuracy and its quality fall, and
 * its token use jumps tenfold for a few minutes; the troubles last an hour, then it recovers.
 * Each per-model AI alert must fire for gpt-4 within its SLA and not before its own fault, the
 * SLO burn-rate alerts of the AI answers and of the AI service's latency must page and open
 * their tickets, the other models and the child-safety alerts must stay silent, and the
 * per-model alerts and the fast-tier pages must resolve after recovery.
 *
 * gpt-4 takes 80 % of the answers: the AI response-time SLO counts every model together, and a
 * single model's slow answers can pass its 72 % fast-tier threshold only when they are over
 * 72 % of all answers. The other two models still answer twice a second each, above the per-model
 * alerts' guard of one a second.
 *
 * AITokenUsageSpike compares the last 5 minutes with the same 5 minutes half an hour earlier,
 * so the spike starts at 35m, once that earlier window holds normal traffic. The hallucination
 * ticket needs an hour of `for`, so the faults other than the token spike last until 1h20m.
 *
 * Each SLO ratio below crosses its threshold before the hour is out, while the long windows
 * (and for the tickets' early crossings the 30-minute window too) still hold the whole run: the
 * degraded minutes' bad events against the whole run's events. The 5-minute windows hold only
 * degraded minutes by then.
 */
const scenario: Scenario = {
  name: 'ai-degradation',
  description: 'One model slows, hallucinates, loses accuracy and quality, burns tokens; recovers',
  load: {
    interactionsPerSecond: 20,
    models: { 'gpt-4': 0.8, 'claude-sonnet': 0.1, 'palm-2': 0.1 },
  },
  phases: [
    { name: 'baseline', duration: '5m' },
    { name: 'slow', duration: '4m' },
    { name: 'hallucinating', duration: '3m' },
    { name: 'inaccurate', duration: '3m' },
    { name: 'poor-quality', duration: '20m' },
    { name: 'token-spike', duration: '4m' },
    { name: 'lasting', duration: '41m' },
    { name: 'recovery', duration: '6m' },
  ],
  faults: [
    {
      name: 'slow-answers',
      phase: 'slow',
      duration: '1h15m',
      effect: { kind: 'model-degradation', model: 'gpt-4', latencyMultiplier: 4 },
    },
    // The AI service streams the answer, so its replies wait for the model's first tokens.
    {
      name: 'slow-ai-service',
      phase: 'slow',
      duration: '1h15m',
      effect: { kind: 'service-latency', service: 'ai-service', multiplier: 10 },
    },
    {
      name: 'hallucinations',
      phase: 'hallucinating',
      duration: '1h11m',
      effect: { kind: 'model-degradation', model: 'gpt-4', hallucinationShare: 0.15 },
    },
    {
      name: 'accuracy-drop',
      phase: 'inaccurate',
      duration: '1h8m',
      effect: { kind: 'model-degradation', model: 'gpt-4', accuracyDrop: 0.3 },
    },
    {
      name: 'quality-drop',
      phase: 'poor-quality',
      duration: '1h5m',
      effect: { kind: 'model-degradation', model: 'gpt-4', qualityDrop: 0.35 },
    },
    {
      name: 'token-burst',
      phase: 'token-spike',
      effect: { kind: 'model-degradation', model: 'gpt-4', tokenMultiplier: 10 },
    },
  ],
  expectations: [
    // gpt-4 answers 16 times a second, and at 4 times its latency 98 % of them take over 1 s, so
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

    // SLO burn rates. A normal answer mix at this weighting takes over 500 ms 4.7 % of the time
    // (gpt-4's 5.3 %, the others' 2 %); slowed, gpt-4's answers all do: 80.6 % of all answers.
    // Over the whole run, 4.7 % × 5m + 80.6 % × t passes 72 % × (5m + t) at t = 39m12s; + up to
    // 55 s of tiles + 5 s scrape + 5 s evaluation + 2m `for` + 1 s group_wait = 42m18s. The
    // ratio climbs only 0.2 % a minute there, so the traffic's noise moves it by a minute or so.
    {
      expect: 'fires',
      alert: 'SLOAiResponseTimeBurnRateCritical',
      after: 'slow-answers',
      within: '46m',
      receiver: 'pagerduty',
    },
    // 4.7 % × 5m + 80.6 % × t passes 30 % × (5m + t) at t = 2m30s; + up to 55 s of tiles + 5 s
    // scrape + 5 s evaluation + 15m `for` + 10 s group_wait = 18m45s.
    {
      expect: 'fires',
      alert: 'SLOAiResponseTimeBurnRateWarning',
      labels: { tier: '6x' },
      after: 'slow-answers',
      within: '22m',
      receiver: 'default',
    },
    // The AI service's replies take over 200 ms 0.8 % of the time, at 10 times their latency
    // 98.6 %: 0.8 % × 5m + 98.6 % × t passes 72 % × (5m + t) at t = 13m23s; + up to 55 s of
    // tiles + 5 s scrape + 5 s evaluation + 2m `for` + 1 s group_wait = 16m29s.
    {
      expect: 'fires',
      alert: 'SLORequestLatencyBurnRateCritical',
      labels: { service: 'ai-service', tier: '14.4x' },
      after: 'slow-ai-service',
      within: '19m',
      receiver: 'pagerduty',
    },
    // 0.8 % × 5m + 98.6 % × t passes 30 % × (5m + t) at t = 2m8s; + up to 55 s of tiles + 5 s
    // scrape + 5 s evaluation + 15m `for` + 10 s group_wait = 18m23s.
    {
      expect: 'fires',
      alert: 'SLORequestLatencyBurnRateWarning',
      labels: { service: 'ai-service', tier: '6x' },
      after: 'slow-ai-service',
      within: '22m',
      receiver: 'default',
    },
    // Per model. gpt-4 hallucinates 0.3 % of the time, 15.25 % under the fault, which starts at
    // 9m: 0.3 % × 9m + 15.25 % × t passes 6 % × (9m + t) at t = 5m33s; + up to 55 s of tiles
    // + 5 s scrape + 5 s evaluation + 15m `for` + 1 s group_wait = 21m39s. The 14.4× tier would
    // need the hour without the 9 clean minutes: 57 minutes in.
    {
      expect: 'fires',
      alert: 'SLOAiHallucinationRateBurnRateCritical',
      labels: { model: 'gpt-4', tier: '6x' },
      after: 'hallucinations',
      within: '25m',
      receiver: 'pagerduty',
    },
    // 0.3 % × 9m + 15.25 % × t passes 3 % × (9m + t) at t = 1m59s; + up to 55 s of tiles + 5 s
    // scrape + 5 s evaluation + 1h `for` + 10 s group_wait = 1h3m14s, within the fault's 1h11m.
    {
      expect: 'fires',
      alert: 'SLOAiHallucinationRateBurnRateWarning',
      labels: { model: 'gpt-4', tier: '3x' },
      after: 'hallucinations',
      within: '1h8m',
      receiver: 'default',
    },

    // Nothing fires early: each alert stays silent in every phase before its own fault.
    { expect: 'silent', labels: { team: 'ai' }, during: 'baseline' },
    ...silentBefore('AIHallucinationRateHigh', ['slow']),
    ...silentBefore('AIAccuracyLow', ['slow', 'hallucinating']),
    ...silentBefore('AIResponseQualityLow', ['slow', 'hallucinating', 'inaccurate']),
    ...silentBefore('AITokenUsageSpike', ['slow', 'hallucinating', 'inaccurate', 'poor-quality']),

    ...silentBefore('SLOAiHallucinationRateBurnRateCritical', ['slow']),
    ...silentBefore('SLOAiHallucinationRateBurnRateWarning', ['slow']),
    { expect: 'silent', alert: 'SLORequestLatencyBurnRateCritical', during: 'baseline' },
    { expect: 'silent', alert: 'SLORequestLatencyBurnRateWarning', during: 'baseline' },

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
    // The fast tier's 5-minute window: the slow share falls under 72 % once the slow answers
    // are under 88.7 % of it, after 34 s, + 5 s scrape + 5 s evaluation = 44 s.
    {
      expect: 'resolves',
      alert: 'SLOAiResponseTimeBurnRateCritical',
      after: 'slow-answers',
      within: '1m30s',
    },
    // The slow share falls under 72 % once the slow replies are under 72.8 % of the 5-minute
    // window, after 1m22s, + 5 s scrape + 5 s evaluation = 1m32s.
    {
      expect: 'resolves',
      alert: 'SLORequestLatencyBurnRateCritical',
      labels: { service: 'ai-service' },
      after: 'slow-ai-service',
      within: '2m30s',
    },
  ],
};

/** `alert` stays silent during each of `phases`, the ones before its fault. */
function silentBefore(alert: string, phases: string[]): Expectation[] {
  return phases.map((during) => ({ expect: 'silent', alert, during }));
}

export default scenario;
