import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../src/report/summary.js';
import { processesMarked, runCli, type CliResult } from '../support/run-cli.js';

const SEED = '5';

/** The scenario runs 2m10s in real time, after the stack's start and self-check. */
const RUN_TIMEOUT_MS = 300_000;

describe('sim run emergency on the local stack', () => {
  const reportRoot = mkdtempSync(path.join(tmpdir(), 'sim-live-emergency-'));
  let result: CliResult;
  let summary: RunSummary;

  beforeAll(async () => {
    result = await runCli(
      ['run', 'emergency', '--seed', SEED, '--json', '--report-dir', reportRoot],
      { timeoutMs: RUN_TIMEOUT_MS },
    );
    summary = JSON.parse(result.stdout) as RunSummary;
  }, RUN_TIMEOUT_MS + 10_000);
  afterAll(() => rmSync(reportRoot, { recursive: true, force: true }));

  it('passes every expectation and exits 0', () => {
    expect(summary.expectations.map((e) => [e.subject, e.outcome, e.reason])).toEqual(
      summary.expectations.map((e) => [e.subject, 'pass', e.reason]),
    );
    expect(result.exitCode).toBe(0);
    expect(summary.engine).toBe('live');
  });

  it('pages the emergency team and PagerDuty through the real Alertmanager', () => {
    expect(summary.notificationsByReceiver['emergency']).toBeGreaterThanOrEqual(1);
    expect(summary.notificationsByReceiver['pagerduty']).toBeGreaterThanOrEqual(1);
  });

  it('proves the warning tier fired and was inhibited, not merely absent', () => {
    const warning = summary.expectations.filter(
      (e) => e.alert === 'EmergencyResponseSlow' && e.labels['severity'] === 'warning',
    );
    expect(warning.map((e) => [e.expect, e.receiver, e.outcome])).toEqual([
      ['fires', null, 'pass'],
      ['silent', 'emergency', 'pass'],
      ['silent', 'pagerduty', 'pass'],
    ]);
    const warningAlert = summary.alerts.find(
      (a) => a.alert === 'EmergencyResponseSlow' && a.labels['severity'] === 'warning',
    );
    expect(warningAlert?.firingAtMs).toEqual(expect.any(Number));
    expect(warningAlert?.receivers).toEqual([]);
  });

  it('leaves no Prometheus or Alertmanager running', () => {
    expect(processesMarked(result.mark)).toEqual([]);
  });
});
