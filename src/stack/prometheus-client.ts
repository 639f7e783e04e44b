import { StackUnreachableError } from '../common/errors.js';
import type { ActiveAlert, BuildInfo, QueryResult, RuleGroup, Targets } from './prometheus-api.js';

export interface HttpClientOptions {
  /** Per request. Default 5 s. */
  timeoutMs?: number;
}

/** A small typed client for the Prometheus HTTP API. Failures throw `StackUnreachableError`. */
export interface PrometheusClient {
  readonly baseUrl: string;
  /** True when /-/ready answers 200; false otherwise, including when nothing listens. */
  isReady(): Promise<boolean>;
  alerts(): Promise<ActiveAlert[]>;
  ruleGroups(): Promise<RuleGroup[]>;
  targets(): Promise<Targets>;
  /** An instant query, at `atMs` (Unix milliseconds) or now. */
  query(expr: string, atMs?: number): Promise<QueryResult>;
  buildInfo(): Promise<BuildInfo>;
}

export interface AlertmanagerClient {
  readonly baseUrl: string;
  isReady(): Promise<boolean>;
}

interface ApiEnvelope<T> {
  status: 'success' | 'error';
  data?: T;
  errorType?: string;
  error?: string;
}

async function isReady(baseUrl: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/-/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();

    return response.ok;
  } catch {
    return false;
  }
}

const HINT = 'check that Prometheus is running and the URL is right';

async function getData<T>(url: string, timeoutMs: number): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new StackUnreachableError(`cannot reach ${url}: ${reason}`, { hint: HINT, cause });
  }
  const envelope = (await response.json().catch(() => undefined)) as ApiEnvelope<T> | undefined;
  if (!response.ok || envelope?.status !== 'success' || envelope.data === undefined) {
    const detail = envelope?.error ?? `HTTP ${response.status}`;
    throw new StackUnreachableError(`${url} answered with an error: ${detail}`, { hint: HINT });
  }

  return envelope.data;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function createPrometheusClient(
  baseUrl: string,
  options: HttpClientOptions = {},
): PrometheusClient {
  const base = trimSlash(baseUrl);
  const timeoutMs = options.timeoutMs ?? 5_000;
  const get = <T>(path: string) => getData<T>(`${base}${path}`, timeoutMs);

  return {
    baseUrl: base,
    isReady: () => isReady(base, timeoutMs),
    alerts: async () => (await get<{ alerts: ActiveAlert[] }>('/api/v1/alerts')).alerts,
    ruleGroups: async () => (await get<{ groups: RuleGroup[] }>('/api/v1/rules')).groups,
    targets: () => get<Targets>('/api/v1/targets'),
    query: (expr, atMs) => {
      const params = new URLSearchParams({ query: expr });
      if (atMs !== undefined) params.set('time', String(atMs / 1_000));

      return get<QueryResult>(`/api/v1/query?${params.toString()}`);
    },
    buildInfo: () => get<BuildInfo>('/api/v1/status/buildinfo'),
  };
}

export function createAlertmanagerClient(
  baseUrl: string,
  options: HttpClientOptions = {},
): AlertmanagerClient {
  const base = trimSlash(baseUrl);

  return { baseUrl: base, isReady: () => isReady(base, options.timeoutMs ?? 5_000) };
}
