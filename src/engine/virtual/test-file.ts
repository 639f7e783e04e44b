import { relative, dirname } from 'node:path';
import { Document, isNode } from 'yaml';
import { formatDuration } from '../../common/duration.js';
import { encodeSeriesValues, type SeriesValue } from './series-notation.js';
import type { ExpectationCheck, PromqlTest } from './promtool-tests.js';

export interface TestFileInput {
  /** The first lines of the file, as comments. */
  header: string[];
  ruleFiles: string[];
  evaluationIntervalMs: number;
  scrapeIntervalMs: number;
  series: { selector: string; values: SeriesValue[] }[];
  /** Already in promtool's notation, written after the recorded series. */
  rawSeries?: { series: string; values: string }[];
  tests: (PromqlTest | ExpectationCheck)[];
  /** Rule files are written relative to this file's folder, so the file can move with them. */
  file: string;
}

/** A `promtool test rules` file: the recorded series, the production rules, and the tests. */
export function renderTestFile(input: TestFileInput): string {
  const doc = new Document({
    rule_files: input.ruleFiles.map((file) => relative(dirname(input.file), file)),
    evaluation_interval: formatDuration(input.evaluationIntervalMs),
    tests: [
      {
        interval: formatDuration(input.scrapeIntervalMs),
        input_series: [
          ...input.series.map((s) => ({
            series: s.selector,
            values: encodeSeriesValues(s.values),
          })),
          ...(input.rawSeries ?? []).map((s) => ({ series: s.series, values: s.values })),
        ],
        promql_expr_test: input.tests.map((test) => ({
          expr: test.expr,
          eval_time: formatDuration(test.evalTimeMs),
          exp_samples: test.expectedValues.map((value) => ({ labels: '{}', value })),
        })),
      },
    ],
  });
  doc.commentBefore = input.header.map((line) => ` ${line}`).join('\n');
  input.tests.forEach((test, index) => {
    const node = doc.getIn(['tests', 0, 'promql_expr_test', index], true);
    if ('comment' in test && isNode(node)) node.commentBefore = ` ${test.comment}`;
  });

  return doc.toString({ lineWidth: 0 });
}
