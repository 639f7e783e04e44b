/** The parts of Prometheus's HTTP API (v1) that `sim` reads, as Prometheus 2.42 returns them. */

export type Labels = Record<string, string>;

/** /api/v1/alerts lists only alerts that are pending or firing. */
export type AlertState = 'pending' | 'firing';

export interface ActiveAlert {
  labels: Labels;
  annotations: Labels;
  state: AlertState;
  /** RFC 3339; when the alert became pending. */
  activeAt?: string;
  value: string;
}

export type RuleHealth = 'ok' | 'err' | 'unknown';

interface RuleCommon {
  name: string;
  query: string;
  labels?: Labels;
  health: RuleHealth;
  lastError?: string;
  lastEvaluation?: string;
}

export interface AlertingRule extends RuleCommon {
  type: 'alerting';
  /** `for`, in seconds. */
  duration: number;
  keepFiringFor?: number;
  annotations: Labels;
  state: 'inactive' | AlertState;
  alerts: ActiveAlert[];
}

export interface RecordingRule extends RuleCommon {
  type: 'recording';
}

export type Rule = AlertingRule | RecordingRule;

export interface RuleGroup {
  name: string;
  file: string;
  /** Evaluation interval, in seconds. */
  interval: number;
  rules: Rule[];
}

export type TargetHealth = 'up' | 'down' | 'unknown';

export interface ActiveTarget {
  labels: Labels;
  discoveredLabels: Labels;
  scrapePool: string;
  scrapeUrl: string;
  lastError: string;
  lastScrape: string;
  health: TargetHealth;
}

export interface Targets {
  activeTargets: ActiveTarget[];
  droppedTargets: { discoveredLabels: Labels }[];
}

/** [unix seconds, value as text] */
export type SampleValue = [number, string];

export type QueryResult =
  | { resultType: 'vector'; result: { metric: Labels; value: SampleValue }[] }
  | { resultType: 'matrix'; result: { metric: Labels; values: SampleValue[] }[] }
  | { resultType: 'scalar'; result: SampleValue }
  | { resultType: 'string'; result: SampleValue };

export interface BuildInfo {
  version: string;
  revision: string;
  branch: string;
  buildUser: string;
  buildDate: string;
  goVersion: string;
}
