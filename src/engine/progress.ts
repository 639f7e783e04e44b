import type { AlertTransition, NotificationReceived } from './timeline.js';

/** What an engine reports as it goes; the CLI turns these into lines a person reads. */
export type ProgressEvent =
  | {
      type: 'starting';
      scenario: string;
      description: string;
      seed: string;
      engine: string;
      /** From the first phase's start to the last phase's end, in scenario time. */
      durationMs: number;
    }
  | { type: 'phases-done'; atMs: number }
  | { type: 'stack-starting'; kind: string }
  | {
      type: 'stack-ready';
      prometheusUrl: string;
      alertmanagerUrl: string;
      versions: { prometheus: string; alertmanager: string };
      startupMs: number;
    }
  | { type: 'self-check'; ok: boolean; problems: string[] }
  | { type: 'phase'; name: string; index: number; count: number; durationMs: number; atMs: number }
  | { type: 'fault'; name: string; state: 'started' | 'ended'; atMs: number }
  | { type: 'alert'; transition: AlertTransition }
  | { type: 'notification'; notification: NotificationReceived }
  | { type: 'waiting'; subjects: string[]; untilMs: number; atMs: number }
  | { type: 'stack-fault'; reason: string; atMs: number }
  | { type: 'recording'; atMs: number; endMs: number }
  | { type: 'evaluating'; series: number; steps: number; file: string };

export type ProgressListener = (event: ProgressEvent) => void;
