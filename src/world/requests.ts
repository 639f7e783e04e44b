import { SERVICES, type Service } from '../common/vocabulary.js';
import type { ActiveFaults } from './faults.js';
import type { RandomStream } from './random.js';
import type { ServiceRequest } from './types.js';
import { SERVICE_ENDPOINTS, type StatusCode } from './vocabulary.js';

/**
 * Request latency per service. `/v1/respond` streams the answer, so its latency is the time to
 * the first byte, not the model's whole answer time (that is `ai_response_time_seconds`).
 */
const LATENCY: Record<Service, { medianMs: number; sigma: number }> = {
  'ai-service': { medianMs: 60, sigma: 0.5 },
  'audio-service': { medianMs: 40, sigma: 0.5 },
  'child-service': { medianMs: 8, sigma: 0.6 },
  'safety-service': { medianMs: 25, sigma: 0.5 },
};
/** Half the error budget of the 99.9 % availability SLO: a single 5xx now and then. */
const BASELINE_ERROR_SHARE = 0.000_5;
const ERROR_STATUS_WEIGHTS: Partial<Record<`${StatusCode}`, number>> = { '500': 0.6, '503': 0.4 };
const AUDIO_SHARE = 0.8;
const PROFILE_SHARE_AFTER_FIRST = 0.2;

/**
 * The 2 to 4 requests behind one interaction: the answer and its screening always, the audio
 * transcription for spoken turns, the child's profile at a session's start and now and then.
 */
export function drawRequests(
  random: RandomStream,
  atMs: number,
  isFirstTurn: boolean,
  active: ActiveFaults,
): ServiceRequest[] {
  const requests: ServiceRequest[] = [];
  for (const service of SERVICES) {
    const share = inclusionShare(service, isFirstTurn);
    const included = random.bernoulli(share);
    const { medianMs, sigma } = LATENCY[service];
    const latencyMs = random.logNormal(medianMs, sigma) * latencyFactor(service, active);
    const failed = random.bernoulli(BASELINE_ERROR_SHARE);
    const baselineStatus = Number(random.weighted(ERROR_STATUS_WEIGHTS));
    if (!included) continue;

    const { endpoint, method } = SERVICE_ENDPOINTS[service];
    const statusCode = faultStatus(service, active) ?? (failed ? baselineStatus : 200);
    requests.push({ atMs, service, endpoint, method, statusCode, latencyMs });
  }

  return requests;
}

function inclusionShare(service: Service, isFirstTurn: boolean): number {
  if (service === 'audio-service') return AUDIO_SHARE;
  if (service === 'child-service') return isFirstTurn ? 1 : PROFILE_SHARE_AFTER_FIRST;

  return 1;
}

function latencyFactor(service: Service, active: ActiveFaults): number {
  let factor = 1;
  for (const fault of active.of('service-latency')) {
    if (fault.effect.service === service) factor *= fault.effect.multiplier;
  }
  if (service === 'child-service') {
    // Profiles come from the database: unhealthy connections mean waits and retries.
    for (const fault of active.of('database-degraded')) {
      factor *= 1 + 3 * (1 - fault.effect.connectionHealth);
    }
  }

  return factor;
}

/**
 * The status set by the first active service-errors fault of this service: its share replaces
 * the baseline's, so `errorShare: 0` gives a clean service. Undefined when no fault applies.
 */
function faultStatus(service: Service, active: ActiveFaults): number | undefined {
  const fault = active.of('service-errors').find((f) => f.effect.service === service);
  if (fault === undefined) return undefined;

  return fault.random.bernoulli(fault.effect.errorShare)
    ? Number(fault.random.weighted(ERROR_STATUS_WEIGHTS))
    : 200;
}
