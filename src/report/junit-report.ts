import { createRequire } from 'node:module';
import type { Builder } from 'junit-report-builder';
import { describeMs } from '../verdict/subject.js';
import type { RunSummary } from './summary.js';

// Loaded with require: the package's module.exports is the builder itself, while its types
// declare it as a `default` export, so an ES import would type one thing and load another.
const junit = createRequire(import.meta.url)('junit-report-builder') as Builder;

/**
 * JUnit XML for CI: one test suite per scenario, one test case per expectation. A failed
 * expectation is a `failure`; an inconclusive one an `error`, since it proves nothing either way.
 * A scenario that could not run at all is a suite of one test case in `error`, so a CI viewer
 * never shows green for what did not run.
 */
export function renderJunit(
  summaries: RunSummary[],
  wallTimesMs: number[] = [],
  errored: { scenario: string; message: string; code: string }[] = [],
): string {
  const builder = junit.newBuilder().name('sim');
  for (const { scenario, message, code } of errored) {
    builder
      .testSuite()
      .name(scenario)
      .testCase()
      .className(`sim.${scenario}`)
      .name('runs')
      .error(message, code);
  }
  summaries.forEach((summary, index) => {
    const suite = builder
      .testSuite()
      .name(summary.scenario)
      .timestamp(summary.startedAt)
      .time((wallTimesMs[index] ?? 0) / 1_000)
      .property('seed', summary.seed)
      .property('engine', summary.engine);
    for (const expectation of summary.expectations) {
      const testCase = suite
        .testCase()
        .className(`sim.${summary.scenario}`)
        .name(expectation.subject);
      const measured = [
        expectation.measuredMs.firing !== null &&
          `firing ${describeMs(expectation.measuredMs.firing)}`,
        expectation.measuredMs.notification !== null &&
          `notified ${describeMs(expectation.measuredMs.notification)}`,
        expectation.slaMs !== null && `SLA ${describeMs(expectation.slaMs)}`,
        expectation.predictedMs !== null && `predicted ${describeMs(expectation.predictedMs)}`,
      ].filter(Boolean);
      testCase.standardOutput(
        `${expectation.reason}${measured.length ? ` (${measured.join(', ')})` : ''}`,
      );
      if (expectation.outcome === 'fail') testCase.failure(expectation.reason, 'ExpectationFailed');
      if (expectation.outcome === 'inconclusive')
        testCase.error(expectation.reason, 'Inconclusive');
    }
  });

  return builder.build();
}
