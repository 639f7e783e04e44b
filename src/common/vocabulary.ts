/** The label values of the AI toy's domain; every emitter, rule and scenario uses these. */
export const AGE_GROUPS = ['3-5', '6-8', '9-12'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const INTERACTION_TYPES = [
  'conversation',
  'storytelling',
  'games',
  'learning',
  'bedtime',
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const MODELS = ['gpt-4', 'claude-sonnet', 'palm-2'] as const;
export type Model = (typeof MODELS)[number];

export const SERVICES = ['ai-service', 'audio-service', 'child-service', 'safety-service'] as const;
export type Service = (typeof SERVICES)[number];

export const VIOLATION_TYPES = [
  'inappropriate_content',
  'personal_info_request',
  'toxic_language',
  'age_inappropriate',
  'emergency_trigger',
  'parental_bypass_attempt',
  'unknown_adult_contact',
] as const;
export type ViolationType = (typeof VIOLATION_TYPES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const TRIGGER_TYPES = [
  'stranger_contact',
  'distress_detected',
  'inappropriate_request',
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export const CONTENT_TYPES = ['response', 'story', 'question'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const FILTER_TYPES = ['keyword', 'classifier', 'age_gate'] as const;
export type FilterType = (typeof FILTER_TYPES)[number];

export const PARENTAL_EVENT_TYPES = ['time_limit', 'content_filter', 'contact_request'] as const;
export type ParentalEventType = (typeof PARENTAL_EVENT_TYPES)[number];

export const PARENTAL_ACTIONS = ['approved', 'denied', 'modified'] as const;
export type ParentalAction = (typeof PARENTAL_ACTIONS)[number];
