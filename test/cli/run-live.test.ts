import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../src/report/summary.js';
import { loadScenario } from '../../src/scenario/load.js';
import { createWorld } from '../../src/world/world.js';
import { createRecordingSink } from '../../src/world/recording-sink.js';
import { processesMarked, runCli, type CliResult } from '../support/run-cli.js';

const SEED = '20261203';

describe('sim run safety-incident on the local stack', () => {
  const reportRoot = mkdtempSync(path.join(tmpdir(), 'sim-live-'));
  let result: CliResult;
  let summary: RunSummary;
  let reportDir: string;

  beforeAll(async () => {
    result = await runCli(
      ['run', 'safety-incident', '--seed', SEED, '--json', '--verbose', '--report-dir', reportRoot],
      { timeoutMs: 240_000 },
    );
    summary = JSON.parse(result.stdout) as RunSummary;
    reportDir = path.join(reportRoot, summary.runId);
  }, 250_000);
  afterAll(() => rmSync(reportRoot, { recursive: true, force: true }));

  it('passes every expectation and exits 0', () => {
    expect(summary.expectations.map((e) => [e.subject, e.outcome, e.reason])).toEqual(
      summary.expectations.map((e) => [e.subject, 'pass', e.reason]),
    );
    expect(result.exitCode).toBe(0);
  });

  it('pages PagerDuty within the 15 s the shipped settings predict', () => {
    const page = summary.expectations.find((e) => e.receiver === 'pagerduty');
    expect(page).toMatchObject({
      alert: 'ChildSafetyViolationCritical',
      outcome: 'pass',
      slaMs: 60_000,
    });
    expect(page?.predictedMs).toBeLessThanOrEqual(15_000);
    expect(page?.measuredMs.firing).toBeGreaterThan(0);
    expect(page?.measuredMs.notification).toBeGreaterThanOrEqual(
      page?.measuredMs.firing ?? Infinity,
    );
    expect(page?.measuredMs.notification).toBeLessThanOrEqual(15_000);
  });

  it('writes summary.json with the scenario, seed, engine and stack versions', () => {
    const written = JSON.parse(
      readFileSync(path.join(reportDir, 'summary.json'), 'utf8'),
    ) as RunSummary;
    expect(written).toEqual(summary);
    expect(written).toMatchObject({ scenario: 'safety-incident', seed: SEED, engine: 'live' });
    expect(written.stack.versions.prometheus).toMatch(/^2\.\d+/);
    expect(written.stack.versions.alertmanager).toMatch(/^0\.\d+/);
    expect(readdirSync(reportDir).sort()).toEqual(
      ['notifications.ndjson', 'summary.json', 'timeline.json', 'traces.otlp.json'].sort(),
    );
  });

  it('prints the phases and what it waits for as it goes', () => {
    const progress = result.stderr;
    expect(progress).toMatch(/phase 1\/3 baseline/);
    expect(progress).toMatch(/phase 2\/3 incident/);
    expect(progress).toMatch(/waiting, at most .* more, for:\n\s+· ChildSafetyViolationCritical/);
    expect(progress).toMatch(/pagerduty received ChildSafetyViolationCritical/);
  });

  it('agrees with the virtual engine on the outcome of every expectation', async () => {
    const virtual = await runCli([
      'run',
      'safety-incident',
      '--engine',
      'virtual',
      '--seed',
      SEED,
      '--json',
      '--report-dir',
      reportRoot,
    ]);
    const virtualSummary = JSON.parse(virtual.stdout) as RunSummary;
    const outcomes = (s: RunSummary) => s.expectations.map((e) => [e.subject, e.outcome]);
    expect(outcomes(virtualSummary)).toEqual(outcomes(summary));
  });

  it('leaves no Prometheus or Alertmanager running', () => {
    expect(processesMarked(result.mark)).toEqual([]);
  });

  it('lets no child name or id out of the world: not in reports, spans or logs', async () => {
    const { scenario } = await loadScenario('safety-incident', {
      importModule: (url) => import(url),
    });
    const world = createWorld({ scenario, seed: SEED });
    world.advanceTo(summary.durationMs, createRecordingSink());
    const secrets = world.__childrenForTests().flatMap((child) => [child.name, child.id]);
    expect(secrets.length).toBeGreaterThan(10);
    const written = readdirSync(reportDir).map((file) =>
      readFileSync(path.join(reportDir, file), 'utf8'),
    );
    const haystack = [result.stdout, result.stderr, ...written].join('\n');
    expect(written.join('').length).toBeGreaterThan(10_000);
    expect(secrets.filter((secret) => haystack.includes(secret))).toEqual([]);
  });
});
