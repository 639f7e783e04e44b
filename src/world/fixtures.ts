import type { Scenario } from '../scenario/types.js';

/** The sample scenario of the tests: a quiet start, then unsafe answers to 6–8-year-olds. */
export const sampleScenario: Scenario = {
  name: 'sample-unsafe-burst',
  description: 'Baseline traffic, then a burst of unsafe answers to children aged 6-8',
  load: { interactionsPerSecond: 20 },
  phases: [
    { name: 'baseline', duration: '30s' },
    { name: 'incident', duration: '60s' },
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
        toxicity: 0.85,
      },
    },
  ],
  expectations: [],
};

/** A scenario of steady traffic only, `duration` long. */
export function baselineScenario(duration: string, interactionsPerSecond = 20): Scenario {
  return {
    name: 'baseline-only',
    description: 'Steady traffic, no fault',
    load: { interactionsPerSecond },
    phases: [{ name: 'baseline', duration }],
    expectations: [],
  };
}
