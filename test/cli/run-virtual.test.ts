import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { CoverageReport } from '../../src/report/coverage.js';
import type { RunSummary } from '../../src/report/summary.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sim-virtual-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function virtualRun(
  seed: string,
  reportDir = dir,
): Promise<{ summary: RunSummary; promtoolFile: string; exitCode: number | null }> {
  const result = await runCli([
    'run',
    'safety-incident',
    '--engine',
    'virtual',
    '--seed',
    seed,
    '--json',
    '--report-dir',
    reportDir,
  ]);
  const summary = JSON.parse(result.stdout) as RunSummary;
  const promtoolFile = readFileSync(
    path.join(reportDir, summary.runId, 'alerts.promtool.yml'),
    'utf8',
  );

  return { summary, promtoolFile, exitCode: result.exitCode };
}

const outcomes = (summary: RunSummary) => summary.expectations.map((e) => [e.subject, e.outcome]);

describe('sim run --engine virtual', () => {
  it('passes safety-incident in seconds, judged by promtool', async () => {
    const { summary, exitCode } = await virtualRun('11');
    expect(exitCode).toBe(0);
    expect(summary.engine).toBe('virtual');
    expect(summary.expectations.every((e) => e.outcome === 'pass')).toBe(true);
    const page = summary.expectations.find((e) => e.receiver === 'pagerduty');
    expect(page?.measuredMs.firing).toBeGreaterThan(0);
    expect(page?.measuredMs.notification).toBe((page?.measuredMs.firing ?? 0) + 1_000);
  });

  it('writes byte-identical promtool files and the same verdicts for the same seed', async () => {
    const first = await virtualRun('12', path.join(dir, 'a'));
    const second = await virtualRun('12', path.join(dir, 'b'));
    expect(second.promtoolFile).toBe(first.promtoolFile);
    expect(second.summary.expectations).toEqual(first.summary.expectations);
  });

  it('changes the series but not the verdicts with another seed', async () => {
    const first = await virtualRun('13');
    const other = await virtualRun('14');
    expect(other.promtoolFile).not.toBe(first.promtoolFile);
    expect(outcomes(other.summary)).toEqual(outcomes(first.summary));
  });
});

describe('sim export --format promtool', () => {
  it('writes a file that passes with promtool test rules alone', async () => {
    const out = path.join(dir, 'exported', 'safety-incident.test.yml');
    execFileSync('mkdir', ['-p', path.dirname(out)]);
    const result = await runCli(['export', 'safety-incident', '--seed', '5', '--out', out]);
    expect(result.exitCode).toBe(0);
    const promtool = execFileSync('promtool', ['test', 'rules', out], {
      cwd: '/',
      encoding: 'utf8',
    });
    expect(promtool).toContain('SUCCESS');
  });

  it('names each expectation it cannot put in the file', async () => {
    const out = path.join(dir, 'exported', 'emergency.test.yml');
    const result = await runCli(['export', 'emergency', '--seed', '5', '--out', out]);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(
      '! not in the file: EmergencyResponseSlow{severity="warning"} never reaches emergency',
    );
    expect(result.stderr).toContain('5 checks');
  });

  it('writes a file that fails with promtool when the rule no longer fires', async () => {
    const rules = path.join(dir, 'unreachable.yml');
    const shipped = readFileSync('stack/prometheus/rules/child-safety.yml', 'utf8');
    writeFileSync(rules, shipped.replace(/\) > 0\n/, ') > 1e9\n'));
    const out = path.join(dir, 'exported-broken.test.yml');
    const result = await runCli([
      'export',
      'safety-incident',
      '--seed',
      '5',
      '--out',
      out,
      '--rules',
      rules,
      'stack/prometheus/rules/meta.yml',
      'stack/prometheus/rules/system.yml',
    ]);
    expect(result.exitCode).toBe(0);
    expect(() => execFileSync('promtool', ['test', 'rules', out], { stdio: 'pipe' })).toThrow(
      /FAILED/,
    );
  });
});

describe('sim suite', () => {
  // Two scenarios cover 6 virtual hours; on two busy cores the suite takes several minutes.
  it('runs every scenario in virtual time and writes JUnit and summary.json', async () => {
    const result = await runCli(['suite', '--seed', '21', '--report-dir', dir, '--json'], {
      timeoutMs: 880_000,
    });
    expect(result.exitCode).toBe(0);
    const suite = JSON.parse(result.stdout) as { runId: string; scenarios: { scenario: string }[] };
    const reportDir = path.join(dir, suite.runId);
    expect(readdirSync(reportDir)).toEqual(expect.arrayContaining(['junit.xml', 'summary.json']));
    const junit = readFileSync(path.join(reportDir, 'junit.xml'), 'utf8');
    for (const { scenario } of suite.scenarios) {
      expect(junit).toContain(`<testsuite name="${scenario}"`);
      expect(readdirSync(path.join(reportDir, scenario))).toContain('alerts.promtool.yml');
    }
    expect(junit).toContain('failures="0"');
    // The coverage goal: every alert fired by some scenario and silent in normal-operation.
    const { coverage } = suite as unknown as { coverage: CoverageReport };
    expect({
      neverFired: coverage.neverFired,
      notSilent: coverage.notSilentInNormalOperation,
    }).toEqual({ neverFired: [], notSilent: [] });
    expect(coverage.goalMet).toBe(true);
  }, 900_000);
});
