import { basename } from 'node:path';
import { SIM_VERSION } from '../common/version.js';
import type { EngineRun, RunScenarioOptions } from '../engine/run-scenario.js';
import type { AlertTimeline, Labels } from '../engine/timeline.js';
import type { Scenario } from '../scenario/types.js';
import { alertKey } from '../engine/timeline.js';
import type { Outcome, Verdict } from '../verdict/types.js';

/** `summary.json`: everything a person or a pipeline needs to know about one run. */
export interface RunSummary {
  runId: string;
  /** Version of `sim` that wrote this summary. */
  simVersion: string;
  scenario: string;
  /** The scenario module, as it was given. */
  scenarioFile: string;
  /** Rule files given with `--rules`; null when the stack's own were used. */
  ruleFiles: string[] | null;
  description: string;
  seed: string;
  engine: 'live' | 'virtual';
  stack: {
    kind: string;
    versions: { prometheus: string; alertmanager: string };
    scrapeIntervalMs: number;
    evaluationIntervalMs: number;
  };
  startedAt: string;
  /** Scenario time observed, from the first phase to the last observation. */
  durationMs: number;
  outcome: Outcome;
  counts: Record<Outcome, number>;
  preflightProblems: string[];
  expectations: ExpectationSummary[];
  alerts: AlertLifecycle[];
  notificationsByReceiver: Record<string, number>;
  /** Live runs only; `file` is relative to the report folder. */
  traces: { exportedSpans: number; failedExports: number; file?: string } | null;
  /** Things a person should look at that do not decide a verdict, such as unread metrics. */
  warnings: string[];
}

export interface ExpectationSummary {
  subject: string;
  expect: 'fires' | 'silent' | 'resolves';
  alert: string | null;
  labels: Labels;
  /** Silent expectations: the alert names allowed to fire, and the phase judged (null: all). */
  except: string[];
  during: string | null;
  outcome: Outcome;
  reason: string;
  receiver: string | null;
  slaMs: number | null;
  predictedMs: number | null;
  measuredMs: { firing: number | null; notification: number | null; resolved: number | null };
  evidence: { alert: string; labels: Labels; atMs: number }[];
}

/** One alert instance across the run: when it went pending, fired and resolved. */
export interface AlertLifecycle {
  alert: string;
  labels: Labels;
  pendingAtMs: number | null;
  firingAtMs: number | null;
  resolvedAtMs: number | null;
  receivers: string[];
}

/** A run passes only when every verdict passes; any failure outweighs an inconclusive one. */
export function overallOutcome(verdicts: Verdict[]): Outcome {
  if (verdicts.some((v) => v.outcome === 'fail')) return 'fail';
  if (verdicts.some((v) => v.outcome === 'inconclusive')) return 'inconclusive';

  return 'pass';
}

export function summarizeVerdict(verdict: Verdict): ExpectationSummary {
  const { expectation, measured } = verdict;

  return {
    subject: verdict.subject,
    expect: expectation.expect,
    alert: expectation.alert ?? null,
    labels: expectation.labels ?? {},
    except: expectation.expect === 'silent' ? (expectation.except ?? []) : [],
    during: expectation.expect === 'silent' ? (expectation.during ?? null) : null,
    outcome: verdict.outcome,
    reason: verdict.reason,
    receiver: verdict.receiver ?? null,
    slaMs: verdict.slaMs ?? null,
    predictedMs: verdict.predictedMs ?? null,
    measuredMs: {
      firing: measured.firingMs ?? null,
      notification: measured.notifiedMs ?? null,
      resolved: measured.resolvedMs ?? null,
    },
    evidence: verdict.evidence,
  };
}

/** Folds the timeline into one lifecycle per alert instance, in order of first appearance. */
export function alertLifecycles(timeline: AlertTimeline): AlertLifecycle[] {
  const byKey = new Map<string, AlertLifecycle>();
  const lifecycle = (alert: string, labels: Labels) => {
    const key = alertKey(alert, labels);
    const existing = byKey.get(key);
    if (existing !== undefined) return existing;
    const created: AlertLifecycle = {
      alert,
      labels,
      pendingAtMs: null,
      firingAtMs: null,
      resolvedAtMs: null,
      receivers: [],
    };
    byKey.set(key, created);

    return created;
  };
  for (const event of timeline.events) {
    if (event.kind === 'stack-fault') continue;
    const entry = lifecycle(event.alert, event.labels);
    if (event.kind === 'notification') {
      if (!entry.receivers.includes(event.receiver)) entry.receivers.push(event.receiver);
    } else if (event.state === 'pending') entry.pendingAtMs ??= event.atMs;
    else if (event.state === 'firing') entry.firingAtMs ??= event.atMs;
    else if (event.state === 'resolved') entry.resolvedAtMs = event.atMs;
  }

  return [...byKey.values()];
}

export function countNotifications(timeline: AlertTimeline): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of timeline.events) {
    if (event.kind === 'notification') counts[event.receiver] = (counts[event.receiver] ?? 0) + 1;
  }

  return counts;
}

export function countOutcomes(verdicts: Verdict[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, inconclusive: 0 };
  for (const verdict of verdicts) counts[verdict.outcome] += 1;

  return counts;
}

export function buildSummary(input: {
  runId: string;
  scenario: Scenario;
  scenarioFile: string;
  options: Pick<RunScenarioOptions, 'seed' | 'engine' | 'stack' | 'ruleFiles'>;
  startedAt: Date;
  run: EngineRun;
  verdicts: Verdict[];
}): RunSummary {
  const { run, verdicts, scenario, options } = input;

  const traces = run.traces && {
    ...run.traces,
    file: run.traces.file === undefined ? undefined : basename(run.traces.file),
  };

  return {
    runId: input.runId,
    simVersion: SIM_VERSION,
    scenario: scenario.name,
    scenarioFile: input.scenarioFile,
    ruleFiles: options.ruleFiles ?? null,
    description: scenario.description,
    seed: options.seed,
    engine: options.engine,
    stack: {
      kind: options.engine === 'virtual' ? 'promtool' : options.stack,
      versions: run.versions,
      scrapeIntervalMs: run.settings.scrapeIntervalMs,
      evaluationIntervalMs: run.settings.evaluationIntervalMs,
    },
    startedAt: input.startedAt.toISOString(),
    durationMs: run.timeline.endMs,
    outcome: overallOutcome(verdicts),
    counts: countOutcomes(verdicts),
    preflightProblems: run.timeline.preflightProblems,
    expectations: verdicts.map(summarizeVerdict),
    alerts: alertLifecycles(run.timeline),
    notificationsByReceiver: countNotifications(run.timeline),
    traces: traces ?? null,
    warnings: run.warnings,
  };
}
