import type {
  AgeGroup,
  InteractionType,
  Model,
  Service,
  Severity,
  TriggerType,
  ViolationType,
} from '../common/vocabulary.js';

/** A duration in Prometheus notation: "30s", "5m", "1h30m". */
export type Duration = string;

/** Label name → exact value; an alert matches when it carries every pair. */
export type LabelMatch = Record<string, string>;

/**
 * A scenario: what the simulated AI toy does over time, what goes wrong, and which alerts must
 * (and must not) follow. One TypeScript module under `scenarios/`, default-exporting this shape.
 */
export interface Scenario {
  /** Kebab-case, equal to the file name: `safety-incident`. */
  name: string;
  /** One line, shown by `sim list`. */
  description: string;
  /** Steady traffic, before phases and faults change it. */
  load: Load;
  /** Run one after another; the scenario lasts as long as they do. */
  phases: Phase[];
  faults?: Fault[];
  expectations: Expectation[];
  /**
   * Series added as they are beside the world's telemetry, in promtool's notation, one value per
   * scrape step from scenario time 0: for gaps, staleness and counter resets. Virtual engine only.
   */
  rawSeries?: RawSeries[];
}

export interface RawSeries {
  /** `metric{label="value"}`, written as Prometheus would store it (add `job` yourself). */
  series: string;
  /** promtool notation: `0+10x100`, `_x5`, `stale`, `1 2 3`. */
  values: string;
}

export interface Load {
  /** Mean rate of child interactions, arriving as a Poisson process. */
  interactionsPerSecond: number;
  /** Relative weights; every group is used with equal weight when left out. */
  ageGroups?: Partial<Record<AgeGroup, number>>;
  interactionTypes?: Partial<Record<InteractionType, number>>;
  models?: Partial<Record<Model, number>>;
  /** Traffic follows the day: `amplitude` 0.6 means ±60 % around the mean, peaking at 18:00. */
  diurnal?: { amplitude: number };
}

export interface Phase {
  name: string;
  duration: Duration;
  /** Multiplies `load.interactionsPerSecond` during this phase. Default 1. */
  loadFactor?: number;
}

export interface Fault {
  /** Referred to by expectations (`after: 'unsafe-burst'`). */
  name: string;
  /** The phase it starts in. */
  phase: string;
  /** From the start of that phase. Default "0s". */
  offset?: Duration;
  /** Default: to the end of that phase. */
  duration?: Duration;
  effect: FaultEffect;
}

/** What a fault changes in the simulated system while it is active. */
export type FaultEffect =
  | UnsafeContentEffect
  | EmergencyEffect
  | ServiceErrorsEffect
  | ServiceLatencyEffect
  | ModelDegradationEffect
  | ScrapeTargetDownEffect
  | DatabaseDegradedEffect
  | ComplianceLapseEffect
  | ParentalBypassEffect
  | ResourcePressureEffect
  | SentimentDropEffect
  | TrafficSurgeEffect;

export interface UnsafeContentEffect {
  kind: 'unsafe-content';
  /** Only answers to this age group; all groups when left out. */
  ageGroup?: AgeGroup;
  /** Share of answers (0–1) that the safety screen flags. */
  unsafeShare: number;
  /** Relative weights of the flagged answers' severities. */
  severities?: Partial<Record<Severity, number>>;
  violationTypes?: ViolationType[];
  /** Mean toxicity score (0–1) of the flagged answers. Default 0.85. */
  toxicity?: number;
}

export interface EmergencyEffect {
  kind: 'emergencies';
  ratePerMinute: number;
  triggerTypes?: TriggerType[];
  /** Median time until a person answers the escalation. */
  responseTime: Duration;
  ageGroup?: AgeGroup;
}

export interface ServiceErrorsEffect {
  kind: 'service-errors';
  service: Service;
  /** Share of requests (0–1) that end in a 5xx; replaces the rare baseline errors, so 0 is clean. */
  errorShare: number;
}

export interface ServiceLatencyEffect {
  kind: 'service-latency';
  service: Service;
  multiplier: number;
}

export interface ModelDegradationEffect {
  kind: 'model-degradation';
  model: Model;
  latencyMultiplier?: number;
  /** Subtracted from each answer's accuracy score. */
  accuracyDrop?: number;
  /** Subtracted from each answer's quality score. */
  qualityDrop?: number;
  /** Share of answers (0–1) detected as hallucinations. */
  hallucinationShare?: number;
  tokenMultiplier?: number;
}

export interface ScrapeTargetDownEffect {
  kind: 'scrape-target-down';
}

export interface DatabaseDegradedEffect {
  kind: 'database-degraded';
  /** 0–1, where 1 is every connection healthy. */
  connectionHealth: number;
}

export interface ComplianceLapseEffect {
  kind: 'compliance-lapse';
  /** Share of consent checks (0–1) that fail. */
  consentFailureShare?: number;
  /** Hours the retention purge lags behind. */
  retentionLagHours?: number;
  /** Effectiveness (0–1) of the content filter while it lapses. */
  filterEffectiveness?: number;
}

export interface ParentalBypassEffect {
  kind: 'parental-bypass';
  attemptsPerMinute: number;
}

export interface ResourcePressureEffect {
  kind: 'resource-pressure';
  /** 0–1 used. */
  diskUsage?: number;
  memoryUsage?: number;
}

export interface SentimentDropEffect {
  kind: 'sentiment-drop';
  ageGroup?: AgeGroup;
  /** −1 … +1 */
  sentiment: number;
}

export interface TrafficSurgeEffect {
  kind: 'traffic-surge';
  multiplier: number;
}

export type Expectation = FiresExpectation | SilentExpectation | ResolvesExpectation;

/** The alert fires, and (when `receiver` is given) is delivered there, within `within`. */
export interface FiresExpectation {
  expect: 'fires';
  alert: string;
  labels?: LabelMatch;
  /** A fault or phase name; the clock starts when it starts. */
  after: string;
  within: Duration;
  /** Firing earlier than this after the start is a failure (a rule that is too eager). */
  notBefore?: Duration;
  /** Alertmanager receiver that must get the notification within the same SLA. */
  receiver?: string;
}

/** No matching alert fires during the run, or during one phase. */
export interface SilentExpectation {
  expect: 'silent';
  /** One alert name; any alert when left out. */
  alert?: string;
  labels?: LabelMatch;
  /** Alert names that may fire anyway, e.g. `['Watchdog']`. */
  except?: string[];
  /** A phase name; the whole run when left out. */
  during?: string;
  /**
   * Judge the notifications at this receiver instead of the alerts: matching alerts may fire,
   * but none may be delivered here (inhibited, or routed elsewhere).
   */
  receiver?: string;
}

/** The alert stops firing within `within` of the named fault ending. */
export interface ResolvesExpectation {
  expect: 'resolves';
  alert: string;
  labels?: LabelMatch;
  after: string;
  within: Duration;
}
