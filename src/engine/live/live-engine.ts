import type { Clock } from '../../common/clock.js';
import type { Logger } from '../../common/logger.js';
import { checkScenarioAgainstStack, stackVocabulary } from '../../scenario/check-against-stack.js';
import type { Scenario } from '../../scenario/types.js';
import { faultWindows, phaseWindows } from '../../scenario/windows.js';
import { createAlertmanagerClient, createPrometheusClient } from '../../stack/prometheus-client.js';
import { runSelfCheck } from '../../stack/self-check.js';
import { stackWarnings } from '../../stack/stack-warnings.js';
import { loadStaticStack } from '../../stack/static-stack.js';
import type { Stack, StackSettings, StartedStack } from '../../stack/types.js';
import { createMetrics } from '../../telemetry/metrics.js';
import { createTelemetry } from '../../telemetry/telemetry.js';
import { createTracing, type TracingSummary } from '../../telemetry/tracing.js';
import { createWorld } from '../../world/world.js';
import { pendingExpectations } from '../pending.js';
import type { ProgressListener } from '../progress.js';
import type { AlertTimeline } from '../timeline.js';
import { AlertObserver } from './alert-observer.js';
import { HealthWatch } from './health-watch.js';
import { startMetricsServer, type MetricsServer } from './metrics-server.js';
import { runLoop } from './run-loop.js';
import { WebhookSink, type ReceivedPayload } from './webhook-sink.js';

export interface LiveRunOptions {
  scenario: Scenario;
  /** Shown in errors about the scenario. */
  scenarioFile: string;
  seed: string;
  stack: Stack;
  ruleFiles?: string[];
  /** Where traces are written when no OTLP endpoint is given. */
  reportDir: string;
  otlpEndpoint?: string;
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
  onProgress: ProgressListener;
  /** How long the self-check may wait for the Watchdog and the first scrape. */
  selfCheckTimeoutMs?: number;
}

export interface LiveRunResult {
  timeline: AlertTimeline;
  settings: StackSettings;
  versions: { prometheus: string; alertmanager: string };
  payloads: ReceivedPayload[];
  tracing: TracingSummary;
  /** Rule selectors that match nothing `sim` emits, and routes no alert reaches. */
  warnings: string[];
}

/**
 * Runs a scenario in real time against a started stack: the world's metrics are scraped by the
 * real Prometheus, its alerts routed by the real Alertmanager to `sim`'s own receivers, and
 * every transition and notification lands in one timeline.
 */
export async function runLive(options: LiveRunOptions): Promise<LiveRunResult> {
  const { clock, logger } = options;
  // Rule files and the names expectations use are checked before any process starts.
  const files = await loadStaticStack({ ruleFiles: options.ruleFiles });
  checkScenarioAgainstStack(
    options.scenario,
    stackVocabulary(files.settings),
    options.scenarioFile,
  );
  const metrics = createMetrics();
  const tracing = createTracing({
    otlpEndpoint: options.otlpEndpoint,
    reportDir: options.reportDir,
    seed: options.seed,
    resourceAttributes: { 'sim.scenario': options.scenario.name, 'sim.seed': options.seed },
  });
  const sink = new WebhookSink(clock, logger.child('sink'));
  let server: MetricsServer | undefined;
  let stack: StartedStack | undefined;
  try {
    server = await startMetricsServer(metrics.registry);
    const sinkServer = await sink.start();
    options.onProgress({ type: 'stack-starting', kind: options.stack.kind });
    const startedAt = clock.now();
    stack = await options.stack.start({
      metricsTarget: server.address,
      sinkUrl: `${sinkServer.url}/receivers`,
      ruleFiles: options.ruleFiles,
      logger: logger.child('stack'),
    });
    options.onProgress({
      type: 'stack-ready',
      prometheusUrl: stack.prometheusUrl,
      alertmanagerUrl: stack.alertmanagerUrl,
      versions: stack.versions,
      startupMs: clock.now() - startedAt,
    });
    const run = await observe(options, { stack, server, sink, metrics, tracing });

    return { ...run, warnings: await stackWarnings(files) };
  } finally {
    await stack?.stop();
    await server?.close();
    await sink.stop();
  }
}

interface Parts {
  stack: StartedStack;
  server: MetricsServer;
  sink: WebhookSink;
  metrics: ReturnType<typeof createMetrics>;
  tracing: ReturnType<typeof createTracing>;
}

