import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { formatDuration } from '../../common/duration.js';
import { runCommand } from '../../stack/run-command.js';
import { encodeSeriesValues, type SeriesValue } from './series-notation.js';

/** Steps are one minute apart; an instant query sees a sample up to 5 minutes old (inclusive). */
const LOOKBACK_STEPS = 5;

const counterWithResets: SeriesValue[] = [
  ...Array.from({ length: 12 }, (_, index) => index),
  0,
  ...Array.from({ length: 8 }, (_, index) => 3 * index + 3),
  2,
  2,
  5,
];

const CASES: Record<string, SeriesValue[]> = {
  counter: counterWithResets,
  constant: Array<SeriesValue>(400).fill(7),
  gaps: [1, 'missing', 'missing', 2, ...Array<SeriesValue>(7).fill('missing'), 3, 3, 3],
  stale: [5, 5, 'stale', 'missing', 'missing', 6, 'stale', 'stale', 7, 7, 'stale'],
  floats: [0.1, 0.1, 0.1, 1e-9, 1e-7, 123456789.123, 0.30000000000000004, 1.5e21, 1.5e21, 5e-324],
  extremes: [-0, -0, -0, 1, 2 ** 52 - 2, 2 ** 52 - 1, 2 ** 52, 2 ** 53 + 2, -(2 ** 52), -3, -5],
  special: [NaN, NaN, NaN, Infinity, Infinity, -Infinity, -Infinity, -Infinity, 4, NaN],
};
CASES.mixed = Object.values(CASES).flatMap((values) => values.slice(0, 30));

/** What `series` returns at a step: a number, nothing, or NaN (which never equals itself). */
function expectedAt(values: readonly SeriesValue[], step: number): number | 'none' {
  for (let back = step; back >= 0 && step - back <= LOOKBACK_STEPS; back -= 1) {
    const value = values[back]!;
    if (value === 'stale') return 'none';
    if (value !== 'missing') return value;
  }

  return 'none';
}

function checksFor(name: string, values: readonly SeriesValue[]): object[] {
  const series = `notation{case="${name}"}`;

  return values.map((_, step) => {
    const evalTime = formatDuration(step * 60_000);
    const expected = expectedAt(values, step);
    if (Number.isNaN(expected)) {
      return {
        expr: `count(${series} != ${series})`,
        eval_time: evalTime,
        exp_samples: [{ labels: '{}', value: 1 }],
      };
    }
    const samples = expected === 'none' ? [] : [{ labels: series, value: expected }];

    return { expr: series, eval_time: evalTime, exp_samples: samples };
  });
}

function testFile(cases: Record<string, SeriesValue[]>): string {
  const names = Object.keys(cases);

  return stringify({
    tests: [
      {
        interval: '1m',
        input_series: names.map((name) => ({
          series: `notation{case="${name}"}`,
          values: encodeSeriesValues(cases[name]!),
        })),
        promql_expr_test: names.flatMap((name) => checksFor(name, cases[name]!)),
      },
    ],
  });
}

describe('series notation read by promtool 2.42', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sim-series-notation-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function promtoolTest(text: string): Promise<{ exitCode: number | null; output: string }> {
    const file = join(dir, 'notation.test.yml');
    await writeFile(file, text);
    const result = await runCommand('promtool', ['test', 'rules', file]);

    return { exitCode: result.exitCode, output: `${result.stdout}${result.stderr}` };
  }

  it('gives back every value, gap and staleness marker at every step', async () => {
    const result = await promtoolTest(testFile(CASES));

    expect(result).toEqual({ exitCode: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('expands a+bxN by repeated addition, so fractional steps drift and must be listed', async () => {
    const file = stringify({
      tests: [
        {
          interval: '1m',
          input_series: [{ series: 'drift', values: '0.1+0.1x9' }],
          promql_expr_test: [
            { expr: 'drift', eval_time: '9m', exp_samples: [{ labels: 'drift', value: 1 }] },
          ],
        },
      ],
    });
    const result = await promtoolTest(file);

    expect(result.output).toContain('got: {__name__="drift"} 9.999999999999999E-01');
    expect(encodeSeriesValues(Array.from({ length: 10 }, (_, index) => (index + 1) / 10))).toBe(
      '0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1',
    );
  });

  it('fails when a value is off by one unit in the last place', async () => {
    // The float64 right after 123456789.123: its unit in the last place is 2^-26.
    const floats = CASES.floats!.map((value, index) =>
      index === 5 ? 123456789.123 + 2 ** -26 : value,
    );
    const file = testFile({ floats: CASES.floats! }).replace(
      encodeSeriesValues(CASES.floats!),
      encodeSeriesValues(floats),
    );
    const result = await promtoolTest(file);

    expect(result.exitCode).toBe(1);
    expect(result.output).toContain(
      'got: {__name__="notation", case="floats"} 1.2345678912300001E+08',
    );
  });

  it('fails when a gap is one step longer than recorded', async () => {
    const file = testFile({ gaps: CASES.gaps! }).replace('_x7', '_x8');
    const result = await promtoolTest(file);

    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('time: 11m');
  });
});
