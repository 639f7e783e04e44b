import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../src/report/summary.js';
import { processesMarked, runCli } from '../support/run-cli.js';

const reportRoot = mkdtempSync(path.join(tmpdir(), 'sim-interrupt-'));
afterAll(() => rmSync(reportRoot, { recursive: true, force: true }));

/** A live run stopped by `signal` once its first phase has begun. */
function interruptedRun(signal: NodeJS.Signals) {
  return runCli(['run', 'safety-incident', '--seed', '1', '--json', '--report-dir', reportRoot], {
    interrupt: { when: /phase 1\/3 baseline/, signal },
    timeoutMs: 60_000,
  });
}

describe('a live run stopped by a signal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s stops the stack, leaves every verdict inconclusive and exits %i',
    async (signal, exitCode) => {
      const result = await interruptedRun(signal);
      const summary = JSON.parse(result.stdout) as RunSummary;

      expect(result.exitCode).toBe(exitCode);
      expect(result.stderr).toContain(`${signal}: stopping the run and the stack`);
      expect(summary.outcome).toBe('inconclusive');
      expect(new Set(summary.expectations.map((e) => e.outcome))).toEqual(
        new Set(['inconclusive']),
      );
      expect(processesMarked(result.mark)).toEqual([]);
    },
    90_000,
  );
});
