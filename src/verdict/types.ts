import type { Labels } from '../engine/timeline.js';
import type { Expectation } from '../scenario/types.js';

export type Outcome = 'pass' | 'fail' | 'inconclusive';

/** The judgement of one expectation against the alert timeline. */
export interface Verdict {
  expectation: Expectation;
  /** One line naming what was expected, e.g. "ChildSafetyViolationCritical{age_group="6-8"}". */
  subject: string;
  outcome: Outcome;
  /** Why, in one sentence a person can act on. */
  reason: string;
  receiver?: string;
  slaMs?: number;
  /** From the start (or end) of the named fault or phase to what was observed. */
  measured: { firingMs?: number; notifiedMs?: number; resolvedMs?: number };
  /** The stack's own bound: scrape + evaluation + `for` + `group_wait`. */
  predictedMs?: number;
  /** The alert instances that decided the verdict, by their full label sets. */
  evidence: { alert: string; labels: Labels; atMs: number }[];
}
