import type {
  AgeGroup,
  ContentType,
  FilterType,
  InteractionType,
  Model,
  ParentalAction,
  ParentalEventType,
  Service,
  Severity,
  TriggerType,
  ViolationType,
} from '../common/vocabulary.js';

/**
 * What crosses the arrow from the world to telemetry. Times are milliseconds since the run
 * started (scenario time). Nothing here identifies a child: `sessionHash` is a salted hash that
 * only links the spans of one session.
 */
export interface Interaction {
  atMs: number;
  sessionHash: string;
  ageGroup: AgeGroup;
  interactionType: InteractionType;
  model: Model;
  contentType: ContentType;
  responseTimeMs: number;
  tokens: number;
  costUsd: number;
  /** 0–1 */
  accuracy: number;
  /** 0–1 */
  quality: number;
  hallucinated: boolean;
  /** 0–1, as scored by the safety screen. */
  toxicity: number;
  /** 0–1 */
  safetyScore: number;
  /** 0–1 */
  ageAppropriateness: number;
  violation?: { type: ViolationType; severity: Severity };
  /** The screen caught the answer; `filterType` is the filter that did. */
  filtered?: { filterType: FilterType; effectiveness: number };
  /** Set on the first interaction of a session: the parental-consent check made before it. */
  consentCheck?: { passed: boolean };
  /** Set on the last interaction of a session. */
  sessionEnd?: { engagementSeconds: number; success: boolean };
}

export interface EmergencyEscalation {
  atMs: number;
  triggerType: TriggerType;
  ageGroup: AgeGroup;
  /** From detection to a person answering. */
  responseTimeMs: number;
}

export interface ServiceRequest {
  atMs: number;
  service: Service;
  endpoint: string;
  method: string;
  statusCode: number;
  latencyMs: number;
}

export interface ParentalControlEvent {
  atMs: number;
  eventType: ParentalEventType;
  action: ParentalAction;
}

/** Slow-moving state, sampled once per world tick. */
export interface SystemSnapshot {
  atMs: number;
  /** −1 … +1, per age group and interaction type. */
  sentiment: { ageGroup: AgeGroup; interactionType: InteractionType; value: number }[];
  /** 0–1, per regulation and region. */
  coppaCompliance: { regulation: string; region: string; value: number }[];
  /** 0–1 */
  childSafetyComplianceRate: number;
  /** 0–1 */
  databaseConnectionHealth: number;
  /** 0–1 */
  cacheHitRate: number;
  /** 0–1 */
  cpuUsage: number;
  /** 0–1 */
  memoryUsage: number;
  /** 0–1 */
  diskUsage: number;
  /** Hours the retention purge lags behind. */
  retentionLagHours: number;
}

/** Where the world sends what happens; telemetry implements it. Must never throw. */
export interface WorldSink {
  interaction(event: Interaction): void;
  emergency(event: EmergencyEscalation): void;
  request(event: ServiceRequest): void;
  parentalControl(event: ParentalControlEvent): void;
  snapshot(event: SystemSnapshot): void;
}
