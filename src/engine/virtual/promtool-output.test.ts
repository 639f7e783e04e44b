import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  parsePromtoolTestOutput,
  promtoolVersion,
  type PromtoolTestReport,
} from './promtool-output.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/promtool/2.42/', import.meta.url));
const VERSION = '2.42.0+ds';

function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}.txt`, 'utf8');
}

function parseFixture(name: string): PromtoolTestReport {
  return parsePromtoolTestOutput(fixture(name), VERSION);
}

const alert = (labels: Record<string, string>) => ({
  a: '1',
  alertname: 'HighX',
  alertstate: 'firing',
  job: 'sim',
  severity: 'critical',
  ...labels,
});

describe('parsePromtoolTestOutput with promtool 2.42 output', () => {
  it('reads a passing run', () => {
    expect(parseFixture('success')).toEqual({
      version: VERSION,
      passed: true,
      warnings: [],
      failures: [],
    });
  });

  it('reads a missing rule file as a warning of a passing run', () => {
    expect(parseFixture('missing-rule-file')).toEqual({
      version: VERSION,
      passed: true,
      warnings: ['WARNING: no file match pattern missing.yml'],
      failures: [],
    });
  });

  it('reads an expression failure with several samples and escaped label values', () => {
    const [first] = parseFixture('expr-failure').failures;

    expect(first).toEqual({
      kind: 'expr',
      expr: 'min_over_time(timestamp(ALERTS{alertstate="firing"})[4m:5s])',
      evalTimeMs: 240_000,
      expected: [],
      got: [
        { labels: alert({}), value: 240 },
        { labels: alert({ a: 'q"u,o}te', job: 'sim\\x' }), value: 60 },
      ],
    });
  });

  it('reads label values that look like the next sample', () => {
    const failure = parseFixture('expr-failure').failures.find(
      (candidate) => candidate.kind === 'expr' && candidate.expr === 'z',
    );
    const labels = { __name__: 'z', b: '} 1E+00, {c="d"}', e: '\\' };

    expect(failure).toMatchObject({
      expected: [{ labels, value: 66 }],
      got: [{ labels, value: 65 }],
    });
  });

  it('reads values exactly, including NaN and infinities', () => {
    const failures = parseFixture('expr-failure').failures;
    const values = failures.flatMap((failure) =>
      failure.kind === 'expr' ? failure.got.map((sample) => sample.value) : [],
    );

    expect(values).toEqual([240, 60, 310, 20, 0.30000000000000004, NaN, Infinity, 2, 1, 65, 5, 20]);
  });

  it('reads evaluation times written with several units', () => {
    const times = (name: string) =>
      parseFixture(name).failures.map((failure) =>
        failure.kind === 'error' ? failure.evalTimeMs : failure.evalTimeMs,
      );

    expect(times('expr-failure')).toEqual([
      240_000, 3_723_000, 60_000, 240_000, 300_000, 30_000, 0, 90_000,
    ]);
    expect(times('expr-error')).toEqual([60_000, 60_000, 86_400_000, 60_000, 60_000, 1_500]);
  });

  it('reads a failing query as an error that keeps its expression', () => {
    const [parseError] = parseFixture('expr-error').failures;

    expect(parseError).toEqual({
      kind: 'error',
      message:
        'expr: "sum(rate(x[5m])", time: 1m, err: 1:16: parse error: unclosed left parenthesis',
      expr: 'sum(rate(x[5m])',
      evalTimeMs: 60_000,
    });
  });

  it('reads newlines and non-ASCII text in label values', () => {
    const failure = parseFixture('expr-error').failures.at(-1);

    expect(failure).toMatchObject({
      kind: 'expr',
      got: [{ labels: { __name__: 'w', a: 'line\nbreak\ttab', b: 'é☃' }, value: 1 }],
    });
  });

  it('reads alert failures with the expected and actual alerts as promtool wrote them', () => {
    const failures = parseFixture('alert-failure').failures;

    expect(failures.map((failure) => failure.kind === 'alert' && failure.alertname)).toEqual([
      'HighX',
      'HighX',
      'NoSuchAlert',
    ]);
    expect(failures[0]).toEqual({
      kind: 'alert',
      alertname: 'HighX',
      evalTimeMs: 60_000,
      expected: [
        '[',
        '    0:',
        '      Labels:{a="1", alertname="HighX", job="sim", severity="critical"}',
        '      Annotations:{}',
        '    ]',
      ].join('\n'),
      got: [
        '[',
        '    0:',
        '      Labels:{a="q\\"u,o}te", alertname="HighX", job="sim", severity="critical"}',
        '      Annotations:{summary="x is 20 on q\\"u,o}te"}',
        '    ]',
      ].join('\n'),
    });
    expect(failures[2]).toMatchObject({ evalTimeMs: 300_000, got: '[]' });
  });

  it('reads a rule file that does not load as an error', () => {
    expect(parseFixture('bad-rule-expr')).toEqual({
      version: VERSION,
      passed: false,
      warnings: [],
      failures: [
        {
          kind: 'error',
          message:
            'rules/bad-expr.rules.yml: 5:15: group "broken", rule 1, "Broken": could not parse ' +
            'expression: 1:16: parse error: unclosed left parenthesis',
        },
      ],
    });
  });

  it('reads test files that do not load, with multi-line messages', () => {
    const messages = ['bad-yaml', 'bad-field', 'bad-series'].map(
      (name) => parseFixture(name).failures,
    );

    expect(messages).toEqual([
      [{ kind: 'error', message: 'yaml: line 7: did not find expected key' }],
      [
        {
          kind: 'error',
          message:
            'yaml: unmarshal errors:\n' +
            '  line 8: field promql_expr_tests not found in type main.testGroup',
        },
      ],
      [
        {
          kind: 'error',
          message:
            '1:5: parse error: unexpected identifier "Infx2" in series values, expected number ' +
            'or "stale"',
        },
      ],
    ]);
  });

  it('reads the failures of several test groups', () => {
    const report = parseFixture('several-groups');

    expect(report.passed).toBe(false);
    expect(
      report.failures.map((failure) => [
        failure.kind,
        'evalTimeMs' in failure && failure.evalTimeMs,
      ]),
    ).toEqual([
      ['alert', 120_000],
      ['expr', 60_000],
      ['expr', 0],
    ]);
  });

  it('reads several test files the same whether stderr follows stdout or is interleaved', () => {
    const report = parseFixture('several-files');

    expect(report.passed).toBe(false);
    expect(report.warnings).toEqual(['WARNING: no file match pattern missing.yml']);
    expect(report.failures).toHaveLength(4);
    expect(parseFixture('several-files.interleaved')).toEqual(report);
  });

  it('accepts an exit code that agrees with the output', () => {
    expect(parsePromtoolTestOutput(fixture('success'), VERSION, 0).passed).toBe(true);
    expect(parsePromtoolTestOutput(fixture('bad-yaml'), VERSION, 1).passed).toBe(false);
  });
});

describe('parsePromtoolTestOutput refusing what it cannot read', () => {
  it('rejects a version it was not written for, naming it and the supported ones', () => {
    expect(() => parsePromtoolTestOutput(fixture('success'), '2.45.0')).toThrow(
      'promtool 2.45.0 is not supported: its test output was only verified for 2.42.x',
    );
    expect(() => parsePromtoolTestOutput(fixture('success'), '3.0.0')).toThrow('3.0.0');
  });

  it('rejects output that is not promtool test output', () => {
    expect(() => parsePromtoolTestOutput('', VERSION)).toThrow('not in the known 2.42 format');
    expect(() => parsePromtoolTestOutput('all good\n', VERSION)).toThrow('"all good"');
  });

  it('rejects a test file that neither passed nor failed, as after a crash', () => {
    const crashed = 'Unit Testing:  a.test.yml\npanic: runtime error\n';

    expect(() => parsePromtoolTestOutput(crashed, VERSION)).toThrow('"panic: runtime error"');
    expect(() => parsePromtoolTestOutput('Unit Testing:  a.test.yml\n', VERSION)).toThrow(
      '1 test files with 0 SUCCESS and 0 FAILED',
    );
  });

  it('rejects a failure without a reason', () => {
    expect(() => parsePromtoolTestOutput('Unit Testing:  a.yml\n  FAILED:\n', VERSION)).toThrow(
      'FAILED without a reason',
    );
  });

  it('rejects a sample value in an unknown notation', () => {
    const output = fixture('expr-failure').replace('6.5E+01', '65');

    expect(() => parsePromtoolTestOutput(output, VERSION)).toThrow(
      /line \d+, column \d+ \(expected a sample value\)/,
    );
  });

  it('rejects an expression failure that lacks its got line', () => {
    const output = fixture('several-groups').replace(/\n {8}got: \{__name__="x", a="2".*/, '');

    expect(() => parsePromtoolTestOutput(output, VERSION)).toThrow('expected "        got: "');
  });

  it('rejects an alert block that does not close', () => {
    const output = fixture('alert-failure').replace(
      /\n {12}\]\n {4}alertname: NoSuchAlert/,
      '\n    alertname: NoSuchAlert',
    );

    expect(() => parsePromtoolTestOutput(output, VERSION)).toThrow('not in the known 2.42 format');
  });

  it('rejects an exit code that disagrees with the output', () => {
    expect(() => parsePromtoolTestOutput(fixture('success'), VERSION, 1)).toThrow(
      'promtool exited with 1 but its output says passed',
    );
  });
});

describe('promtoolVersion', () => {
  it('reads the version from promtool --version', () => {
    expect(promtoolVersion(readFileSync(`${FIXTURES}version.txt`, 'utf8'))).toBe('2.42.0+ds');
    expect(promtoolVersion('promtool, version 2.42.0 (branch: HEAD, revision: 225c61122d)\n')).toBe(
      '2.42.0',
    );
  });

  it('names the text it cannot read a version from', () => {
    expect(() => promtoolVersion('command not found\n')).toThrow('"command not found"');
  });
});
