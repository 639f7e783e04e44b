import type { Service } from '../common/vocabulary.js';

/**
 * Label values the world emits beyond the shared vocabulary in src/common/vocabulary.ts. The
 * metric catalogue pre-initialises its series from these, so they are the one list of each.
 */
export const SERVICE_ENDPOINTS: Record<Service, { endpoint: string; method: string }> = {
  'ai-service': { endpoint: '/v1/respond', method: 'POST' },
  'audio-service': { endpoint: '/v1/transcribe', method: 'POST' },
  'child-service': { endpoint: '/v1/profile', method: 'GET' },
  'safety-service': { endpoint: '/v1/screen', method: 'POST' },
};

/** Every status code a simulated request ends with. */
export const STATUS_CODES = [200, 500, 503] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

export const REGULATIONS = ['coppa', 'gdpr-k'] as const;
export const REGIONS = ['us', 'eu'] as const;

export const CONSENT_RESULTS = ['passed', 'failed'] as const;
export type ConsentResult = (typeof CONSENT_RESULTS)[number];
