import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { RunSummary } from '../../src/report/summary.js';
import { processesMarked, ROOT, runCli, type CliResult } from '../support/run-cli.js';

interface RuleFile {
  groups: { rules: { alert?: string; expr: string }[] }[];
}

/** The shipped child-safety rules, with the critical alert's threshold out of reach. */
function unreachableCriticalRules(dir: string): string {
  const file = path.join(ROOT, 'stack/prometheus/rules/child-safety.yml');
  const rules = parse(readFileSync(file, 'utf8')) as RuleFile;
  const critical = rules.groups
    .flatMap((g) => g.rules)
    .find((r) => r.alert === 'ChildSafetyViolationCritical');
  if (critical === undefined || !/> 0\s*$/.test(critical.expr)) {
    throw new Error(
      'the shipped ChildSafetyViolationCritical no longer ends in "> 0"; update this test',
    );
  }
  critical.expr = critical.expr.replace(/> 0\s*$/, '> 1e9\n');
  const target = path.join(dir, 'child-safety-unreachable.yml');
  writeFileSync(target, stringify(rules));

  return target;
}

describe('sim run safety-incident with the critical threshold out of reach', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sim-fail-'));
  let result: CliResult;
  let summary: RunSummary;

  beforeAll(async () => {
    const rules = [
      unreachableCriticalRules(dir),
      'stack/prometheus/rules/system.yml',
      'stack/prometheus/rules/meta.yml',
    ];
    result = await runCli(
      ['run', 'safety-incident', '--seed', '7', '--json', '--report-dir', dir, '--rules', ...rules],
      { timeoutMs: 240_000 },
    );
    summary = JSON.parse(result.stdout) as RunSummary;
  }, 250_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1', () => {
    expect(result.exitCode).toBe(1);
    expect(summary.outcome).toBe('fail');
  });

  it('fails the page with a verdict that says the alert never fired', () => {
    const pages = summary.expectations.filter(
      (e) => e.alert === 'ChildSafetyViolationCritical' && e.expect === 'fires',
    );
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page.outcome).toBe('fail');
      expect(page.reason).toBe('never fired within 60s of unsafe-burst');
      expect(page.measuredMs.firing).toBeNull();
    }
  });

  it('still passes what the changed rule does not touch', () => {
    const toxicity = summary.expectations.find((e) => e.alert === 'ContentToxicityHigh');
    expect(toxicity?.outcome).toBe('pass');
  });

  it('leaves no Prometheus or Alertmanager running', () => {
    expect(processesMarked(result.mark)).toEqual([]);
  });
});
