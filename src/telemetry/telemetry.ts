import { SpanKind, SpanStatusCode, type Attributes, type Tracer } from '@opentelemetry/api';
import type { Logger } from '../common/logger.js';
import type {
  EmergencyEscalation,
  Interaction,
  ParentalControlEvent,
  ServiceRequest,
  SystemSnapshot,
  WorldSink,
} from '../world/types.js';
import type { TelemetryEvent } from './catalogue.js';
import type { Metrics } from './metrics.js';

export interface TelemetryOptions {
  metrics: Metrics;
  tracer: Tracer;
  /**
   * Wall-clock time of scenario time 0; spans are stamped `startEpochMs + atMs`. Must be a real
   * epoch time: OpenTelemetry reads small numbers as offsets from the process start.
   */
  startEpochMs: number;
  logger: Logger;
  /** Phase names to expose at 0 before they run, so dashboards show them from the start. */
  phases?: readonly string[];
  /** Fault names to expose at 0 before they start. */
  faults?: readonly string[];
}

/** The world's sink: metrics and spans from its events. Never throws into the world. */
export interface Telemetry extends WorldSink {
  /** Marks `phase` as the one running (sim_scenario_phase 1) and the previous one as over. */
  setPhase(phase: string): void;
  /** Sets sim_fault_active to 1 for exactly these faults and to 0 for any that ended. */
  setActiveFaults(names: readonly string[]): void;
}

export function createTelemetry(options: TelemetryOptions): Telemetry {
  const { metrics, tracer, startEpochMs, logger } = options;
  const reported = new Set<TelemetryEvent>();
  const guard = <A>(event: TelemetryEvent, record: (arg: A) => void) => {
    return (arg: A): void => {
      try {
        record(arg);
      } catch (error) {
        countFailure(metrics, event, error, reported, logger);
      }
    };
  };
  let currentPhase: string | undefined;
  let activeFaults = new Set<string>();
  for (const phase of options.phases ?? []) metrics.scenarioPhase.set({ phase }, 0);
  for (const fault of options.faults ?? []) metrics.faultActive.set({ fault }, 0);

  const recordInteractionMetrics = guard('interaction', (event: Interaction) =>
    recordInteraction(metrics, event),
  );
  const traceInteraction = guard('interaction', (event: Interaction) =>
    interactionSpan(tracer, startEpochMs, event),
  );
  const recordEmergencyMetrics = guard('emergency', (event: EmergencyEscalation) =>
    recordEmergency(metrics, event),
  );
  const traceEmergency = guard('emergency', (event: EmergencyEscalation) =>
    emergencySpan(tracer, startEpochMs, event),
  );

  return {
    interaction: (event) => {
      recordInteractionMetrics(event);
      traceInteraction(event);
    },
    emergency: (event) => {
      recordEmergencyMetrics(event);
      traceEmergency(event);
    },
    request: guard('request', (event: ServiceRequest) => recordRequest(metrics, event)),
    parentalControl: guard('parental_control', (event: ParentalControlEvent) =>
      metrics.parentalControlEvents.inc({ event_type: event.eventType, action: event.action }),
    ),
    snapshot: guard('snapshot', (event: SystemSnapshot) => recordSnapshot(metrics, event)),
    setPhase: guard('state', (phase: string) => {
      if (phase === currentPhase) return;
      if (currentPhase !== undefined) metrics.scenarioPhase.set({ phase: currentPhase }, 0);
      metrics.scenarioPhase.set({ phase }, 1);
      currentPhase = phase;
    }),
    setActiveFaults: guard('state', (names: readonly string[]) => {
      const next = new Set(names);
      for (const fault of activeFaults) {
        if (!next.has(fault)) metrics.faultActive.set({ fault }, 0);
      }
      for (const fault of next) metrics.faultActive.set({ fault }, 1);
      activeFaults = next;
    }),
  };
}

/** Counts every failure and logs the first of each kind, so a broken path cannot flood logs. */
function countFailure(
  metrics: Metrics,
  event: TelemetryEvent,
  error: unknown,
  reported: Set<TelemetryEvent>,
  logger: Logger,
): void {
  try {
    metrics.telemetryErrors.inc({ event });
  } catch {
    // The counter itself failed; the log line below is all that is left.
  }
  if (reported.has(event)) return;
  reported.add(event);
  logger.warn('telemetry could not record an event; further failures are only counted', {
    event,
    error: error instanceof Error ? error.message : String(error),
  });
}

