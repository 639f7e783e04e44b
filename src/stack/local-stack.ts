import { rm } from 'node:fs/promises';
import { systemClock, type Clock } from '../common/clock.js';
import { formatSeconds } from '../common/duration.js';
import { StackStartError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { findStackBinaries, readStackVersions, type StackBinaries } from './binaries.js';
import { findFreePorts } from './free-port.js';
import { startManagedProcess, type ManagedProcess, type ProcessExit } from './managed-process.js';
import { pollUntil } from './poll-until.js';
import { trackTempDir } from './process-registry.js';
import { createAlertmanagerClient, createPrometheusClient } from './prometheus-client.js';
import { renderStackConfig, type RenderedStack } from './render.js';
import { readStackSettings } from './stack-settings.js';
import type { Stack, StackOptions, StartedStack } from './types.js';

export interface LocalStackOptions {
  clock?: Clock;
  /** Where to look for the binaries. Default: the PATH of this process. */
  path?: string;
  /** Folder holding prometheus/ and alertmanager/. Default: the repository's `stack/`. */
  stackDir?: string;
  /** Where the temporary config and data folder is made. Default: the system's temp folder. */
  tempDir?: string;
  /** How long each process may take to become ready. Default 30 s. */
  startTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL. Default 3 s. */
  stopGraceMs?: number;
}

/** A running local stack; `configDir` and `processIds` exist for diagnostics and tests. */
export interface LocalStartedStack extends StartedStack {
  readonly configDir: string;
  readonly processIds: number[];
}

export interface LocalStack extends Stack {
  readonly kind: 'local';
  start(options: StackOptions): Promise<LocalStartedStack>;
}

type ResolvedOptions = Required<Omit<LocalStackOptions, 'stackDir' | 'tempDir'>> &
  Pick<LocalStackOptions, 'stackDir' | 'tempDir'>;

interface Running {
  prometheus: ManagedProcess;
  alertmanager: ManagedProcess;
  rendered: RenderedStack;
  prometheusUrl: string;
  alertmanagerUrl: string;
  stop: () => Promise<void>;
}

/**
 * The default backend: `prometheus` and `prometheus-alertmanager` from PATH, on free loopback
 * ports, with configs rendered from `stack/` into a temporary folder. Nothing outlives `sim`:
 * the processes are killed on `stop()`, on failure, on exit and on Ctrl-C.
 */
export function createLocalStack(options: LocalStackOptions = {}): LocalStack {
  const settings: ResolvedOptions = {
    clock: options.clock ?? systemClock,
    path: options.path ?? process.env['PATH'] ?? '',
    stackDir: options.stackDir,
    tempDir: options.tempDir,
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
    stopGraceMs: options.stopGraceMs ?? 3_000,
  };

  return { kind: 'local', start: (stackOptions) => startLocalStack(stackOptions, settings) };
}

async function startLocalStack(
  options: StackOptions,
  settings: ResolvedOptions,
): Promise<LocalStartedStack> {
  const logger = options.logger.child('stack');
  const startedAtMs = settings.clock.now();
  const binaries = await findStackBinaries(settings.path);
  const versions = await readStackVersions(binaries);
  const [prometheusPort, alertmanagerPort] = await findFreePorts(2);
  const rendered = await renderStackConfig({
    metricsTarget: options.metricsTarget,
    alertmanagerTarget: `127.0.0.1:${alertmanagerPort}`,
    sinkUrl: options.sinkUrl,
    ruleFiles: options.ruleFiles,
    tools: binaries,
    stackDir: settings.stackDir,
    tempDir: settings.tempDir,
    logger,
  });
  const running = spawnStack(
    binaries,
    rendered,
    [prometheusPort!, alertmanagerPort!],
    settings,
    logger,
  );
  const prometheus = createPrometheusClient(running.prometheusUrl);
  const alertmanager = createAlertmanagerClient(running.alertmanagerUrl);
  try {
    await Promise.all([
      waitUntilReady(running.prometheus, prometheus, settings),
      waitUntilReady(running.alertmanager, alertmanager, settings),
    ]);
    const stackSettings = await readStackSettings(prometheus, rendered);
    logger.debug('local stack ready', { ms: settings.clock.now() - startedAtMs, versions });

    return startedStack(running, { versions, settings: stackSettings });
  } catch (error) {
    await running.stop();
    throw error;
  }
}

function spawnStack(
  binaries: StackBinaries,
  rendered: RenderedStack,
  [prometheusPort, alertmanagerPort]: [number, number],
  settings: ResolvedOptions,
  logger: Logger,
): Running {
  const { clock } = settings;
  const untrackDir = trackTempDir(rendered.dir);
  const alertmanager = startManagedProcess({
    name: 'alertmanager',
    command: binaries.alertmanager,
    args: [
      `--config.file=${rendered.alertmanagerConfigFile}`,
      `--storage.path=${rendered.alertmanagerDataDir}`,
      `--web.listen-address=127.0.0.1:${alertmanagerPort}`,
      // Clustering off: a lone clustered Alertmanager holds every notification for 10 s.
      '--cluster.listen-address=',
    ],
    clock,
    logger,
  });
  const prometheus = startManagedProcess({
    name: 'prometheus',
    command: binaries.prometheus,
    args: [
      `--config.file=${rendered.prometheusConfigFile}`,
      `--storage.tsdb.path=${rendered.prometheusDataDir}`,
      `--web.listen-address=127.0.0.1:${prometheusPort}`,
      // Prometheus drops the alerts that fire before it has discovered the Alertmanager (about
      // 5 s after start) and by default sends them again only a minute later, so the Watchdog
      // would reach the sink a minute late. Resending at every evaluation closes that gap; the
      // first notification of any alert is sent when it starts firing either way.
      '--rules.alert.resend-delay=1s',
    ],
    clock,
    logger,
  });
  let stopped: Promise<void> | undefined;
  const stopAll = async () => {
    try {
      await Promise.all([
        prometheus.stop(settings.stopGraceMs),
        alertmanager.stop(settings.stopGraceMs),
      ]);
      await rm(rendered.dir, { recursive: true, force: true });
      untrackDir();
    } catch (error) {
      logger.warn('stopping the local stack failed', { error: String(error) });
    }
  };

  return {
    prometheus,
    alertmanager,
    rendered,
    prometheusUrl: `http://127.0.0.1:${prometheusPort}`,
    alertmanagerUrl: `http://127.0.0.1:${alertmanagerPort}`,
    stop: () => (stopped ??= stopAll()),
  };
}

export function describeExit(exit: ProcessExit): string {
  if (exit.error !== undefined) return `failed to start (${exit.error.message})`;
  if (exit.signal !== null) return `was killed by ${exit.signal}`;

  return `exited with code ${exit.code}`;
}

function startError(child: ManagedProcess, what: string): StackStartError {
  const tail = child.stderrTail().slice(-10);
  const lines =
    tail.length === 0
      ? ' (nothing on stderr)'
      : `; its last stderr lines:\n${tail.map((line) => `  ${line}`).join('\n')}`;

  return new StackStartError(`${child.name} ${what}${lines}`, {
    hint: `run with DEBUG=sim:stack:* to see all of its output`,
  });
}

async function waitUntilReady(
  child: ManagedProcess,
  client: { baseUrl: string; isReady(): Promise<boolean> },
  settings: ResolvedOptions,
): Promise<void> {
  const exitSeen = new AbortController();
  void child.exited.then(() => exitSeen.abort());
  const ready = await pollUntil(() => client.isReady(), {
    clock: settings.clock,
    timeoutMs: settings.startTimeoutMs,
    intervalMs: 50,
    signal: exitSeen.signal,
  });
  if (ready) return;
  if (!child.isRunning()) {
    throw startError(child, `${describeExit(await child.exited)} before it was ready`);
  }
  const within = formatSeconds(settings.startTimeoutMs);
  throw startError(child, `was not ready at ${client.baseUrl} within ${within}`);
}

function startedStack(
  running: Running,
  facts: Pick<StartedStack, 'versions' | 'settings'>,
): LocalStartedStack {
  let stopping = false;
  let exitReason: string | undefined;
  const listeners = new Set<(reason: string) => void>();
  for (const child of [running.prometheus, running.alertmanager]) {
    void child.exited.then((exit) => {
      if (stopping || exitReason !== undefined) return;
      const lastLine = child.stderrTail().at(-1);
      const detail = lastLine === undefined ? '' : `: ${lastLine}`;
      exitReason = `${child.name} ${describeExit(exit)}${detail}`;
      for (const listener of listeners) listener(exitReason);
      listeners.clear();
    });
  }

  return {
    ...facts,
    prometheusUrl: running.prometheusUrl,
    alertmanagerUrl: running.alertmanagerUrl,
    configDir: running.rendered.dir,
    processIds: [running.prometheus.pid, running.alertmanager.pid].filter(
      (pid) => pid !== undefined,
    ),
    onUnexpectedExit: (listener) => {
      if (exitReason !== undefined) listener(exitReason);
      else listeners.add(listener);
    },
    stop: () => {
      stopping = true;

      return running.stop();
    },
  };
}
