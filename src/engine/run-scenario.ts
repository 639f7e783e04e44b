import { systemClock, type Clock } from '../common/clock.js';
import { OptionInvalidError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { writeJsonReport } from '../report/json-report.js';
import { createRunId, ReportDir } from '../report/report-dir.js';
import {
  alertLifecycles,
  countNotifications,
  countOutcomes,
  overallOutcome,
  summarizeVerdict,
  type RunSummary,
} from '../report/summary.js';
import { loadScenario } from '../scenario/load.js';
import { createLocalStack } from '../stack/local-stack.js';
import type { Stack } from '../stack/types.js';
import { judge } from '../verdict/judge.js';
import type { Verdict } from '../verdict/types.js';
import { runLive } from './live/live-engine.js';
import type { ProgressListener } from './progress.js';

export const ENGINES = ['live'] as const;
export const STACK_KINDS = ['local'] as const;

/** Options of one `sim run`. */
export interface RunScenarioOptions {
  /** A shipped scenario's name or a scenario file's path. */
  scenario: string;
  seed: string;
  engine: (typeof ENGINES)[number];
  stack: (typeof STACK_KINDS)[number];
  /** Rule files to load instead of the shipped ones. */
  ruleFiles?: string[];
  /** Folder under which `<run-id>/` is written. */
  reportRoot: string;
  otlpEndpoint?: string;
  logger: Logger;
  signal: AbortSignal;
  onProgress: ProgressListener;
  clock?: Clock;
}

export interface RunScenarioResult {
  summary: RunSummary;
  verdicts: Verdict[];
  reportPath: string;
}

/** Loads, runs, judges and reports one scenario. Throws a `SimError` for bad input or stack. */
export async function runScenario(options: RunScenarioOptions): Promise<RunScenarioResult> {
  const clock = options.clock ?? systemClock;
  const { scenario, file } = await loadScenario(options.scenario);
  const startedAt = new Date(clock.now());
  const runId = createRunId(scenario.name, options.seed, startedAt);
  const report = await ReportDir.create(options.reportRoot, runId);
  try {
    const result = await runLive({
      scenario,
      scenarioFile: file,
      seed: options.seed,
      stack: createStack(options.stack),
      ruleFiles: options.ruleFiles,
      reportDir: report.stagingPath,
      otlpEndpoint: options.otlpEndpoint,
      clock,
      logger: options.logger,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    const verdicts = judge(scenario.expectations, result.timeline, result.settings);
    const summary: RunSummary = {
      runId,
      scenario: scenario.name,
      description: scenario.description,
      seed: options.seed,
      engine: options.engine,
      stack: {
        kind: options.stack,
        versions: result.versions,
        scrapeIntervalMs: result.settings.scrapeIntervalMs,
        evaluationIntervalMs: result.settings.evaluationIntervalMs,
      },
      startedAt: startedAt.toISOString(),
      durationMs: result.timeline.endMs,
      outcome: overallOutcome(verdicts),
      counts: countOutcomes(verdicts),
      preflightProblems: result.timeline.preflightProblems,
      expectations: verdicts.map(summarizeVerdict),
      alerts: alertLifecycles(result.timeline),
      notificationsByReceiver: countNotifications(result.timeline),
      traces: result.tracing,
    };
    await writeJsonReport(report, summary, result.timeline, result.payloads);

    return { summary, verdicts, reportPath: await report.commit() };
  } catch (error) {
    await report.discard();
    throw error;
  }
}

function createStack(kind: string): Stack {
  if (kind === 'local') return createLocalStack();
  throw new OptionInvalidError(`--stack ${kind} is not available`, {
    hint: `use one of: ${STACK_KINDS.join(', ')}`,
  });
}
