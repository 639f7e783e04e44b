import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { SimError, INTERNAL_ERROR_EXIT_CODE } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { buildCoverage, type CoverageReport } from '../report/coverage.js';
import { renderJunit } from '../report/junit-report.js';
import { createRunId, ReportDir } from '../report/report-dir.js';
import type { RunSummary } from '../report/summary.js';
import { listScenarioNames } from '../scenario/load.js';
import { loadStaticStack } from '../stack/static-stack.js';
import type { Outcome } from '../verdict/types.js';
import type { ProgressEvent } from './progress.js';
import { runScenario } from './run-scenario.js';

export interface SuiteOptions {
  seed: string;
  /** Scenarios to run; every shipped one when left out. */
  scenarios?: string[];
  /** promtool processes at once; default the number of cores. */
  concurrency?: number;
  ruleFiles?: string[];
  reportRoot: string;
  logger: Logger;
  signal: AbortSignal;
  onScenario: (event: SuiteEvent) => void;
}

export type SuiteEvent =
  | { type: 'started'; scenario: string }
  | { type: 'progress'; scenario: string; event: ProgressEvent }
  | { type: 'finished'; scenario: string; summary: RunSummary; wallTimeMs: number }
  | { type: 'errored'; scenario: string; error: SimError | Error };

export interface SuiteScenarioResult {
  scenario: string;
  wallTimeMs: number;
  summary?: RunSummary;
  error?: { message: string; code: string; exitCode: number };
}

export interface SuiteResult {
  runId: string;
  seed: string;
  outcome: Outcome | 'error';
  exitCode: number;
  scenarios: SuiteScenarioResult[];
  reportPath: string;
  /** Which scenario proves which alert; null when the rule files could not be read. */
  coverage: CoverageReport | null;
}

/**
 * Every scenario in virtual time, several at once, each with its own promtool process. One
 * scenario's bad input does not stop the others; the suite's exit code is the worst of all.
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const names = options.scenarios ?? listScenarioNames();
  const report = await ReportDir.create(
    options.reportRoot,
    createRunId('suite', options.seed, new Date()),
  );
  const { runId } = report;
  const limit = pLimit(options.concurrency ?? availableParallelism());
  try {
    const scenarios = await Promise.all(
      names.map((name) => limit(() => runOne(name, options, report))),
    );
    const summaries = scenarios.flatMap((s) => (s.summary ? [s.summary] : []));
    await report.write(
      'junit.xml',
      renderJunit(
        summaries,
        scenarios.flatMap((s) => (s.summary ? [s.wallTimeMs] : [])),
        scenarios.flatMap((s) =>
          s.error ? [{ scenario: s.scenario, message: s.error.message, code: s.error.code }] : [],
        ),
      ),
    );
    const { outcome, exitCode } = suiteOutcome(scenarios);
    const coverage = await coverageOf(options.ruleFiles, summaries);
    const result = {
      runId,
      seed: options.seed,
      outcome,
      exitCode,
      scenarios,
      reportPath: report.finalPath,
      coverage,
    };
    await report.writeJson('summary.json', { ...result, reportPath: undefined });
    await report.commit();

    return result;
  } catch (error) {
    await report.discard();
    throw error;
  }
}

async function runOne(
  name: string,
  options: SuiteOptions,
  report: ReportDir,
): Promise<SuiteScenarioResult> {
  const startedMs = performance.now();
  options.onScenario({ type: 'started', scenario: name });
  try {
    const { summary } = await runScenario({
      scenario: name,
      seed: options.seed,
      engine: 'virtual',
      stack: 'local',
      ruleFiles: options.ruleFiles,
      reportRoot: report.stagingPath,
      runId: name,
      logger: options.logger.child(name),
      signal: options.signal,
      onProgress: (event) => options.onScenario({ type: 'progress', scenario: name, event }),
    });
    const wallTimeMs = performance.now() - startedMs;
    options.onScenario({ type: 'finished', scenario: name, summary, wallTimeMs });

    return { scenario: name, wallTimeMs, summary };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    options.onScenario({ type: 'errored', scenario: name, error: failure });
    const code = error instanceof SimError ? error.code : 'INTERNAL';
    const exitCode = error instanceof SimError ? error.exitCode : INTERNAL_ERROR_EXIT_CODE;

    return {
      scenario: name,
      wallTimeMs: performance.now() - startedMs,
      error: { message: failure.message, code, exitCode },
    };
  }
}

/** Coverage over the rule files the scenarios ran with; a broken file already failed each run. */
async function coverageOf(
  ruleFiles: string[] | undefined,
  summaries: RunSummary[],
): Promise<CoverageReport | null> {
  try {
    const stack = await loadStaticStack({ ruleFiles });
    return buildCoverage(stack.settings.rules, summaries);
  } catch (error) {
    if (error instanceof SimError) return null;
    throw error;
  }
}

function suiteOutcome(scenarios: SuiteScenarioResult[]): {
  outcome: Outcome | 'error';
  exitCode: number;
} {
  const errored = scenarios.find((s) => s.error !== undefined);
  if (errored?.error) return { outcome: 'error', exitCode: errored.error.exitCode };
  const outcomes = scenarios.map((s) => s.summary!.outcome);
  if (outcomes.includes('fail')) return { outcome: 'fail', exitCode: 1 };
  if (outcomes.includes('inconclusive')) return { outcome: 'inconclusive', exitCode: 3 };

  return { outcome: 'pass', exitCode: 0 };
}
