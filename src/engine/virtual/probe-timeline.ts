import type { AlertTransition, Labels, NotificationReceived } from '../timeline.js';
import { alertKey } from '../timeline.js';
import { inhibitedAt, type FiringStretch, type InhibitRule } from '../../stack/inhibition.js';
import type { AlertRuleInfo } from '../../stack/types.js';
import type { ProbeKind } from './promtool-tests.js';

export interface ProbeSample {
  kind: ProbeKind;
  labels: Labels;
  /** Seconds of virtual time, as `timestamp()` returned them. */
  value: number;
}

interface Lifecycle {
  alert: string;
  labels: Labels;
  firstPendingMs?: number;
  firstFiringMs?: number;
  lastFiringMs?: number;
}

function earliest(known: number | undefined, atMs: number): number {
  return known === undefined ? atMs : Math.min(known, atMs);
}

function withoutState(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([name]) => name !== 'alertstate'));
}

/**
 * Turns the probes' first and last ALERTS samples into transitions. An instance stops firing at
 * the first evaluation of its group after its last firing sample; one that fired to the end is
 * left firing. An instance that fired twice shows as one stretch from its first to last firing.
 */
export function transitionsFromProbes(
  samples: ProbeSample[],
  rules: AlertRuleInfo[],
  endMs: number,
): AlertTransition[] {
  const byKey = new Map<string, Lifecycle>();
  for (const sample of samples) {
    const labels = withoutState(sample.labels);
    const alert = labels['alertname'] ?? '';
    const key = alertKey(alert, labels);
    const entry = byKey.get(key) ?? { alert, labels };
    byKey.set(key, entry);
    const atMs = Math.round(sample.value * 1_000);
    // Each piece of the run has its own probes: keep the earliest first and the latest last.
    if (sample.kind === 'first-pending')
      entry.firstPendingMs = earliest(entry.firstPendingMs, atMs);
    if (sample.kind === 'first-firing') entry.firstFiringMs = earliest(entry.firstFiringMs, atMs);
    if (sample.kind === 'last-firing')
      entry.lastFiringMs = Math.max(entry.lastFiringMs ?? atMs, atMs);
  }

  return [...byKey.values()].flatMap((entry) => {
    const { alert, labels } = entry;
    const intervalMs = rules.find((rule) => rule.alert === alert)?.evaluationIntervalMs ?? 0;
    const events: AlertTransition[] = [];
    if (entry.firstPendingMs !== undefined) {
      events.push({ kind: 'alert', atMs: entry.firstPendingMs, alert, labels, state: 'pending' });
    }
    if (entry.firstFiringMs !== undefined) {
      events.push({ kind: 'alert', atMs: entry.firstFiringMs, alert, labels, state: 'firing' });
      const resolvedMs = (entry.lastFiringMs ?? endMs) + intervalMs;
      if (resolvedMs <= endMs) {
        events.push({ kind: 'alert', atMs: resolvedMs, alert, labels, state: 'resolved' });
      }
    } else if (entry.firstPendingMs !== undefined) {
      events.push({
        kind: 'alert',
        atMs: entry.firstPendingMs + intervalMs,
        alert,
        labels,
        state: 'inactive',
      });
    }

    return events;
  });
}

/**
 * The notifications the real routing tree would send for each firing transition: one per
 * receiver `amtool` names, `group_wait` of that receiver's route after the alert fired.
 */
export async function predictedNotifications(
  firing: AlertTransition[],
  route: (labels: Labels) => Promise<string[]>,
  groupWaitMsByReceiver: Record<string, number>,
  inhibitRules: readonly InhibitRule[] = [],
): Promise<NotificationReceived[]> {
  const notifications: NotificationReceived[] = [];
  const stretches = firingStretches(firing);
  for (const transition of firing.filter((t) => t.state === 'firing')) {
    for (const receiver of await route(transition.labels)) {
      const atMs = transition.atMs + (groupWaitMsByReceiver[receiver] ?? 0);
      // Alertmanager checks inhibitions when it flushes the group, after group_wait.
      if (inhibitedAt(transition.labels, atMs, stretches, inhibitRules)) continue;
      notifications.push({
        kind: 'notification',
        atMs,
        receiver,
        alert: transition.alert,
        labels: transition.labels,
        status: 'firing',
      });
    }
  }

  return notifications;
}

/** Each instance's firing stretch, from its firing transition to its resolution (or for ever). */
function firingStretches(transitions: AlertTransition[]): FiringStretch[] {
  const open = new Map<string, FiringStretch>();
  const stretches: FiringStretch[] = [];
  for (const transition of [...transitions].sort((a, b) => a.atMs - b.atMs)) {
    const key = alertKey(transition.alert, transition.labels);
    if (transition.state === 'firing') {
      const stretch = { labels: transition.labels, fromMs: transition.atMs, toMs: Infinity };
      open.set(key, stretch);
      stretches.push(stretch);
    } else if (transition.state === 'resolved') {
      const stretch = open.get(key);
      if (stretch !== undefined) stretch.toMs = transition.atMs;
      open.delete(key);
    }
  }

  return stretches;
}
