import type { Logger } from '../common/logger.js';

/** One alerting rule as Prometheus loaded it. */
export interface AlertRuleInfo {
  alert: string;
  expr: string;
  forMs: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The rule file it came from. */
  file: string;
  /** Evaluation interval of its group. */
  evaluationIntervalMs: number;
}

/** The stack's own timing settings: what the predicted bound of each verdict is made of. */
export interface StackSettings {
  /** Scrape interval of the job that scrapes `sim`. */
  scrapeIntervalMs: number;
  evaluationIntervalMs: number;
  rules: AlertRuleInfo[];
  /** `group_wait` of the route that delivers to each receiver, by receiver name. */
  groupWaitMsByReceiver: Record<string, number>;
  receivers: string[];
}

export interface StackOptions {
  /** Where Prometheus scrapes `sim`'s /metrics, e.g. "127.0.0.1:41234". */
  metricsTarget: string;
  /** Base URL of `sim`'s webhook sink; each receiver gets `${sinkUrl}/${receiver}`. */
  sinkUrl: string;
  /** Rule files to load instead of `stack/prometheus/rules/*.yml`. */
  ruleFiles?: string[];
  logger: Logger;
}

/** A stack that is defined but not yet running. */
export interface Stack {
  readonly kind: 'local' | 'compose' | 'url';
  start(options: StackOptions): Promise<StartedStack>;
}

export interface StartedStack {
  prometheusUrl: string;
  alertmanagerUrl: string;
  versions: { prometheus: string; alertmanager: string };
  settings: StackSettings;
  /** Called once if a process of the stack ends while it should be running. */
  onUnexpectedExit(listener: (reason: string) => void): void;
  /** Stops every process; safe to call twice; never throws. */
  stop(): Promise<void>;
}
