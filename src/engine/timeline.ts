import type { TimeWindow } from '../scenario/windows.js';

/**
 * What an engine hands to the verdicts: every alert transition and notification, in scenario
 * time (milliseconds since the run started). Verdicts read nothing else.
 */
export interface AlertTimeline {
  /** Epoch milliseconds of scenario time 0. */
  startEpochMs: number;
  /** Scenario time at which observation stopped. */
  endMs: number;
  phases: TimeWindow[];
  faults: TimeWindow[];
  events: TimelineEvent[];
  /** Problems found before the run began (a failed self-check); they taint every verdict. */
  preflightProblems: string[];
}

export type Labels = Record<string, string>;

export type TimelineEvent = AlertTransition | NotificationReceived | StackFault;

/** A change of an alert's state as the rule engine reported it. */
export interface AlertTransition {
  kind: 'alert';
  atMs: number;
  alert: string;
  labels: Labels;
  /** `inactive`: a pending alert whose condition went false before it fired. */
  state: 'pending' | 'firing' | 'resolved' | 'inactive';
  /** When the rule engine first saw the condition true (Prometheus's `activeAt`). */
  activeAtMs?: number;
}

/** One alert inside one notification delivered to a receiver. */
export interface NotificationReceived {
  kind: 'notification';
  atMs: number;
  receiver: string;
  alert: string;
  labels: Labels;
  status: 'firing' | 'resolved';
}

/** The stack could not be trusted between `atMs` and `endMs` (open-ended when absent). */
export interface StackFault {
  kind: 'stack-fault';
  atMs: number;
  endMs?: number;
  reason: string;
}

export function labelsMatch(labels: Labels, match: Labels | undefined): boolean {
  return Object.entries(match ?? {}).every(([name, value]) => labels[name] === value);
}

/** A stable key for one alert instance: its name and full label set. */
export function alertKey(alert: string, labels: Labels): string {
  const pairs = Object.keys(labels)
    .sort()
    .filter((name) => name !== 'alertname')
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);

  return `${alert}{${pairs.join(',')}}`;
}
