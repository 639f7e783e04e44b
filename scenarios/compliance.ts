import type { Scenario } from '../src/scenario/types.js';

/**
 * After an ordinary hour and a quarter, compliance lapses for an hour and 20 minutes: three
 * sessions in ten start without parental consent, the data retention purge falls 30 hours behind
 * and the content filter works at three quarters of its strength. Because the filter lapses,
 * age-inappropriate answers reach 3-5 year olds, the violation rate jumps far past twice what it
 * was an hour earlier, and those children grow unhappy; meanwhile a child keeps trying to get
 * round parental controls. The compliance team must hear of each lapse by email, the
 * child-safety team of each harm, and nothing may fire before its cause or on the AI or
 * emergency side. Both the consent and the child-safety budgets burn fast enough to page, and
 * long enough to open the 3× tickets, whose `for: 1h` sets the lapse's length.
 *
 * The baseline is long because ChildSafetyViolationRateDoubling compares with the same 10
 * minutes an hour earlier and wants that window whole: at the lapse (1h15m) it reads 5m-15m.
 * It also dilutes the SLO windows that reach back to the start: the day and 6-hour windows
 * hold the whole run, and the 1-hour window holds baseline until the lapse is an hour old.
 */
const scenario: Scenario = {
  name: 'compliance',
  description: 'Consent, retention and the content filter lapse; a child tries to bypass controls',
  load: { interactionsPerSecond: 20 },
  phases: [
    { name: 'baseline', duration: '1h15m' },
    { name: 'lapse', duration: '1h20m' },
    { name: 'recovery', duration: '5m' },
  ],
  faults: [
    {
      name: 'compliance-lapse',
      phase: 'lapse',
      effect: {
        kind: 'compliance-lapse',
        consentFailureShare: 0.3,
        retentionLagHours: 30,
        filterEffectiveness: 0.75,
      },
    },
    // What gets through the weakened filter: answers meant for older children, not toxic ones.
    {
      name: 'age-inappropriate-answers',
      phase: 'lapse',
      effect: {
        kind: 'unsafe-content',
        ageGroup: '3-5',
        unsafeShare: 0.15,
        severities: { medium: 1, low: 1 },
        violationTypes: ['age_inappropriate'],
        toxicity: 0.2,
      },
    },
    {
      name: 'bypass-attempts',
      phase: 'lapse',
      offset: '2m',
      duration: '5m',
      effect: { kind: 'parental-bypass', attemptsPerMinute: 6 },
    },
    {
      name: 'unhappy-children',
      phase: 'lapse',
      effect: { kind: 'sentiment-drop', ageGroup: '3-5', sentiment: -0.3 },
    },
  ],
  expectations: [
    // 5 s scrape + 5 s evaluation + 2m `for` + 30 s group_wait = 2m40s; the score drops at once.
    {
      expect: 'fires',
      alert: 'CoppaComplianceLow',
      after: 'compliance-lapse',
      within: '3m30s',
      receiver: 'compliance-email',
    },
    // The 5-minute failed share passes 2 % after about 20 s of 30 % failures; + 5 s scrape
    // + 5 s evaluation + 1m `for` + 30 s group_wait = 2m.
    {
      expect: 'fires',
      alert: 'ConsentCheckFailures',
      after: 'compliance-lapse',
      within: '4m',
      receiver: 'compliance-email',
    },
    // It carries `paging`: the same 1m30s + 1 s group_wait = 1m31s.
    {
      expect: 'fires',
      alert: 'ConsentCheckFailures',
      after: 'compliance-lapse',
      within: '3m',
      receiver: 'pagerduty',
    },
    // Against a 1 % budget the 14.4× tier wants 14.4 % failed over the hour, which holds the
    // 0.2 % baseline failures until the lapse is an hour old: 0.3 t + 0.002 (60m - t) > 0.144
    // × 60m after t = 28m30s; + up to 55 s of tiles + 5 s scrape + 5 s evaluation + 2m `for`
    // + 1 s group_wait = 31m36s. (The 6× tier, over the whole run, needs 18m + 15m `for`.)
    {
      expect: 'fires',
      alert: 'SLOCoppaComplianceBurnRateCritical',
      labels: { tier: '14.4x' },
      after: 'compliance-lapse',
      within: '36m',
      receiver: 'pagerduty',
    },
    // The 3× tier wants 3 % failed over the day and 2 hours, both still the whole run:
    // 0.3 t + 0.002 × 75m > 0.03 (75m + t) after t = 7m45s; + up to 55 s of tiles + 5 s scrape
    // + 5 s evaluation + 1h `for` + 30 s group_wait = 1h9m20s.
    {
      expect: 'fires',
      alert: 'SLOCoppaComplianceBurnRateWarning',
      labels: { tier: '3x' },
      after: 'compliance-lapse',
      within: '1h15m',
      receiver: 'compliance-email',
    },
    // 5 s scrape + 5 s evaluation + 2m `for` + 30 s group_wait = 2m40s.
    {
      expect: 'fires',
      alert: 'DataRetentionPurgeLagging',
      after: 'compliance-lapse',
      within: '3m30s',
      receiver: 'compliance-email',
    },
    // The slowest filter bounds it: the keyword filter's steady catches fill half its 5-minute
    // window with lapsed ones after 2m30s; + 5 s scrape + 5 s evaluation + 1m `for` + 30 s
    // group_wait = 4m10s. The age gate, which catches little before the lapse, fires sooner.
    {
      expect: 'fires',
      alert: 'ContentFilterEffectivenessLow',
      after: 'compliance-lapse',
      within: '5m30s',
      receiver: 'compliance-email',
    },
    // About 14 % of the answers to 3-5 fall to 0.7 or less; the 2-minute share passes 5 % after
    // about 45 s; + 5 s scrape + 5 s evaluation + 1m `for` + 1 s group_wait = 1m56s.
    {
      expect: 'fires',
      alert: 'AgeInappropriateContentHigh',
      labels: { age_group: '3-5' },
      after: 'age-inappropriate-answers',
      within: '3m',
      receiver: 'child-safety-slack',
    },
    // About one violation a second against next to none an hour earlier: the 10 needed in the
    // window come within about 10 s; + 5 s scrape + 5 s evaluation + 1m `for` + 1 s group_wait
    // = 1m21s.
    {
      expect: 'fires',
      alert: 'ChildSafetyViolationRateDoubling',
      after: 'age-inappropriate-answers',
      within: '2m30s',
      receiver: 'child-safety-slack',
    },
    // A 0.01 % budget: about 4 % of all answers flagged pass 0.144 % over the hour within 3m;
    // + up to 55 s of tiles + 5 s scrape + 5 s evaluation + 2m `for` + 1 s group_wait = 6m6s.
    {
      expect: 'fires',
      alert: 'SLOChildSafetyViolationsBurnRateCritical',
      labels: { tier: '14.4x' },
      after: 'age-inappropriate-answers',
      within: '8m',
      receiver: 'pagerduty',
    },
    // 0.03 % over the whole run is passed within the first minute; + up to 55 s of tiles + 5 s
    // scrape + 5 s evaluation + 1h `for` + 1 s group_wait = 1h2m6s.
    {
      expect: 'fires',
      alert: 'SLOChildSafetyViolationsBurnRateWarning',
      labels: { tier: '3x' },
      after: 'age-inappropriate-answers',
      within: '1h6m',
      receiver: 'child-safety-slack',
    },
    // At 6 attempts a minute the third comes after 30 s on average and within 2m in 999 runs of
    // 1,000; + 5 s scrape + 5 s evaluation + 0 s `for` + 1 s group_wait = 2m11s.
    {
      expect: 'fires',
      alert: 'ParentalBypassAttempts',
      after: 'bypass-attempts',
      within: '3m',
      receiver: 'child-safety-slack',
    },
    // 3-5 averages 0.5 and falls to -0.3: the 10-minute mean passes below 0.2 after 3m45s;
    // + 5 s scrape + 5 s evaluation + 5m `for` + 1 s group_wait = 8m56s.
    {
      expect: 'fires',
      alert: 'ConversationSentimentLow',
      labels: { age_group: '3-5' },
      after: 'unhappy-children',
      within: '11m',
      receiver: 'child-safety-slack',
    },
    { expect: 'silent', labels: { team: 'compliance' }, during: 'baseline' },
    { expect: 'silent', labels: { team: 'child-safety' }, during: 'baseline' },
    // Only the 3-5 year olds get the wrong answers; nothing in them is toxic or critical.
    { expect: 'silent', alert: 'AgeInappropriateContentHigh', labels: { age_group: '6-8' } },
    { expect: 'silent', alert: 'AgeInappropriateContentHigh', labels: { age_group: '9-12' } },
    { expect: 'silent', alert: 'ContentToxicityHigh' },
    { expect: 'silent', alert: 'ChildSafetyViolationCritical' },
    { expect: 'silent', labels: { team: 'ai' } },
    { expect: 'silent', labels: { team: 'emergency' } },
  ],
};

export default scenario;
