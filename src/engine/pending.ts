import { parseDurationMs } from '../common/duration.js';
import type { Expectation } from '../scenario/types.js';
import { judge } from '../verdict/judge.js';
import type { AlertTimeline } from './timeline.js';

/**
 * Expectations whose clock has started but which the timeline so far does not yet decide, with
 * the scenario time each is due. An engine keeps observing until this list is empty.
 */
export function pendingExpectations(
  expectations: Expectation[],
  timeline: AlertTimeline,
  atMs: number,
): { subject: string; dueMs: number }[] {
  const verdicts = judge(expectations, { ...timeline, endMs: atMs });

  return verdicts.flatMap((verdict) => {
    const { expectation } = verdict;
    if (expectation.expect === 'silent' || verdict.outcome !== 'inconclusive') return [];
    const window = [...timeline.faults, ...timeline.phases].find(
      (w) => w.name === expectation.after,
    );
    if (window === undefined) return [];
    const fromMs = expectation.expect === 'fires' ? window.startMs : window.endMs;
    const dueMs = fromMs + parseDurationMs(expectation.within);

    return fromMs <= atMs && dueMs > atMs ? [{ subject: verdict.subject, dueMs }] : [];
  });
}
