import type { Scenario } from '../src/scenario/types.js';

/**
 * An ordinary stretch of the day: steady traffic, natural noise and the odd failed request.
 * Nothing may page; only the Watchdog fires, proving the pipeline itself delivers.
 */
const scenario: Scenario = {
  name: 'normal-operation',
  description: 'Ordinary traffic with natural noise; nothing but the Watchdog may fire',
  load: { interactionsPerSecond: 20 },
  phases: [{ name: 'day', duration: '2m' }],
  expectations: [{ expect: 'silent', except: ['Watchdog'] }],
};

export default scenario;
