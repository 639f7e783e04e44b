import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { trace } from '@opentelemetry/api';
import type { Logger } from '../../common/logger.js';
import { checkScenarioAgainstStack, stackVocabulary } from '../../scenario/check-against-stack.js';
import type { Scenario } from '../../scenario/types.js';
import {
  expectationDeadline,
  faultWindows,
  phaseWindows,
  scenarioDurationMs,
} from '../../scenario/windows.js';
import { routeReceivers } from '../../stack/alert-routing.js';
import type { StackSettings } from '../../stack/types.js';
import { createMetrics } from '../../telemetry/metrics.js';
import { createTelemetry } from '../../telemetry/telemetry.js';
import { createWorld } from '../../world/world.js';
import type { ProgressListener } from '../progress.js';
import { alertKey, type AlertTimeline, type Labels } from '../timeline.js';
import {
  predictedNotifications,
  transitionsFromProbes,
  type ProbeSample,
} from './probe-timeline.js';
import { bucketFilterFor, metricFilterFor } from './promql-selectors.js';
import type { PromtoolTestReport } from './promtool-output.js';
import { runPromtoolTests } from './promtool-runner.js';
import {
  alertProbes,
  expectationChecks,
  type ExpectationCheck,
  type Probe,
} from './promtool-tests.js';
import { SeriesRecorder } from './series-recorder.js';
import { stackWarnings } from '../../stack/stack-warnings.js';
import { loadStaticStack, type StaticStack } from '../../stack/static-stack.js';
import { renderTestFile } from './test-file.js';

/** Where scenario time 0 sits on the calendar in virtual runs: fixed, so runs repeat exactly. */
const VIRTUAL_EPOCH_MS = Date.UTC(2026, 0, 5);

export interface VirtualRunOptions {
  scenario: Scenario;
  scenarioFile: string;
  seed: string;
  ruleFiles?: string[];
  /** Where the generated promtool file is written. */
  outDir: string;
  logger: Logger;
  onProgress: ProgressListener;
}

export interface VirtualRunResult {
  timeline: AlertTimeline;
  settings: StackSettings;
  versions: { prometheus: string; alertmanager: string };
  testFile: string;
  /** Per expectation, whether promtool's own check of it passed (undefined: none encodes it). */
  checksPassed: (boolean | undefined)[];
  /** Rule selectors that match nothing `sim` emits, and routes no alert reaches. */
  warnings: string[];
}

/**
 * Runs a scenario in stepped time and lets the real rule engine judge it: the world is recorded
 * at every scrape step, compiled with the production rule files into one `promtool test rules`
 * file, and the alerts' first and last firing times are read back from promtool's own output.
 */
export async function runVirtual(options: VirtualRunOptions): Promise<VirtualRunResult> {
  const testFile = join(options.outDir, 'alerts.promtool.yml');
  const compiled = await compileScenario(options, { file: testFile, probes: true });
  await writeFile(testFile, compiled.text);
  options.onProgress({
    type: 'evaluating',
    series: compiled.seriesCount,
    steps: compiled.steps,
    file: testFile,
  });
  const { stack, endMs, checks, probes } = compiled;
  const report = await runPromtoolTests(stack.promtool, testFile);
  const timeline = await buildTimeline(options.scenario, stack, report, probes, endMs);

  return {
    timeline,
    settings: stack.settings,
    versions: { prometheus: `promtool ${report.version}`, alertmanager: 'amtool' },
    testFile,
    checksPassed: options.scenario.expectations.map((_, index) =>
      checkOutcome(checks, report, index),
    ),
    warnings: await stackWarnings(compiled.stack),
  };
}

export interface CompileOptions {
  scenario: Scenario;
  scenarioFile: string;
  seed: string;
  ruleFiles?: string[];
  logger: Logger;
  onProgress: ProgressListener;
}

interface CompiledScenario {
  text: string;
  stack: StaticStack;
  endMs: number;
  checks: ExpectationCheck[];
  probes: Probe[];
  seriesCount: number;
  steps: number;
}

/**
 * Records the scenario in stepped time and renders the promtool test file. With `probes` off, the
 * file holds only the checks that encode the expectations: it passes alone when they hold.
 */
export async function compileScenario(
  options: CompileOptions,
  output: { file: string; probes: boolean },
): Promise<CompiledScenario> {
  const stack = await loadStaticStack({ ruleFiles: options.ruleFiles });
  const { settings } = stack;
  checkScenarioAgainstStack(options.scenario, stackVocabulary(settings), options.scenarioFile);
  const endMs = virtualEndMs(options.scenario, settings.scrapeIntervalMs);
  const recording = await record(options, stack, endMs);
  const windows = [...faultWindows(options.scenario), ...phaseWindows(options.scenario)];
  const checks = expectationChecks(options.scenario.expectations, windows, settings, endMs);
  const probes = output.probes ? alertProbes(endMs, settings.evaluationIntervalMs) : [];
  const text = renderTestFile({
    header: testFileHeader(options),
    ruleFiles: stack.ruleFiles,
    evaluationIntervalMs: settings.evaluationIntervalMs,
    scrapeIntervalMs: settings.scrapeIntervalMs,
    series: recording.series,
    rawSeries: options.scenario.rawSeries,
    tests: [...checks, ...probes],
    file: output.file,
  });

  return {
    text,
    stack,
    endMs,
    checks,
    probes,
    seriesCount: recording.series.length,
    steps: recording.steps,
  };
}

