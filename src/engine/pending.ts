import type { Expectation } from '../scenario/types.js';
import { expectationDeadline } from '../scenario/windows.js';
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
  const windows = [...timeline.faults, ...timeline.phases];

  return verdicts.flatMap((verdict) => {
    if (verdict.outcome !== 'inconclusive') return [];
    const deadline = expectationDeadline(verdict.expectation, windows);
    if (deadline === undefined) return [];
    const { fromMs, dueMs } = deadline;

    return fromMs <= atMs && dueMs > atMs ? [{ subject: verdict.subject, dueMs }] : [];
  });
}
