import {
  AGE_GROUPS,
  CONTENT_TYPES,
  FILTER_TYPES,
  INTERACTION_TYPES,
  MODELS,
  PARENTAL_ACTIONS,
  PARENTAL_EVENT_TYPES,
  SEVERITIES,
  TRIGGER_TYPES,
  VIOLATION_TYPES,
} from '../common/vocabulary.js';
import {
  CONSENT_RESULTS,
  REGIONS,
  REGULATIONS,
  SERVICE_ENDPOINTS,
  STATUS_CODES,
} from '../world/vocabulary.js';

/** Label name → value of one series. */
export type LabelSet<L extends string> = Readonly<Record<L, string>>;

interface BaseSpec<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  /** Label sets that exist before any event; counters and histograms start at 0 for each. */
  knownLabelSets: readonly LabelSet<L>[];
}

export interface CounterSpec<L extends string = string> extends BaseSpec<L> {
  type: 'counter';
}

export interface GaugeSpec<L extends string = string> extends BaseSpec<L> {
  type: 'gauge';
}

export interface HistogramSpec<L extends string = string> extends BaseSpec<L> {
  type: 'histogram';
  buckets: readonly number[];
}

export type MetricSpec = CounterSpec | GaugeSpec | HistogramSpec;

type Values<L extends string> = { readonly [K in L]: readonly (string | number)[] };

interface Labels<L extends string> {
  labelNames: readonly L[];
  knownLabelSets: readonly LabelSet<L>[];
}

/** Every combination of the given label values, in a stable order. */
function labelCombinations<L extends string>(values: Values<L>): LabelSet<L>[] {
  let sets: Record<string, string>[] = [{}];
  for (const [name, options] of Object.entries(values) as [L, readonly (string | number)[]][]) {
    sets = sets.flatMap((set) => options.map((option) => ({ ...set, [name]: String(option) })));
  }

  return sets as LabelSet<L>[];
}

/** Labels whose known sets are every combination of their values. */
function labels<L extends string>(values: Values<L>): Labels<L> {
  return { labelNames: Object.keys(values) as L[], knownLabelSets: labelCombinations(values) };
}

function counter<L extends string>(
  name: string,
  help: string,
  labelling: Labels<L>,
): CounterSpec<L> {
  return { type: 'counter', name, help, ...labelling };
}

function gauge<L extends string>(name: string, help: string, labelling: Labels<L>): GaugeSpec<L> {
  return { type: 'gauge', name, help, ...labelling };
}

function histogram<L extends string>(
  name: string,
  help: string,
  buckets: readonly number[],
  labelling: Labels<L>,
): HistogramSpec<L> {
  return { type: 'histogram', name, help, buckets, ...labelling };
}

const SCORE_TENTHS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const SUCCESS = ['true', 'false'];
const STATUS_CLASSES = [...new Set(STATUS_CODES.map((code) => `${String(code)[0]}xx`))];

/** Request series exist for each service's own endpoint, not for every combination. */
function perEndpoint<L extends string>(
  values: Values<L>,
): Labels<'service' | 'endpoint' | 'method' | L> {
  const extra = labels(values);
  const routes = Object.entries(SERVICE_ENDPOINTS).map(([service, route]) => ({
    service,
    ...route,
  }));

  return {
    labelNames: ['service', 'endpoint', 'method', ...extra.labelNames],
    knownLabelSets: routes.flatMap((route) =>
      extra.knownLabelSets.map((set) => ({ ...route, ...set })),
    ),
  };
}

/** The `event` label of `sim_telemetry_errors_total`: what telemetry failed to record. */
export const TELEMETRY_EVENTS = [
  'interaction',
  'emergency',
  'request',
  'parental_control',
  'snapshot',
  'state',
] as const;
export type TelemetryEvent = (typeof TELEMETRY_EVENTS)[number];

/**
 * Every metric `sim` exposes: name, help, type, labels, buckets and the label sets known in
 * advance. Rules, dashboards and emitters all read names from here; nothing else spells them.
 */
