import type { Scenario } from '../src/scenario/types.js';

/**
 * A long bad evening, understaffed. Escalations keep coming and wait for a person well past the
 * 15 s the service promises, and the answers to 9-12 year olds turn toxic, as high and medium
 * violations but never a critical one. Nothing here spikes: what must follow are the slow SLO
 * tiers, the emergency response-time ticket (3× over a day, held for an hour) and the 6×
 * toxicity ticket (held for 15 minutes), next to the response-time page. The child-safety
 * violations SLO pages too (its 99.99 % allows no such evening); the compliance scenario
 * proves that page, so it is not judged here. Meant for the virtual engine only, which runs it
 * in under a minute; live, it takes its hour and a half.
 *
 * Until a day has passed, the day and 6-hour windows hold the whole run, so the 5-minute calm
 * start dilutes them and each long window's guard counts events from the start. The escalations
 * come at 4 a minute, 240 an hour: a busy night's escalations, and enough to open the day
 * window's guard (2 an hour over 24 hours: 48 in all) in about 12 minutes. Their median wait of
 * 25 s with the world's spread (σ 0.35 in log space) leaves P(Z > ln(15/25) ÷ 0.35 = −1.46) =
 * 93 % of them over 15 s. Of the toxic answers, N(0.85, 0.07) scores P(Z > −2.14) = 98.4 %
 * above 0.7, so an unsafe share of 0.8 makes 78.7 % of the group's answers toxic.
 */
const scenario: Scenario = {
  name: 'slow-burn',
  description:
    'Slow escalations and toxic answers all evening burn the slow SLO tiers; virtual only',
  load: { interactionsPerSecond: 20 },
  phases: [
    { name: 'baseline', duration: '5m' },
    { name: 'evening', duration: '1h25m' },
  ],
  faults: [
    {
      name: 'slow-escalations',
      phase: 'evening',
      effect: {
        kind: 'emergencies',
        ratePerMinute: 4,
        triggerTypes: ['distress_detected', 'inappropriate_request', 'stranger_contact'],
        responseTime: '25s',
      },
    },
    {
      name: 'toxic-answers',
      phase: 'evening',
      effect: {
        kind: 'unsafe-content',
        ageGroup: '9-12',
        unsafeShare: 0.8,
        severities: { high: 1, medium: 2 },
        // Toxic language alone: the answers stay age-appropriate, so the age gate stays quiet.
        violationTypes: ['toxic_language'],
        toxicity: 0.85,
      },
    },
  ],
  expectations: [
    // The day window holds the whole run: 48 escalations open its guard, 47 of them after the
    // calm start's one, at 4 a minute 11m45s (Poisson: up to about 17m); 93 % of them slow,
    // far over 15 % in the day and 2-hour windows from the first. + 25 s until the last is
    // answered + up to 55 s of tiles + 5 s scrape + 5 s evaluation + 1h `for` + 0 s group_wait
    // = 1h13m15s, up to 1h18m30s with the slow draws (seeds 1, 2, 3, 21: 1h12m to 1h15m).
    {
      expect: 'fires',
      alert: 'SLOEmergencyResponseTimeBurnRateWarning',
      labels: { tier: '3x' },
      after: 'slow-escalations',
      within: '1h25m',
      receiver: 'emergency',
    },
    // The hour window holds the calm start's one fast escalation and the evening's: 93 % slow
    // passes 72 % once about 3 of 4 are slow, and 2 of them open the guard, at 4 a minute
    // about 1m30s (answered 25 s later). + up to 55 s of tiles + 5 s scrape + 5 s evaluation
    // + 2m `for` + 1 s group_wait = 5m01s.
    {
      expect: 'fires',
      alert: 'SLOEmergencyResponseTimeBurnRateCritical',
      labels: { tier: '14.4x' },
      after: 'slow-escalations',
      within: '8m',
      receiver: 'pagerduty',
    },
    // The 6-hour window over 30 % with 12 escalations in it (its guard): about 3 minutes,
    // + 25 s + 55 s + 5 s + 5 s + 15m `for` + 1 s = 19m31s.
    {
      expect: 'fires',
      alert: 'SLOEmergencyResponseTimeBurnRateCritical',
      labels: { tier: '6x' },
      after: 'slow-escalations',
      within: '25m',
      receiver: 'pagerduty',
    },
    // The 6-hour window holds the 5 calm minutes and t minutes at 78.7 % toxic (the group's
    // answers come at the same rate throughout): 78.7 % × t > 60 % × (5m + t) from t = 16m03s.
    // + up to 55 s of tiles + 5 s scrape + 5 s evaluation + 15m `for` + 1 s group_wait
    // = 32m09s (seeds 1, 2, 3, 21: 30m to 32m). The 30-minute window is over 60 % long before.
    {
      expect: 'fires',
      alert: 'SLOContentToxicityBurnRateWarning',
      labels: { age_group: '9-12', tier: '6x' },
      after: 'toxic-answers',
      within: '40m',
      receiver: 'child-safety-email',
    },
    // The per-event alerts follow at once: a slow escalation puts the p95 past 15 s (`for: 0s`),
    // the first one answered 25 s after it came, at 4 a minute 15 s in on average: 40 s + 5 s
    // scrape + 5 s evaluation + 0 s group_wait = 50 s, with room for a late first escalation.
    {
      expect: 'fires',
      alert: 'EmergencyResponseSlow',
      labels: { severity: 'critical' },
      after: 'slow-escalations',
      within: '2m',
      receiver: 'pagerduty',
    },
    // 78.7 % over 10 % within seconds of the 2-minute window: 5 s scrape + 5 s evaluation
    // + 30 s `for` + 1 s group_wait = 41 s, and the window passes 10 % within about 15 s.
    {
      expect: 'fires',
      alert: 'ContentToxicityHigh',
      labels: { age_group: '9-12' },
      after: 'toxic-answers',
      within: '80s',
      receiver: 'child-safety-email',
    },
    // No critical violation, no age-inappropriate answer: the page and the age gate stay quiet.
    { expect: 'silent', alert: 'ChildSafetyViolationCritical' },
    { expect: 'silent', alert: 'AgeInappropriateContentHigh' },
    { expect: 'silent', alert: 'SLOEmergencyResponseTimeBurnRateCritical', during: 'baseline' },
    { expect: 'silent', alert: 'SLOContentToxicityBurnRateWarning', during: 'baseline' },
    { expect: 'silent', labels: { team: 'platform' } },
  ],
};

export default scenario;
