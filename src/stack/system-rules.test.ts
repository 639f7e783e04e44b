import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  expectFixtureToCatch,
  FIXTURES_DIR,
  promtoolTest,
  RULES_DIR,
} from '../../test/support/promtool-fixtures.js';

const SYSTEM_RULES = join(RULES_DIR, 'system.yml');
const SYSTEM_FIXTURES = readdirSync(FIXTURES_DIR)
  .filter((name) => /^system-.+\.test\.yml$/.test(name))
  .sort();

interface Mutation {
  mistake: string;
  fixture: string;
  edit: (rules: string) => string;
  /** The name of the fixture's test that must catch the mistake. */
  failingTest: string;
}

/** Each fixture's near miss, and the rule edit that would make the rule fire on it. */
const MUTATIONS: Mutation[] = [
  {
    mistake: 'a p95 per status class instead of per service (no `sum by (service, le)`)',
    fixture: 'system-high-request-latency.test.yml',
    edit: (rules) =>
      rules.replace(
        'sum by (service, le) (rate(request_latency_seconds_bucket[1m]))',
        'rate(request_latency_seconds_bucket[1m])',
      ),
    failingTest: 'a p95 above 500 ms fires for that service only',
  },
  {
    mistake: 'no traffic guard on the latency p95',
    fixture: 'system-high-request-latency.test.yml',
    edit: (rules) =>
      rules.replace(
        'rate(request_latency_seconds_count[1m])) >= 1',
        'rate(request_latency_seconds_count[1m])) >= 0',
      ),
    failingTest: 'a p95 above 500 ms fires for that service only',
  },
  {
    mistake: 'a database threshold just above the near miss',
    fixture: 'system-database-connection-health.test.yml',
    edit: (rules) =>
      rules.replace('database_connection_health < 0.8', 'database_connection_health < 0.82'),
    failingTest: 'a pool just above the threshold',
  },
  {
    mistake: 'a disk threshold just below the near miss',
    fixture: 'system-disk-space-low.test.yml',
    edit: (rules) => rules.replace('disk_usage_ratio > 0.9', 'disk_usage_ratio > 0.88'),
    failingTest: 'a disk just under ninety percent',
  },
  {
    mistake: 'no `for` on the disk alert, so a short spike fires',
    fixture: 'system-disk-space-low.test.yml',
    edit: (rules) => rules.replace(/(disk_usage_ratio > 0\.9\n\s+for: )30s/, '$10s'),
    failingTest: 'a disk just under ninety percent',
  },
  {
    mistake: 'a memory threshold just below the near miss',
    fixture: 'system-memory-nearly-exhausted.test.yml',
    edit: (rules) => rules.replace('memory_usage_ratio > 0.9', 'memory_usage_ratio > 0.88'),
    failingTest: 'memory just under ninety percent',
  },
];

describe('the system alert rules', () => {
  it('have a fixture for every alert of system.yml', async () => {
    const { groups } = parse(await readFile(SYSTEM_RULES, 'utf8')) as {
      groups: { rules: { alert?: string }[] }[];
    };
    const alerts = groups.flatMap((group) => group.rules.flatMap((rule) => rule.alert ?? []));
    const tested = new Set<string>();
    for (const fixture of SYSTEM_FIXTURES) {
      const text = await readFile(join(FIXTURES_DIR, fixture), 'utf8');
      for (const match of text.matchAll(/alertname: (\w+)/g)) tested.add(match[1]!);
    }
    const byOtherFixtures = ['ServiceDown', 'HighErrorRate'];

    expect(
      alerts.filter((alert) => !tested.has(alert) && !byOtherFixtures.includes(alert)),
    ).toEqual([]);
  });

  it.each(SYSTEM_FIXTURES)('pass promtool test rules in %s', async (fixture) => {
    const { exitCode, output } = await promtoolTest(join(FIXTURES_DIR, fixture));

    expect(output).toContain('SUCCESS');
    expect(exitCode).toBe(0);
  });

  it.each(MUTATIONS)('catch $mistake ($fixture)', async ({ fixture, edit, failingTest }) => {
    await expectFixtureToCatch(SYSTEM_RULES, fixture, edit, failingTest);
  });
});
