import {
  bucketFilterFor,
  metricFilterFor,
  metricNamesReadBy,
  selectorsOf,
} from './promql-selectors.js';

function namesOf(expr: string): (string | undefined)[] {
  return selectorsOf(expr).map((selector) => selector.metricName);
}

describe('selectorsOf', () => {
  it('reads the selector inside an aggregation over a range function', () => {
    const expr =
      'sum by (age_group) (increase(child_safety_violations_total{severity="critical"}[5m])) > 0';

    expect(selectorsOf(expr)).toEqual([
      {
        metricName: 'child_safety_violations_total',
        matchers: [{ name: 'severity', op: '=', value: 'critical' }],
        text: 'child_safety_violations_total{severity="critical"}',
      },
    ]);
  });

  it('reads a histogram bucket selector by its full name', () => {
    const expr = 'histogram_quantile(0.99, sum by (le)(rate(x_bucket[5m]))) > 2';

    expect(namesOf(expr)).toEqual(['x_bucket']);
  });

  it('reads every selector of an average from a histogram sum and count', () => {
    const expr = 'rate(latency_seconds_sum[5m]) / ignoring(code) rate(latency_seconds_count[5m])';

    expect(namesOf(expr)).toEqual(['latency_seconds_sum', 'latency_seconds_count']);
  });

  it('reads a comparison with a label matcher', () => {
    expect(selectorsOf('up{job="sim"} == 0')).toEqual([
      {
        metricName: 'up',
        matchers: [{ name: 'job', op: '=', value: 'sim' }],
        text: 'up{job="sim"}',
      },
    ]);
  });

  it('reads selectors inside subqueries', () => {
    const expr = 'max_over_time(rate(requests_total{code=~"5.."}[1m])[10m:30s]) > 3';

    expect(selectorsOf(expr)).toEqual([
      expect.objectContaining({
        metricName: 'requests_total',
        matchers: [{ name: 'code', op: '=~', value: '5..' }],
      }),
    ]);
  });

  it('reads selectors with offset and @ modifiers', () => {
    const expr = 'requests_total offset 1h - requests_total @ 1700000000 + errors_total @ end()';

    expect(namesOf(expr)).toEqual(['requests_total', 'requests_total', 'errors_total']);
  });

  it('reads both sides of and on() and of a binary operation with ignoring', () => {
    expect(namesOf('a_total > 0 and on() vector(time() > 100)')).toEqual(['a_total']);
    expect(namesOf('errors_total / ignoring(code) group_left requests_total')).toEqual([
      'errors_total',
      'requests_total',
    ]);
  });

  it('returns no selector for a function of constants', () => {
    expect(selectorsOf('vector(1)')).toEqual([]);
  });

  it('reads the ALERTS series', () => {
    expect(selectorsOf('min_over_time(timestamp(ALERTS{alertstate="firing"})[4m:5s])')).toEqual([
      {
        metricName: 'ALERTS',
        matchers: [{ name: 'alertstate', op: '=', value: 'firing' }],
        text: 'ALERTS{alertstate="firing"}',
      },
    ]);
  });

  it('unescapes quotes, backslashes, commas and braces in matcher values', () => {
    const expr = String.raw`x{a="q\"u,o}te", b!~'it\'s\\d', c!=` + '`raw\\n`' + String.raw`}`;

    expect(selectorsOf(expr)[0]!.matchers).toEqual([
      { name: 'a', op: '=', value: 'q"u,o}te' },
      { name: 'b', op: '!~', value: "it's\\d" },
      { name: 'c', op: '!=', value: 'raw\\n' },
    ]);
  });

  it('unescapes Go escapes: control characters, hex and octal bytes, code points', () => {
    const expr = String.raw`x{a="tab\there\n", b="\xc3\xa9\303\251", c="\u00e9\U0001F600"}`;

    expect(selectorsOf(expr)[0]!.matchers.map((matcher) => matcher.value)).toEqual([
      'tab\there\n',
      'éé',
      'é😀',
    ]);
  });

  it('leaves the metric name undefined when only a regular expression names it', () => {
    expect(selectorsOf('{__name__=~"job:.*", job="sim"}')).toEqual([
      {
        metricName: undefined,
        matchers: [
          { name: '__name__', op: '=~', value: 'job:.*' },
          { name: 'job', op: '=', value: 'sim' },
        ],
        text: '{__name__=~"job:.*", job="sim"}',
      },
    ]);
  });

  it('takes the metric name from an equality on __name__', () => {
    expect(namesOf('{__name__="up", job="sim"}')).toEqual(['up']);
  });

  it('reads recording rule names with colons', () => {
    expect(namesOf('job:requests:rate5m > 10')).toEqual(['job:requests:rate5m']);
  });

  it('names the expression and the position of a syntax error', () => {
    expect(() => selectorsOf('sum(rate(x[5m])')).toThrow(
      'PromQL expression "sum(rate(x[5m])" does not parse: unexpected input at line 1, column 16',
    );
    expect(() => selectorsOf('up{job="sim"} ==\n  == 0')).toThrow('at line 2, column 3');
  });

  it('rejects unterminated strings, which the grammar alone would accept', () => {
    expect(() => selectorsOf('x{a="b')).toThrow(/does not parse: .* at line 1, column 5/);
    expect(() => selectorsOf('"abc\\"')).toThrow('unterminated string');
  });

  it('rejects an unknown escape in a matcher value', () => {
    expect(() => selectorsOf(String.raw`x{a="\q"}`)).toThrow('invalid escape');
  });
});