/** The scenario's own length, or longer while an expectation's SLA still runs. */
export function virtualEndMs(scenario: Scenario, stepMs: number): number {
  const windows = [...faultWindows(scenario), ...phaseWindows(scenario)];
  const deadlines = scenario.expectations.flatMap((e) => {
    const deadline = expectationDeadline(e, windows);
    return deadline === undefined ? [] : [deadline.dueMs];
  });
  const endMs = Math.max(scenarioDurationMs(scenario), ...deadlines);

  return Math.ceil(endMs / stepMs) * stepMs;
}

function testFileHeader(options: CompileOptions): string[] {
  return [
    `Generated by sim from ${options.scenarioFile} with seed ${options.seed}.`,
    'The series are the simulated AI toy as Prometheus would have scraped it; the rule files are',
    'the production ones, unchanged. Each check below encodes one expectation of the scenario:',
    "when and whether an alert fires. Who is notified is Alertmanager's to decide, which promtool",
    'does not run: `sim run` judges that.',
    'Run it with: promtool test rules <this file>',
  ];
}

async function record(
  options: CompileOptions,
  stack: StaticStack,
  endMs: number,
): Promise<{ series: ReturnType<SeriesRecorder['recorded']>; steps: number }> {
  const metrics = createMetrics();
  const recorder = new SeriesRecorder(
    metrics.registry,
    metricFilterFor(stack.expressions),
    bucketFilterFor(stack.expressions),
  );
  const world = createWorld({
    scenario: options.scenario,
    seed: options.seed,
    startEpochMs: VIRTUAL_EPOCH_MS,
  });
  const telemetry = createTelemetry({
    metrics,
    tracer: trace.getTracer('sim-virtual'),
    startEpochMs: VIRTUAL_EPOCH_MS,
    logger: options.logger.child('telemetry'),
  });
  const stepMs = stack.settings.scrapeIntervalMs;
  let lastReportMs = performance.now();
  for (let atMs = 0; atMs <= endMs; atMs += stepMs) {
    const conditions = world.conditionsAt(atMs);
    telemetry.setPhase(conditions.phase);
    telemetry.setActiveFaults(conditions.activeFaults);
    world.advanceTo(atMs, telemetry);
    await recorder.scrape(conditions.scrapeTargetUp);
    // A long recording reports about once a second; a short one stays quiet.
    if (performance.now() - lastReportMs >= 1_000) {
      options.onProgress({ type: 'recording', atMs, endMs });
      lastReportMs = performance.now();
    }
  }
  return { series: recorder.recorded(), steps: recorder.stepCount };
}

async function buildTimeline(
  scenario: Scenario,
  stack: StaticStack,
  report: PromtoolTestReport,
  probes: Probe[],
  endMs: number,
): Promise<AlertTimeline> {
  const samples: ProbeSample[] = probes.flatMap((probe) =>
    gotFor(report, probe).map((sample) => ({
      kind: probe.kind,
      labels: sample.labels,
      value: sample.value,
    })),
  );
  const transitions = transitionsFromProbes(samples, stack.settings.rules, endMs);
  const routes = new Map<string, Promise<string[]>>();
  const route = (labels: Labels) => {
    const key = alertKey(labels['alertname'] ?? '', labels);
    if (!routes.has(key))
      routes.set(key, routeReceivers(stack.amtool, stack.alertmanagerConfigFile, labels));
    return routes.get(key)!;
  };
  const notifications = await predictedNotifications(
    transitions,
    route,
    stack.settings.groupWaitMsByReceiver,
    stack.inhibitRules,
  );

  return {
    startEpochMs: 0,
    endMs,
    phases: phaseWindows(scenario),
    faults: faultWindows(scenario),
    events: [...transitions, ...notifications].sort((a, b) => a.atMs - b.atMs),
    preflightProblems: [],
  };
}

function gotFor(report: PromtoolTestReport, test: { expr: string; evalTimeMs: number }) {
  const failure = report.failures.find(
    (f) => f.kind === 'expr' && f.expr === test.expr && f.evalTimeMs === test.evalTimeMs,
  );

  return failure?.kind === 'expr' ? failure.got : [];
}

function checkOutcome(
  checks: ExpectationCheck[],
  report: PromtoolTestReport,
  index: number,
): boolean | undefined {
  const own = checks.filter((check) => check.expectationIndex === index);
  if (own.length === 0) return undefined;

  return own.every(
    (check) =>
      !report.failures.some(
        (f) => f.kind === 'expr' && f.expr === check.expr && f.evalTimeMs === check.evalTimeMs,
      ),
  );
}