export const CATALOGUE = {
  // Child safety
  safetyViolations: counter(
    'child_safety_violations_total',
    'Answers the safety screen flagged.',
    labels({ violation_type: VIOLATION_TYPES, severity: SEVERITIES, age_group: AGE_GROUPS }),
  ),
  contentToxicity: histogram(
    'content_toxicity_score',
    'Toxicity (0-1) of each answer, as scored by the safety screen.',
    SCORE_TENTHS,
    labels({ content_type: CONTENT_TYPES, age_group: AGE_GROUPS }),
  ),
  conversationSentiment: gauge(
    'conversation_sentiment',
    'Mean sentiment (-1 to +1) of conversations.',
    labels({ age_group: AGE_GROUPS, interaction_type: INTERACTION_TYPES }),
  ),
  engagementDuration: histogram(
    'child_engagement_duration_seconds',
    'Length of each finished session.',
    [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800],
    labels({ age_group: AGE_GROUPS, interaction_type: INTERACTION_TYPES, success: SUCCESS }),
  ),
  ageAppropriateness: histogram(
    'age_appropriateness_score',
    'How appropriate (0-1) each answer is for the age of the child.',
    [0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1],
    labels({ age_group: AGE_GROUPS }),
  ),
  emergencyActivations: counter(
    'emergency_protocol_activations_total',
    'Emergencies escalated to a person.',
    labels({ trigger_type: TRIGGER_TYPES, age_group: AGE_GROUPS }),
  ),
  emergencyResponseTime: histogram(
    'emergency_response_time_seconds',
    'Time from detecting an emergency to a person answering it.',
    [1, 2, 5, 10, 15, 20, 30, 45, 60],
    labels({ trigger_type: TRIGGER_TYPES }),
  ),
  parentalControlEvents: counter(
    'parental_control_events_total',
    'Parental control decisions.',
    labels({ event_type: PARENTAL_EVENT_TYPES, action: PARENTAL_ACTIONS }),
  ),
  coppaCompliance: gauge(
    'coppa_compliance_score',
    'Share (0-1) of compliance checks passing, per regulation and region.',
    labels({ regulation: REGULATIONS, region: REGIONS }),
  ),
  consentChecks: counter(
    'coppa_consent_checks_total',
    'Parental consent checks made when a session starts.',
    labels({ result: CONSENT_RESULTS }),
  ),
  safetyComplianceRate: gauge(
    'child_safety_compliance_rate',
    'Share (0-1) of interactions meeting the child safety policy.',
    labels({}),
  ),
  filterEffectiveness: histogram(
    'content_filter_effectiveness',
    'Effectiveness (0-1) of the filter that caught an answer.',
    [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99, 1],
    labels({ filter_type: FILTER_TYPES }),
  ),
  retentionLag: gauge(
    'data_retention_lag_hours',
    'How far the data retention purge lags behind.',
    labels({}),
  ),
  // AI performance
  aiResponseTime: histogram(
    'ai_response_time_seconds',
    'Time the AI model took to answer.',
    [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5],
    labels({ model: MODELS, age_group: AGE_GROUPS }),
  ),
  aiAccuracy: histogram(
    'ai_accuracy_score',
    'Accuracy (0-1) of each answer.',
    [0.7, 0.8, 0.85, 0.9, 0.92, 0.95, 0.97, 0.98, 0.99, 1],
    labels({ model: MODELS }),
  ),
  aiTokens: counter(
    'ai_tokens_used_total',
    'Tokens the AI model used.',
    labels({ model: MODELS, interaction_type: INTERACTION_TYPES }),
  ),
  aiCost: counter(
    'ai_inference_cost_usd_total',
    'Cost of AI inference in US dollars.',
    labels({ model: MODELS }),
  ),
  aiQuality: histogram(
    'ai_response_quality_score',
    'Quality (0-1) of each answer.',
    [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1],
    labels({ model: MODELS, age_group: AGE_GROUPS }),
  ),
  aiHallucinations: counter(
    'ai_hallucinations_total',
    'Answers detected as hallucinations.',
    labels({ model: MODELS }),
  ),
  aiAnswers: counter(
    'ai_answers_total',
    'Answers the AI model gave; the denominator of answer shares.',
    labels({ model: MODELS }),
  ),
  // System health
  requests: counter(
    'requests_total',
    'Requests served, by status code.',
    perEndpoint({ status_code: STATUS_CODES }),
  ),
  requestLatency: histogram(
    'request_latency_seconds',
    'Time to serve a request.',
    [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2.5, 5],
    perEndpoint({ status_class: STATUS_CLASSES }),
  ),
  databaseHealth: gauge(
    'database_connection_health',
    'Share (0-1) of healthy database connections.',
    labels({}),
  ),
  cacheHitRate: gauge('cache_hit_rate', 'Share (0-1) of cache lookups that hit.', labels({})),
  cpuUsage: gauge('cpu_usage_ratio', 'Share (0-1) of CPU in use.', labels({})),
  memoryUsage: gauge('memory_usage_ratio', 'Share (0-1) of memory in use.', labels({})),
  diskUsage: gauge('disk_usage_ratio', 'Share (0-1) of disk in use.', labels({})),
  // The simulation itself, for dashboards
  scenarioPhase: gauge(
    'sim_scenario_phase',
    '1 for the scenario phase running now, 0 for the others.',
    labels({ phase: [] }),
  ),
  faultActive: gauge(
    'sim_fault_active',
    '1 while the named fault is active, else 0.',
    labels({ fault: [] }),
  ),
  telemetryErrors: counter(
    'sim_telemetry_errors_total',
    'Events telemetry failed to record; the simulation went on without them.',
    labels({ event: TELEMETRY_EVENTS }),
  ),
};

export type Catalogue = typeof CATALOGUE;
