import { systemClock, type Clock } from '../common/clock.js';
import { OptionInvalidError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { writeJsonReport } from '../report/json-report.js';
import { createRunId, ReportDir } from '../report/report-dir.js';
import { buildSummary, type RunSummary } from '../report/summary.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { scenarioDurationMs } from '../scenario/windows.js';
import { createLocalStack } from '../stack/local-stack.js';
import type { Stack, StackSettings } from '../stack/types.js';
import { judge } from '../verdict/judge.js';
import type { Verdict } from '../verdict/types.js';
import { runLive } from './live/live-engine.js';
import type { ProgressListener } from './progress.js';
import type { AlertTimeline } from './timeline.js';
import { runVirtual } from './virtual/virtual-engine.js';

export const ENGINES = ['live', 'virtual'] as const;
export type EngineKind = (typeof ENGINES)[number];
export const STACK_KINDS = ['local'] as const;

/** Options of one `sim run`. */
export interface RunScenarioOptions {
  /** A shipped scenario's name or a scenario file's path. */
  scenario: string;
  seed: string;
  engine: EngineKind;
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
  /** The report folder's name; default `<time>-<scenario>-<seed>`. */
  runId?: string;
}

export interface RunScenarioResult {
  summary: RunSummary;
  verdicts: Verdict[];
  reportPath: string;
}

/** What either engine hands back: the timeline and what the report needs besides it. */
export interface EngineRun {
  timeline: AlertTimeline;
  settings: StackSettings;
  versions: { prometheus: string; alertmanager: string };
  payloads: unknown[];
  traces?: { exportedSpans: number; failedExports: number; file?: string };
  /** Virtual runs: per expectation, whether promtool's own encoding of it passed. */
  checksPassed?: (boolean | undefined)[];
  warnings: string[];
}

/** Loads, runs, judges and reports one scenario. Throws a `SimError` for bad input or stack. */
export async function runScenario(options: RunScenarioOptions): Promise<RunScenarioResult> {
  const clock = options.clock ?? systemClock;
  const loaded = await loadScenario(options.scenario);
  const { name, description } = loaded.scenario;
  const { seed, engine } = options;
  const durationMs = scenarioDurationMs(loaded.scenario);
  options.onProgress({ type: 'starting', scenario: name, description, seed, engine, durationMs });
  const startedAt = new Date(clock.now());
  const report = await ReportDir.create(
    options.reportRoot,
    options.runId ?? createRunId(loaded.scenario.name, options.seed, startedAt),
  );
  const { runId } = report;
  try {
    const run = await runEngine(options, loaded, report.stagingPath, clock);
    const verdicts = crossCheck(
      judge(loaded.scenario.expectations, run.timeline, run.settings),
      run.checksPassed,
    );
    const summary = buildSummary({
      runId,
      scenario: loaded.scenario,
      scenarioFile: loaded.file,
      options,
      startedAt,
      run,
      verdicts,
    });
    await writeJsonReport(report, summary, run.timeline, run.payloads);

    return { summary, verdicts, reportPath: await report.commit() };
  } catch (error) {
    await report.discard();
    throw error;
  }
}

function runEngine(
  options: RunScenarioOptions,
  { scenario, file }: LoadedScenario,
  outDir: string,
  clock: Clock,
): Promise<EngineRun> {
  const common = { scenario, scenarioFile: file, seed: options.seed, ruleFiles: options.ruleFiles };
  if (options.engine === 'virtual') {
    return runVirtual({
      ...common,
      outDir,
      logger: options.logger,
      onProgress: options.onProgress,
    }).then((run) => ({
      ...run,
      payloads: [],
    }));
  }

  return runLive({
    ...common,
    stack: createStack(options.stack),
    reportDir: outDir,
    otlpEndpoint: options.otlpEndpoint,
    clock,
    logger: options.logger,
    signal: options.signal,
    onProgress: options.onProgress,
  }).then((run) => ({ ...run, traces: run.tracing }));
}

/**
 * In virtual runs promtool also checks each expectation on its own terms; a pass the check does
 * not confirm is not trusted.
 */
function crossCheck(
  verdicts: Verdict[],
  checksPassed: (boolean | undefined)[] | undefined,
): Verdict[] {
  return verdicts.map((verdict, index) =>
    verdict.outcome === 'pass' && checksPassed?.[index] === false
      ? {
          ...verdict,
          outcome: 'inconclusive',
          reason: `${verdict.reason}, but promtool's own check of this expectation failed`,
        }
      : verdict,
  );
}

function createStack(kind: string): Stack {
  if (kind === 'local') return createLocalStack();
  throw new OptionInvalidError(`--stack ${kind} is not available`, {
    hint: `use one of: ${STACK_KINDS.join(', ')}`,
  });
}
