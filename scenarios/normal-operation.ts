import type { Scenario } from '../src/scenario/types.js';

/**
 * Six hours of an ordinary day: traffic rises and falls with the day, answers vary naturally,
 * the odd request fails on its own, and one model is slow for a single minute. Nothing may page
 * and no ticket may open; only the Watchdog fires, proving the pipeline itself delivers. Every
 * alert that fires here fires on noise, so this is the scenario that catches over-eager rules.
 */
const scenario: Scenario = {
  name: 'normal-operation',
  description: 'Six hours of an ordinary day with natural noise; nothing but the Watchdog fires',
  load: { interactionsPerSecond: 20, diurnal: { amplitude: 0.5 } },
  phases: [{ name: 'day', duration: '6h' }],
  faults: [
    {
      name: 'slow-model-minute',
      phase: 'day',
      offset: '3h',
      duration: '1m',
      effect: { kind: 'model-degradation', model: 'gpt-4', latencyMultiplier: 2.5 },
    },
  ],
  expectations: [
    { expect: 'silent', except: ['Watchdog'] },
    // The pipeline itself delivers: the always-firing Watchdog reaches its own receiver.
    { expect: 'fires', alert: 'Watchdog', after: 'day', within: '30s', receiver: 'watchdog' },
  ],
};

export default scenario;
