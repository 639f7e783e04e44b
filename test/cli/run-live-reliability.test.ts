import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../src/report/summary.js';
import { processesMarked, runCli, type CliResult } from '../support/run-cli.js';

const SEED = '20261204';
const PLATFORM_ALERTS = [
  'HighErrorRate',
  'ServiceDown',
  'HighRequestLatency',
  'DatabaseConnectionHealthLow',
  'DiskSpaceLow',
  'MemoryNearlyExhausted',
];

/** The scenario runs about 4m15s in real time, after the stack's start and self-check. */
const RUN_TIMEOUT_MS = 420_000;

describe('sim run reliability-fault on the local stack', () => {
  const reportRoot = mkdtempSync(path.join(tmpdir(), 'sim-live-reliability-'));
  let result: CliResult;
  let summary: RunSummary;

  beforeAll(async () => {
    result = await runCli(
      ['run', 'reliability-fault', '--seed', SEED, '--json', '--report-dir', reportRoot],
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
  });

  it('judges every platform alert firing, paging and resolving', () => {
    const judged = (expect: string) =>
      summary.expectations.filter((e) => e.expect === expect).map((e) => e.alert);

    expect(judged('fires').sort()).toEqual([...PLATFORM_ALERTS].sort());
    expect(judged('resolves').sort()).toEqual([...PLATFORM_ALERTS].sort());
    expect(summary.engine).toBe('live');
    expect(summary.notificationsByReceiver['pagerduty']).toBeGreaterThanOrEqual(4);
    expect(summary.notificationsByReceiver['default']).toBeGreaterThanOrEqual(2);
  });

  it('prints each phase as it starts', () => {
    for (const phase of ['baseline', 'errors', 'outage', 'degraded', 'recovery']) {
      expect(result.stderr).toMatch(new RegExp(`phase \\d/5 ${phase}`));
    }
  });

  it('leaves no Prometheus or Alertmanager running', () => {
    expect(processesMarked(result.mark)).toEqual([]);
  });
});
