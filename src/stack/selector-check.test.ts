import { describe, expect, it } from '@jest/globals';
import { describeSelectorWarning, unmatchedSelectors } from './selector-check.js';
import { loadStaticStack } from './static-stack.js';

const rule = (expr: string, name = 'SomeAlert') => ({
  rule: name,
  file: '/x/rules/some.yml',
  expr,
});

describe('unmatchedSelectors', () => {
  it('finds nothing unmatched in the shipped rule files: every metric they read is emitted', async () => {
    const stack = await loadStaticStack({});

    expect(stack.selectorWarnings.map(describeSelectorWarning)).toEqual([]);
  });

  it('names the rule and the metric when no metric has that name', () => {
    const [warning] = unmatchedSelectors(
      [rule('rate(emergency_response_time_bucket[5m]) > 0')],
      [],
    );

    expect(warning).toMatchObject({
      rule: 'SomeAlert',
      metric: 'emergency_response_time_bucket',
      reason: 'no metric is named emergency_response_time_bucket',
    });
    expect(describeSelectorWarning(warning!)).toBe(
      'rule SomeAlert (some.yml) reads emergency_response_time_bucket, which matches nothing sim emits: no metric is named emergency_response_time_bucket',
    );
  });

  it('reports a label value no series carries, with the values that exist', () => {
    const [warning] = unmatchedSelectors(
      [rule('sum(rate(requests_total{status_code="5xx"}[5m]))')],
      [],
    );

    expect(warning?.reason).toMatch(
      /^no series has status_code="5xx" \(status_code is one of "200", /,
    );
  });

  it('reports a bucket bound written differently from the exposed one', () => {
    const warnings = unmatchedSelectors(
      [
        rule('ai_response_time_seconds_bucket{le="1.0"}'),
        rule('ai_response_time_seconds_bucket{le="1"}'),
      ],
      [],
    );

    expect(warnings.map((w) => w.selector)).toEqual(['ai_response_time_seconds_bucket{le="1.0"}']);
  });

  it('reports a label the metric does not have, unless the matcher accepts its absence', () => {
    const warnings = unmatchedSelectors(
      [
        rule('requests_total{model="gpt-4"}'),
        rule('requests_total{model=""}'),
        rule('requests_total{model!="gpt-4"}'),
      ],
      [],
    );

    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.reason).toMatch(/^it has no label model \(its labels: service, endpoint/);
  });

  it('judges label values together: each may exist while no series has both', () => {
    const warnings = unmatchedSelectors(
      [rule('requests_total{service="ai-service", endpoint="/v1/profile"}')],
      [],
    );

    expect(warnings).toHaveLength(1);
  });

  it('accepts anchored regexes, recorded names, target labels and series Prometheus writes', () => {
    const warnings = unmatchedSelectors(
      [
        rule('rate(requests_total{status_code=~"5..", job="sim"}[5m])'),
        rule('slo:sli_error:ratio_rate5m > 0'),
        rule('up{job="sim"} == 0'),
        rule('ALERTS{alertstate="firing"}'),
        rule('{__name__=~"requests_.*"}'),
      ],
      ['slo:sli_error:ratio_rate5m'],
    );

    expect(warnings).toEqual([]);
  });

  it('treats a regex as anchored at both ends, as PromQL does', () => {
    const warnings = unmatchedSelectors([rule('requests_total{status_code=~"5"}')], []);

    expect(warnings).toHaveLength(1);
  });
});