describe('metricNamesReadBy', () => {
  it('collects the names read by several rules once each', () => {
    const exprs = [
      'histogram_quantile(0.9, sum by (le)(rate(x_bucket[5m]))) > 1',
      'rate(x_sum[5m]) / rate(x_count[5m]) > 1',
      'up{job="sim"} == 0',
      'up == 0 or vector(1)',
    ];

    expect(metricNamesReadBy(exprs)).toEqual(new Set(['x_bucket', 'x_sum', 'x_count', 'up']));
  });

  it('names the expression that does not parse', () => {
    expect(() => metricNamesReadBy(['up == 0', 'rate(x[5m]'])).toThrow('"rate(x[5m]"');
  });
});

describe('metricFilterFor', () => {
  it('keeps only the metrics the rules name', () => {
    const keep = metricFilterFor(['rate(x_total[5m]) > 0', 'up == 0']);

    expect(['x_total', 'up', 'x_bucket'].map(keep)).toEqual([true, true, false]);
  });

  it('keeps every metric when a selector does not fix its name', () => {
    const keep = metricFilterFor(['up == 0', 'count({__name__=~"x_.*"}) > 0']);

    expect(keep('anything_total')).toBe(true);
  });
});

describe('bucketFilterFor', () => {
  it('keeps only the bounds that every selector of a bucket metric fixes', () => {
    const keep = bucketFilterFor([
      'rate(foo_bucket{le="0.7"}[2m])',
      'rate(foo_bucket{le="0.9", x="y"}[2m])',
      'histogram_quantile(0.95, sum by (le) (rate(bar_bucket[5m])))',
      'rate(bar_bucket{le="1"}[5m])',
    ]);

    expect([keep('foo_bucket', '0.7'), keep('foo_bucket', '0.9'), keep('foo_bucket', '1')]).toEqual(
      [true, true, false],
    );
    expect(keep('bar_bucket', '0.25')).toBe(true);
    expect(keep('baz_bucket', '0.25')).toBe(true);
  });

  it('keeps every bucket when a selector does not fix its metric name', () => {
    const keep = bucketFilterFor(['rate(foo_bucket{le="0.7"}[2m])', '{__name__=~"foo.*"}']);

    expect(keep('foo_bucket', '1')).toBe(true);
  });
});
