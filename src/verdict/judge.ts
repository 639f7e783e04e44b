import { parseDurationMs } from '../common/duration.js';
import { alertKey, type AlertTimeline, type Labels } from '../engine/timeline.js';
import type {
  Expectation,
  FiresExpectation,
  ResolvesExpectation,
  SilentExpectation,
} from '../scenario/types.js';
import { windowNamed, type TimeWindow } from '../scenario/windows.js';
import type { StackSettings } from '../stack/types.js';
import { predictBoundMs } from './predict.js';
import { describeExpectation, describeMs } from './subject.js';
import {
  firingAt,
  firstFiring,
  notifications,
  stackProblemsDuring,
  transitions,
} from './timeline-queries.js';
import type { Outcome, Verdict } from './types.js';

/**
 * Judges every expectation from the alert timeline alone. Silence is only trusted when the stack
 * was healthy: a stack fault during the judged stretch makes an undecided verdict inconclusive.
 */
export function judge(
  expectations: Expectation[],
  timeline: AlertTimeline,
  settings?: StackSettings,
): Verdict[] {
  return expectations.map((expectation) => {
    const verdict = judgeOne(expectation, timeline, settings);
    // A pipeline that failed its self-check proves nothing, not even by delivering.
    const distrusted = verdict.outcome === 'pass' && timeline.preflightProblems.length > 0;

    return distrusted
      ? {
          ...verdict,
          outcome: 'inconclusive',
          reason: `${verdict.reason}, but the self-check failed: ${timeline.preflightProblems.join('; ')}`,
        }
      : verdict;
  });
}

function judgeOne(
  expectation: Expectation,
  timeline: AlertTimeline,
  settings: StackSettings | undefined,
): Verdict {
  switch (expectation.expect) {
    case 'fires':
      return judgeFires(expectation, timeline, settings);
    case 'silent':
      return judgeSilent(expectation, timeline);
    case 'resolves':
      return judgeResolves(expectation, timeline);
  }
}

function findWindow(timeline: AlertTimeline, name: string): TimeWindow {
  const window = windowNamed([...timeline.faults, ...timeline.phases], name);
  if (window === undefined) throw new Error(`the timeline has no fault or phase named ${name}`);

  return window;
}

function undecided(
  timeline: AlertTimeline,
  fromMs: number,
  toMs: number,
  failReason: string,
): { outcome: Outcome; reason: string } {
  const problems = stackProblemsDuring(timeline, fromMs, toMs);
  if (problems.length > 0) {
    return { outcome: 'inconclusive', reason: `the stack was not healthy: ${problems.join('; ')}` };
  }
  if (timeline.endMs < toMs) {
    return {
      outcome: 'inconclusive',
      reason: `the run stopped at ${describeMs(timeline.endMs)}, before the verdict was due`,
    };
  }

  return { outcome: 'fail', reason: failReason };
}

function judgeFires(
  expectation: FiresExpectation,
  timeline: AlertTimeline,
  settings: StackSettings | undefined,
): Verdict {
  const startMs = findWindow(timeline, expectation.after).startMs;
  const slaMs = parseDurationMs(expectation.within);
  const events = transitions(timeline, expectation);
  const fired = firstFiring(events, startMs);
  const firingMs = fired === undefined ? undefined : Math.max(0, fired.event.atMs - startMs);
  const notifiedMs = measureNotification(expectation, timeline, startMs, fired?.alreadyFiring);
  const base = {
    expectation,
    subject: describeExpectation(expectation),
    receiver: expectation.receiver,
    slaMs,
    measured: { firingMs, notifiedMs },
    predictedMs:
      settings &&
      predictBoundMs(settings, expectation.alert, expectation.labels, expectation.receiver),
    evidence: fired === undefined ? [] : [evidenceOf(fired.event)],
  };

  return { ...base, ...firesOutcome(expectation, timeline, startMs, slaMs, firingMs, notifiedMs) };
}

function measureNotification(
  expectation: FiresExpectation,
  timeline: AlertTimeline,
  startMs: number,
  alreadyFiring: boolean | undefined,
): number | undefined {
  if (expectation.receiver === undefined) return undefined;
  const received = notifications(timeline, expectation, expectation.receiver);
  const first = alreadyFiring ? received[0] : received.find((n) => n.atMs >= startMs);

  return first === undefined ? undefined : Math.max(0, first.atMs - startMs);
}

function firesOutcome(
  expectation: FiresExpectation,
  timeline: AlertTimeline,
  startMs: number,
  slaMs: number,
  firingMs: number | undefined,
  notifiedMs: number | undefined,
): { outcome: Outcome; reason: string } {
  const { receiver, after, within } = expectation;
  const notBeforeMs =
    expectation.notBefore === undefined ? undefined : parseDurationMs(expectation.notBefore);
  if (firingMs !== undefined && notBeforeMs !== undefined && firingMs < notBeforeMs) {
    const reason = `fired ${describeMs(firingMs)} after ${after}, before the allowed ${expectation.notBefore}`;
    return { outcome: 'fail', reason };
  }
  const deliveredMs = receiver === undefined ? firingMs : notifiedMs;
  if (deliveredMs !== undefined && deliveredMs <= slaMs) {
    const at = receiver === undefined ? 'fired' : `reached ${receiver}`;
    return { outcome: 'pass', reason: `${at} ${describeMs(deliveredMs)} after ${after}` };
  }
  if (deliveredMs !== undefined) {
    const what = receiver === undefined ? 'fired' : `reached ${receiver}`;
    const reason = `${what} ${describeMs(deliveredMs)} after ${after}, later than the SLA of ${within}`;
    return { outcome: 'fail', reason };
  }
  const reason =
    firingMs === undefined
      ? `never fired within ${within} of ${after}`
      : `fired ${describeMs(firingMs)} after ${after} but never reached ${receiver}`;

  return undecided(timeline, startMs, startMs + slaMs, reason);
}

