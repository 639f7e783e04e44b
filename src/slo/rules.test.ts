import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { alertsFor } from './alerts.js';
import { planTiers, type Policy, type Slo } from './model.js';
import { recordingsFor } from './recordings.js';
import { renderRuleFile } from './rule-file.js';
import { parseSloSpec } from './spec.js';

const shipped = async () =>
  parseSloSpec(await readFile('stack/slo/slos.yml', 'utf8'), 'stack/slo/slos.yml');
const named = (slos: Slo[], name: string) => slos.find((slo) => slo.name === name)!;

describe('planning the tiers of an SLO', () => {
  const tiersOf = async (policy: Policy) => {
    const slo = { ...named(await shipped(), 'availability'), policy };

    return planTiers(slo).map((tier) => `${tier.factor}:${tier.kind}`);
  };

  it('pages on 14.4× and 6× for strict, on 14.4× for balanced, never for relaxed', async () => {
    expect(await tiersOf('strict')).toEqual(['14.4:page', '6:page', '3:ticket', '1:ticket']);
    expect(await tiersOf('balanced')).toEqual(['14.4:page', '6:ticket', '3:ticket', '1:ticket']);
    expect(await tiersOf('relaxed')).toEqual(['14.4:ticket', '6:ticket', '3:ticket', '1:ticket']);
  });

  it('leaves out a tier whose threshold is all events: 14.4 × a 10 % budget', async () => {
    const toxicity = named(await shipped(), 'content-toxicity');

    expect(planTiers(toxicity).map((tier) => tier.factor)).toEqual([6, 3, 1]);
  });
});

describe('the generated alerts', () => {
  it('are named SLO<Name>BurnRateCritical for pages and ...Warning for tickets', async () => {
    const alerts = alertsFor(named(await shipped(), 'emergency-response-time'));

    expect(alerts.map((a) => [a.alert, a.labels?.['severity'], a.labels?.['tier']])).toEqual([
      ['SLOEmergencyResponseTimeBurnRateCritical', 'critical', '14.4x'],
      ['SLOEmergencyResponseTimeBurnRateCritical', 'critical', '6x'],
      ['SLOEmergencyResponseTimeBurnRateWarning', 'warning', '3x'],
      ['SLOEmergencyResponseTimeBurnRateWarning', 'warning', '1x'],
    ]);
    expect(alerts[0]!.labels).toMatchObject({
      team: 'emergency',
      slo: 'emergency-response-time',
      window: '1h',
    });
  });

  it('guard each tier on the long window, matched on the SLI labels', async () => {
    const slos = await shipped();
    const [fast] = alertsFor(named(slos, 'request-latency'));
    const [overall] = alertsFor(named(slos, 'ai-response-time'));

    expect(fast!.expr).toBe(
      [
        '(slo:request_latency_error:ratio_rate1h > 14.4 * 0.05) / 0.05',
        'and slo:request_latency_error:ratio_rate5m > 14.4 * 0.05',
        'and on (service) slo:request_latency_events:rate1h * 3600 >= 120',
      ].join('\n'),
    );
    expect(overall!.expr).toContain('and on () slo:ai_response_time_events:rate1h * 3600 >= 60');
  });

  it('call the 1× tier the error-budget exhaustion warning', async () => {
    const alerts = alertsFor(named(await shipped(), 'coppa-compliance'));

    expect(alerts[3]!.annotations?.['description']).toContain('error-budget exhaustion warning');
  });
});

describe('the generated recordings', () => {
  it('read the raw 1h window only for an exact fast tier', async () => {
    const slos = await shipped();
    const exact = recordingsFor([named(slos, 'availability'), named(slos, 'error-rate')]);
    const tiled = recordingsFor([named(slos, 'ai-response-time')]);
    const hour = (rules: typeof exact) =>
      rules.find((rule) => rule.record?.endsWith('_error:ratio_rate1h'))?.expr;

    expect(hour(exact)).toContain('rate(requests_total{status_code=~"5.."}[1h])');
    expect(hour(tiled)).toContain('sum_over_time(slo:ai_response_time_errors:rate1m_tile[59m55s])');
  });

  it('read a latency SLI`s counts once, through the events recording', async () => {
    const rules = recordingsFor([named(await shipped(), 'request-latency')]);
    const ratio = rules.find((rule) => rule.record === 'slo:request_latency_error:ratio_rate5m');

    expect(ratio?.expr).toContain('slo:request_latency_events:rate5m\n  -\n');
    expect(ratio?.expr).not.toContain('request_latency_seconds_count');
  });

  it('are shared by the SLOs that read one SLI, in one group each', async () => {
    const { groups } = parse(renderRuleFile(await shipped(), 'slos.yml')) as {
      groups: { name: string; rules: { record?: string; alert?: string }[] }[];
    };

    expect(groups.map((group) => group.name)).toContain('slo-requests');
    expect(groups).toHaveLength(8);
    const records = groups.flatMap((g) => g.rules.flatMap((rule) => rule.record ?? []));
    expect(new Set(records).size).toBe(records.length);
  });
});
