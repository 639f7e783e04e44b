import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../src/report/summary.js';
import { runCli } from '../support/run-cli.js';

// The classes of mistake the original design made, as rule fixtures under fixtures/mistakes/,
// each run through the real CLI: sim must catch every one of them.
const dir = mkdtempSync(path.join(tmpdir(), 'sim-mistakes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => `fixtures/mistakes/${name}.yml`;
const reportDir = ['--report-dir', dir];

describe('the original design’s mistakes', () => {
  it('an error ratio without aggregation fires on single errors and fails normal-operation', async () => {
    const result = await runCli(
      [
        'run',
        'normal-operation',
        '--engine',
        'virtual',
        '--seed',
        '2',
        '--json',
        ...reportDir,
        '--rules',
        'stack/prometheus/rules/meta.yml',
        fixture('single-error-ratio'),
      ],
      { timeoutMs: 120_000 },
    );
    const summary = JSON.parse(result.stdout) as RunSummary;

    expect(result.exitCode).toBe(1);
    const silence = summary.expectations.find((e) => e.expect === 'silent');
    expect(silence?.outcome).toBe('fail');
    expect(silence?.reason).toMatch(/^fired: HighErrorRate\{/);
  });

  it.each([
    ['bucket-count-ratio', 'ContentToxicityHigh'],
    ['and-label-mismatch', 'ContentToxicityHigh'],
    ['for-longer-than-demo', 'ChildSafetyViolationCritical'],
  ])('%s: coverage lists %s as never fired', async (name, alert) => {
    const result = await runCli([
      'coverage',
      '--scenario',
      'safety-incident',
      '--seed',
      '3',
      '--json',
      ...reportDir,
      '--rules',
      fixture(name),
    ]);
    const coverage = JSON.parse(result.stdout) as { neverFired: string[]; goalMet: boolean };

    expect(result.exitCode).toBe(1);
    expect(coverage.neverFired).toEqual([alert]);
    expect(coverage.goalMet).toBe(false);
    expect(result.stderr).toMatch(new RegExp(`│ ${alert} +│ – +│ .*│ NEVER FIRED`));
  });

  it('a rule reading a metric nothing emits is named, with its metric, in the run’s warnings', async () => {
    const result = await runCli([
      'run',
      'safety-incident',
      '--engine',
      'virtual',
      '--seed',
      '3',
      ...reportDir,
      '--rules',
      'stack/prometheus/rules/child-safety.yml',
      fixture('unemitted-metric'),
    ]);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      '! warning: rule EmergencyResponseSlowOriginal (unemitted-metric.yml) reads emergency_response_time_bucket, which matches nothing sim emits: no metric is named emergency_response_time_bucket',
    );
    // Without the compliance rules, the compliance route is reached by nothing, and said so.
    expect(result.stdout).toMatch(
      /! warning: route\.routes\[\d+\] \(team="compliance"\) → compliance-email is reached by no alert of the rule files/,
    );
  });
});
