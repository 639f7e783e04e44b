import {
  alertKey,
  labelsMatch,
  type AlertTimeline,
  type AlertTransition,
  type Labels,
  type NotificationReceived,
} from '../engine/timeline.js';

export interface AlertFilter {
  alert?: string;
  labels?: Labels;
  except?: string[];
}

function matches(event: { alert: string; labels: Labels }, filter: AlertFilter): boolean {
  return (
    (filter.alert === undefined || event.alert === filter.alert) &&
    !(filter.except ?? []).includes(event.alert) &&
    labelsMatch(event.labels, filter.labels)
  );
}

export function transitions(timeline: AlertTimeline, filter: AlertFilter): AlertTransition[] {
  return timeline.events.filter(
    (event): event is AlertTransition => event.kind === 'alert' && matches(event, filter),
  );
}

export function notifications(
  timeline: AlertTimeline,
  filter: AlertFilter,
  receiver: string,
): NotificationReceived[] {
  return timeline.events.filter(
    (event): event is NotificationReceived =>
      event.kind === 'notification' &&
      event.receiver === receiver &&
      event.status === 'firing' &&
      matches(event, filter),
  );
}

/** Alert instances (by key) that were firing at `atMs`, each with when it began to fire. */
export function firingAt(events: AlertTransition[], atMs: number): Map<string, AlertTransition> {
  const firing = new Map<string, AlertTransition>();
  for (const event of events) {
    if (event.atMs > atMs) break;
    const key = alertKey(event.alert, event.labels);
    if (event.state === 'firing') firing.set(key, event);
    else firing.delete(key);
  }

  return firing;
}

/** The first instance to fire within [fromMs, toMs], counting one already firing at `fromMs`. */
export function firstFiring(
  events: AlertTransition[],
  fromMs: number,
  toMs = Infinity,
): { event: AlertTransition; alreadyFiring: boolean } | undefined {
  const carried = [...firingAt(events, fromMs).values()][0];
  if (carried !== undefined && carried.atMs < fromMs)
    return { event: carried, alreadyFiring: true };
  const event = events.find((e) => e.state === 'firing' && e.atMs >= fromMs && e.atMs <= toMs);

  return event === undefined ? undefined : { event, alreadyFiring: false };
}

/** Stack faults and preflight problems that overlap [fromMs, toMs]: reasons not to trust silence. */
export function stackProblemsDuring(
  timeline: AlertTimeline,
  fromMs: number,
  toMs: number,
): string[] {
  const faults = timeline.events.flatMap((event) =>
    event.kind === 'stack-fault' && event.atMs <= toMs && (event.endMs ?? Infinity) >= fromMs
      ? [event.reason]
      : [],
  );

  return [...timeline.preflightProblems, ...new Set(faults)];
}