function recordInteraction(metrics: Metrics, event: Interaction): void {
  const { model, ageGroup: age_group, interactionType: interaction_type } = event;
  metrics.aiAnswers.inc({ model });
  metrics.aiResponseTime.observe({ model, age_group }, event.responseTimeMs / 1_000);
  metrics.aiAccuracy.observe({ model }, event.accuracy);
  metrics.aiQuality.observe({ model, age_group }, event.quality);
  metrics.aiTokens.inc({ model, interaction_type }, event.tokens);
  metrics.aiCost.inc({ model }, event.costUsd);
  if (event.hallucinated) metrics.aiHallucinations.inc({ model });
  metrics.contentToxicity.observe({ content_type: event.contentType, age_group }, event.toxicity);
  metrics.ageAppropriateness.observe({ age_group }, event.ageAppropriateness);
  if (event.violation !== undefined) {
    const { type: violation_type, severity } = event.violation;
    metrics.safetyViolations.inc({ violation_type, severity, age_group });
  }
  if (event.filtered !== undefined) {
    const { filterType: filter_type, effectiveness } = event.filtered;
    metrics.filterEffectiveness.observe({ filter_type }, effectiveness);
  }
  if (event.consentCheck !== undefined) {
    metrics.consentChecks.inc({ result: event.consentCheck.passed ? 'passed' : 'failed' });
  }
  if (event.sessionEnd !== undefined) {
    const { engagementSeconds, success } = event.sessionEnd;
    const labels = { age_group, interaction_type, success: String(success) };
    metrics.engagementDuration.observe(labels, engagementSeconds);
  }
}

/** Attributes describe the answer and the hashed session; never a child's name, age or id. */
function interactionSpan(tracer: Tracer, startEpochMs: number, event: Interaction): void {
  const attributes: Attributes = {
    'session.hash': event.sessionHash,
    'child.age_group': event.ageGroup,
    'interaction.type': event.interactionType,
    'ai.model': event.model,
    'ai.response_time_ms': event.responseTimeMs,
    'ai.tokens': event.tokens,
    'ai.hallucinated': event.hallucinated,
    'content.type': event.contentType,
    'content.toxicity': event.toxicity,
    'safety.score': event.safetyScore,
    'safety.age_appropriateness': event.ageAppropriateness,
  };
  if (event.violation !== undefined) {
    attributes['safety.violation.type'] = event.violation.type;
    attributes['safety.violation.severity'] = event.violation.severity;
  }
  if (event.filtered !== undefined) attributes['safety.filter.type'] = event.filtered.filterType;
  const startTime = startEpochMs + event.atMs;
  const span = tracer.startSpan('teddy.interaction', {
    kind: SpanKind.SERVER,
    startTime,
    attributes,
  });
  if (event.violation !== undefined) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'safety violation' });
  }
  span.end(startTime + event.responseTimeMs);
}

function recordEmergency(metrics: Metrics, event: EmergencyEscalation): void {
  const { triggerType: trigger_type, ageGroup: age_group } = event;
  metrics.emergencyActivations.inc({ trigger_type, age_group });
  metrics.emergencyResponseTime.observe({ trigger_type }, event.responseTimeMs / 1_000);
}

function emergencySpan(tracer: Tracer, startEpochMs: number, event: EmergencyEscalation): void {
  const startTime = startEpochMs + event.atMs;
  const span = tracer.startSpan('teddy.emergency.escalation', {
    kind: SpanKind.INTERNAL,
    startTime,
    attributes: {
      'emergency.trigger_type': event.triggerType,
      'child.age_group': event.ageGroup,
      'emergency.response_time_ms': event.responseTimeMs,
    },
  });
  span.end(startTime + event.responseTimeMs);
}

function recordRequest(metrics: Metrics, event: ServiceRequest): void {
  const { service, endpoint, method, statusCode } = event;
  metrics.requests.inc({ service, endpoint, method, status_code: String(statusCode) });
  const status_class = `${Math.floor(statusCode / 100)}xx`;
  metrics.requestLatency.observe(
    { service, endpoint, method, status_class },
    event.latencyMs / 1_000,
  );
}

function recordSnapshot(metrics: Metrics, event: SystemSnapshot): void {
  for (const { ageGroup, interactionType, value } of event.sentiment) {
    metrics.conversationSentiment.set(
      { age_group: ageGroup, interaction_type: interactionType },
      value,
    );
  }
  for (const { regulation, region, value } of event.coppaCompliance) {
    metrics.coppaCompliance.set({ regulation, region }, value);
  }
  metrics.safetyComplianceRate.set(event.childSafetyComplianceRate);
  metrics.databaseHealth.set(event.databaseConnectionHealth);
  metrics.cacheHitRate.set(event.cacheHitRate);
  metrics.cpuUsage.set(event.cpuUsage);
  metrics.memoryUsage.set(event.memoryUsage);
  metrics.diskUsage.set(event.diskUsage);
  metrics.retentionLag.set(event.retentionLagHours);
}
