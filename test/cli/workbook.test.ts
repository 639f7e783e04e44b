import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../src/report/summary.js';
import { runCli } from '../support/run-cli.js';

const DETECTION_MS = 0.001 * 14.4 * 3_600 * 1_000; // 51.84 s
const EVALUATION_MS = 5_000;
const SCRAPE_MS = 5_000;
const FOR_MS = 120_000;

describe('the SRE workbook figure, measured by the virtual engine', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sim-workbook-'));
  let summary: RunSummary;

  beforeAll(async () => {
    const result = await runCli(
      [
        'run',
        'fixtures/scenarios/total-outage.ts',
        '--engine',
        'virtual',
        '--seed',
        '9',
        '--json',
        '--report-dir',
        dir,
      ],
      { timeoutMs: 120_000 },
    );
    expect(result.exitCode).toBe(0);
    summary = JSON.parse(result.stdout) as RunSummary;
  }, 130_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('goes pending one scrape and one evaluation after 14.4 × 0.1 % of the hour has failed', () => {
    const outageStartMs = 3_600_000;
    const page = summary.alerts.find(
      (a) => a.alert === 'SLOAvailabilityBurnRateCritical' && a.labels['tier'] === '14.4x',
    );
    const pendingAfterMs = (page?.pendingAtMs ?? NaN) - outageStartMs;
    expect(pendingAfterMs).toBeGreaterThanOrEqual(DETECTION_MS);
    expect(pendingAfterMs).toBeLessThanOrEqual(DETECTION_MS + SCRAPE_MS + EVALUATION_MS);
  });

  it('fires between the detection time and that plus one evaluation and the rule`s for', () => {
    const [page] = summary.expectations;
    expect(page?.outcome).toBe('pass');
    expect(page?.measuredMs.firing).toBeGreaterThanOrEqual(DETECTION_MS + FOR_MS);
    expect(page?.measuredMs.firing).toBeLessThanOrEqual(DETECTION_MS + EVALUATION_MS + FOR_MS);
  });
});
