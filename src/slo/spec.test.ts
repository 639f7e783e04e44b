import { readFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import { SloSpecInvalidError } from './errors.js';
import { parseSloSpec } from './spec.js';

const SPEC_FILE = 'stack/slo/slos.yml';

interface SpecEntry {
  labels: Record<string, string>;
  sli: { events: Record<string, string> };
  alerting: Record<string, unknown>;
}

/** The shipped spec with its SLOs edited, as text, and the error parsing it throws. */
async function errorOf(edit: (slos: SpecEntry[]) => void): Promise<SloSpecInvalidError> {
  const spec = parse(await readFile(SPEC_FILE, 'utf8')) as { slos: SpecEntry[] };
  edit(spec.slos);
  try {
    parseSloSpec(stringify(spec), 'slos.yml');
  } catch (error) {
    if (error instanceof SloSpecInvalidError) return error;
    throw error;
  }
  throw new Error('the edited spec was accepted');
}

describe('reading the SLO spec', () => {
  it('reads every SLO of the shipped spec', async () => {
    const slos = parseSloSpec(await readFile(SPEC_FILE, 'utf8'), SPEC_FILE);

    expect(slos.map((slo) => slo.name)).toEqual([
      'child-safety-violations',
      'emergency-response-time',
      'coppa-compliance',
      'content-toxicity',
      'ai-response-time',
      'ai-hallucination-rate',
      'availability',
      'error-rate',
      'request-latency',
    ]);
    expect(slos.find((slo) => slo.name === 'child-safety-violations')?.budget).toBe(0.0001);
    expect(slos.find((slo) => slo.name === 'request-latency')?.aggregation).toEqual(['service']);
    expect(slos.find((slo) => slo.name === 'availability')?.runbookUrl).toBe(
      'https://runbooks.teddy.example/platform/slo-availability-burn-rate',
    );
  });

  it('names the field of a guard too low to keep one bad event quiet, and the least that does', async () => {
    const error = await errorOf((slos) => {
      slos[6]!.labels['min_events_per_hour'] = '60';
    });

    expect(error.message).toContain('slos[6].labels.min_events_per_hour is 60');
    expect(error.message).toContain('at least 69.45');
    expect(error.exitCode).toBe(2);
  });

  it('names a policy it does not know', async () => {
    const error = await errorOf((slos) => {
      slos[0]!.labels['policy'] = 'lenient';
    });

    expect(error.message).toContain('slos[0].labels.policy');
  });

  it('refuses an error query summed by other labels than the total', async () => {
    const error = await errorOf((slos) => {
      slos[6]!.sli.events['error_query'] =
        'sum(rate(requests_total{status_code=~"5.."}[{{.window}}]))';
    });

    expect(error.message).toContain('slos[6].sli.events.error_query sums by ()');
  });

  it('refuses a latency threshold that is not a bucket, and says where to add it', async () => {
    const error = await errorOf((slos) => {
      slos[8]!.sli.events['error_query'] = slos[8]!.sli.events['error_query']!.replace(
        'le="0.2"',
        'le="0.3"',
      );
    });

    expect(error.message).toContain('not a bucket of request_latency_seconds');
    expect(error.message).toContain('add 0.3 to its buckets');
  });

  it('refuses a metric the catalogue does not list, and a query without {{.window}}', async () => {
    const unknown = await errorOf((slos) => {
      slos[2]!.sli.events['error_query'] = 'sum(rate(consent_failures_total[{{.window}}]))';
    });
    const fixed = await errorOf((slos) => {
      slos[2]!.sli.events['total_query'] = 'sum(rate(coppa_consent_checks_total[5m]))';
    });

    expect(unknown.message).toContain('reads consent_failures_total');
    expect(fixed.message).toContain('slos[2].sli.events.total_query has no {{.window}}');
  });

  it('asks SLOs that read the same SLI to share its recordings', async () => {
    const error = await errorOf((slos) => {
      delete slos[7]!.labels['sli'];
    });

    expect(error.message).toContain('slos[7].labels.sli reads the same SLI as slos[6]');
  });

  it('refuses a page severity other than critical', async () => {
    const error = await errorOf((slos) => {
      slos[0]!.alerting['page_alert'] = { labels: { severity: 'warning' } };
    });

    expect(error.message).toContain('slos[0].alerting.page_alert.labels.severity');
  });
});