async function observe(
  options: LiveRunOptions,
  parts: Parts,
): Promise<Omit<LiveRunResult, 'warnings'>> {
  const { clock, logger, scenario } = options;
  const { stack, server, sink } = parts;
  const preflightProblems = await selfCheck(options, stack, sink);
  const originEpochMs = clock.now();
  const timeline: AlertTimeline = {
    startEpochMs: originEpochMs,
    endMs: 0,
    phases: phaseWindows(scenario),
    faults: faultWindows(scenario),
    events: [],
    preflightProblems,
  };
  const observer = createObserver(options, stack, timeline, originEpochMs);
  sink.setOrigin(originEpochMs);
  sink.onNotification((notification) => {
    timeline.events.push(notification);
    options.onProgress({ type: 'notification', notification });
  });
  stack.onUnexpectedExit((reason) => {
    const atMs = clock.now() - originEpochMs;
    timeline.events.push({ kind: 'stack-fault', atMs, reason });
    options.onProgress({ type: 'stack-fault', reason, atMs });
  });
  const world = createWorld({ scenario, seed: options.seed });
  const telemetry = createTelemetry({
    metrics: parts.metrics,
    tracer: parts.tracing.tracer,
    startEpochMs: originEpochMs,
    logger: logger.child('telemetry'),
    phases: timeline.phases.map((p) => p.name),
    faults: timeline.faults.map((f) => f.name),
  });
  const alertmanagerWatch = new HealthWatch({
    name: 'Alertmanager',
    isHealthy: createAlertmanagerClient(stack.alertmanagerUrl, { timeoutMs: 1_000 }).isReady,
    clock,
    originEpochMs,
    onStackFault: (fault) => {
      timeline.events.push(fault);
      options.onProgress({ type: 'stack-fault', reason: fault.reason, atMs: fault.atMs });
    },
  });
  observer.start();
  alertmanagerWatch.start();
  try {
    timeline.endMs = await runLoop({
      scenario,
      phases: timeline.phases,
      faults: timeline.faults,
      clock,
      originEpochMs,
      signal: options.signal,
      onProgress: options.onProgress,
      pending: (atMs) => pendingExpectations(scenario.expectations, timeline, atMs),
      ticker: {
        tick: (atMs) => {
          const conditions = world.conditionsAt(atMs);
          telemetry.setPhase(conditions.phase);
          telemetry.setActiveFaults(conditions.activeFaults);
          server.setUp(conditions.scrapeTargetUp);
          world.advanceTo(atMs, telemetry);
        },
      },
    });
  } finally {
    await Promise.all([observer.stop(), alertmanagerWatch.stop()]);
  }
  timeline.events.sort((a, b) => a.atMs - b.atMs);

  return {
    timeline,
    settings: stack.settings,
    versions: stack.versions,
    payloads: sink.payloads,
    tracing: await parts.tracing.shutdown(),
  };
}

function createObserver(
  options: LiveRunOptions,
  stack: StartedStack,
  timeline: AlertTimeline,
  originEpochMs: number,
): AlertObserver {
  const prometheus = createPrometheusClient(stack.prometheusUrl);

  return new AlertObserver({
    fetchAlerts: () => prometheus.alerts(),
    clock: options.clock,
    logger: options.logger.child('observer'),
    originEpochMs,
    onTransition: (transition) => {
      timeline.events.push(transition);
      options.onProgress({ type: 'alert', transition });
    },
    onStackFault: (fault) => {
      timeline.events.push(fault);
      options.onProgress({ type: 'stack-fault', reason: fault.reason, atMs: fault.atMs });
    },
  });
}

async function selfCheck(
  options: LiveRunOptions,
  stack: StartedStack,
  sink: WebhookSink,
): Promise<string[]> {
  const result = await runSelfCheck({
    prometheus: createPrometheusClient(stack.prometheusUrl),
    waitForWatchdog: (timeoutMs) =>
      sink.waitFor((n) => n.alert === 'Watchdog' && n.status === 'firing', timeoutMs),
    clock: options.clock,
    logger: options.logger.child('self-check'),
    timeoutMs: options.selfCheckTimeoutMs ?? 30_000,
  });
  options.onProgress({ type: 'self-check', ok: result.ok, problems: result.problems });

  return result.problems;
}