function judgeSilent(expectation: SilentExpectation, timeline: AlertTimeline): Verdict {
  // The whole run is at least every phase; an interrupted run has not watched all of it.
  const window =
    expectation.during === undefined
      ? { startMs: 0, endMs: Math.max(timeline.endMs, timeline.phases.at(-1)?.endMs ?? 0) }
      : findWindow(timeline, expectation.during);
  const offenders = silenceOffenders(expectation, timeline, window);
  const base = {
    expectation,
    subject: describeExpectation(expectation),
    receiver: expectation.receiver,
    measured: {},
  };
  if (offenders.length > 0) {
    const named = offenders
      .slice(0, 3)
      .map((e) => `${alertKey(e.alert, e.labels)} at ${describeMs(e.atMs)}`);
    const more = offenders.length > 3 ? ` and ${offenders.length - 3} more` : '';
    const verb = expectation.receiver === undefined ? 'fired' : `reached ${expectation.receiver}`;
    const reason = `${verb}: ${named.join(', ')}${more}`;
    return { ...base, outcome: 'fail', reason, evidence: offenders.map(evidenceOf) };
  }
  const verdict = undecided(timeline, window.startMs, window.endMs, '');

  return verdict.outcome === 'fail'
    ? { ...base, outcome: 'pass', reason: silenceReason(expectation), evidence: [] }
    : { ...base, ...verdict, evidence: [] };
}

function silenceReason(expectation: SilentExpectation): string {
  return expectation.receiver === undefined
    ? 'nothing matching fired'
    : `nothing matching reached ${expectation.receiver}`;
}

/** What breaks a silence: a firing alert, or with `receiver` a notification delivered there. */
function silenceOffenders(
  expectation: SilentExpectation,
  timeline: AlertTimeline,
  window: { startMs: number; endMs: number },
): { alert: string; labels: Labels; atMs: number }[] {
  const inWindow = (e: { atMs: number }) => e.atMs >= window.startMs && e.atMs <= window.endMs;
  if (expectation.receiver !== undefined) {
    return uniqueByKey(notifications(timeline, expectation, expectation.receiver).filter(inWindow));
  }
  const events = transitions(timeline, expectation);
  const carried = [...firingAt(events, window.startMs).values()];

  return uniqueByKey([...carried, ...events.filter((e) => e.state === 'firing' && inWindow(e))]);
}

function judgeResolves(expectation: ResolvesExpectation, timeline: AlertTimeline): Verdict {
  const endMs = findWindow(timeline, expectation.after).endMs;
  const slaMs = parseDurationMs(expectation.within);
  const events = transitions(timeline, expectation);
  const base = { expectation, subject: describeExpectation(expectation), slaMs };
  const everFired = uniqueByKey(
    events.filter((e) => e.state === 'firing' && e.atMs <= endMs + slaMs),
  );
  if (everFired.length === 0) {
    const reason = `never fired, so it could not resolve after ${expectation.after}`;
    return { ...base, measured: {}, outcome: 'fail', reason, evidence: [] };
  }
  const resolvedMs = lastResolutionMs(events, endMs, timeline.endMs);
  const measured = {
    resolvedMs: resolvedMs === undefined ? undefined : Math.max(0, resolvedMs - endMs),
  };
  const evidence = everFired.map(evidenceOf);
  if (measured.resolvedMs !== undefined && measured.resolvedMs <= slaMs) {
    const reason = `resolved ${describeMs(measured.resolvedMs)} after ${expectation.after} ended`;
    return { ...base, measured, outcome: 'pass', reason, evidence };
  }
  const reason =
    measured.resolvedMs === undefined
      ? `still firing ${describeMs(timeline.endMs - endMs)} after ${expectation.after} ended`
      : `resolved ${describeMs(measured.resolvedMs)} after ${expectation.after} ended, later than ${expectation.within}`;
  const verdict =
    measured.resolvedMs === undefined
      ? undecided(timeline, endMs, endMs + slaMs, reason)
      : { outcome: 'fail' as const, reason };

  return { ...base, measured, ...verdict, evidence };
}

/** When the last matching instance stopped firing, or undefined while one still fires. */
function lastResolutionMs(
  events: ReturnType<typeof transitions>,
  fromMs: number,
  untilMs: number,
): number | undefined {
  if (firingAt(events, untilMs).size > 0) return undefined;
  const resolutions = events.filter((e) => e.state === 'resolved');
  const last = resolutions.at(-1);

  return last === undefined ? fromMs : Math.max(fromMs, last.atMs);
}

function uniqueByKey<T extends { alert: string; labels: Record<string, string> }>(
  events: T[],
): T[] {
  const seen = new Map<string, T>();
  for (const event of events) {
    const key = alertKey(event.alert, event.labels);
    if (!seen.has(key)) seen.set(key, event);
  }

  return [...seen.values()];
}

function evidenceOf(event: { alert: string; labels: Record<string, string>; atMs: number }) {
  return { alert: event.alert, labels: event.labels, atMs: event.atMs };
}
