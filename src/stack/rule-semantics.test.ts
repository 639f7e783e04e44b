import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  expectFixtureToCatch,
  FIXTURES_DIR,
  promtoolTest,
  RULES_DIR,
  silentPassProblems,
} from '../../test/support/promtool-fixtures.js';
import { DEFAULT_STACK_DIR } from './render.js';

const SYSTEM_RULES = join(RULES_DIR, 'system.yml');

async function expectFixturePasses(name: string): Promise<void> {
  const { exitCode, output } = await promtoolTest(join(FIXTURES_DIR, name));

  expect(output).toContain('SUCCESS');
  expect(exitCode).toBe(0);
}

describe('alert rule semantics under promtool test rules', () => {
  it('does not fire HighErrorRate for a single failed request among few or many', async () => {
    await expectFixturePasses('high-error-rate-single-failure.test.yml');
  });

  it('fires HighErrorRate for 5 % errors at 10 req/s, for that service only', async () => {
    await expectFixturePasses('high-error-rate-five-percent.test.yml');
  });

  it('fires ChildSafetyViolationCritical at the evaluation after a critical violation', async () => {
    await expectFixturePasses('child-safety-violation.test.yml');
  });

  it('fires ContentToxicityHigh for the age group whose toxic share passes 10 % only', async () => {
    await expectFixturePasses('content-toxicity.test.yml');
  });

  it('fires EmergencyResponseSlow when the p95 passes 15 s, not for fast escalations', async () => {
    await expectFixturePasses('emergency-response.test.yml');
  });

  it('fires ServiceDown after the sim target has been down for 15 s', async () => {
    await expectFixturePasses('service-down.test.yml');
  });

  it('fires the Watchdog from the first evaluation', async () => {
    await expectFixturePasses('watchdog.test.yml');
  });

  it('would fire HighErrorRate on one failed request among few without its guard', async () => {
    const withoutGuard = (rules: string) =>
      rules.replace('rate(requests_total[2m])) >= 1', 'rate(requests_total[2m])) >= 0');

    await expectFixtureToCatch(
      SYSTEM_RULES,
      'high-error-rate-single-failure.test.yml',
      withoutGuard,
      'a single failed request among few does not fire',
    );
  });

  it('would fire HighErrorRate on one failed request among many as first written', async () => {
    // The original rule: no aggregation, no guard; the 500 series is divided by itself.
    const original = (rules: string) =>
      rules.replace(
        /expr: \|\n\s+\(\n[\s\S]*?>= 1\n/,
        'expr: rate(requests_total{status_code=~"5.."}[2m]) / rate(requests_total[2m]) > 0.01\n',
      );

    await expectFixtureToCatch(
      SYSTEM_RULES,
      'high-error-rate-single-failure.test.yml',
      original,
      'a single failed request among many does not fire',
    );
  });

  it('notices an alert name that no rule has and a rule file that does not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-rules-test-'));
    try {
      const file = join(dir, 'typo.test.yml');
      const rules = join(DEFAULT_STACK_DIR, 'prometheus', 'rules', 'system.yml');
      const alertRuleTest = [{ alertname: 'HighErorRate', eval_time: '1m', exp_alerts: [] }];
      const test = {
        rule_files: [rules, 'missing.yml'],
        tests: [{ alert_rule_test: alertRuleTest }],
      };
      await writeFile(file, stringify(test));

      expect(await silentPassProblems(file)).toEqual([
        `rule file ${join(dir, 'missing.yml')} does not exist`,
        'no loaded rule is named HighErorRate',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
