import type { AlertCoverage, CoverageReport } from '../report/coverage.js';
import { formatCoverage } from './coverage-display.js';

const fired: AlertCoverage = {
  alert: 'ContentToxicityHigh',
  severity: 'warning',
  team: 'child-safety',
  firedBy: [{ scenario: 'safety-incident', firingMs: 40_000, slaMs: 80_000, receivers: [] }],
  silentIn: [],
  gaps: [],
};

function report(scenarios: string[]): CoverageReport {
  return {
    alerts: [fired],
    neverFired: [],
    notSilentInNormalOperation: [],
    goalMet: false,
    scenarios,
  };
}

describe('formatCoverage', () => {
  it('does not call an alert covered when normal-operation did not run to judge its silence', () => {
    const text = formatCoverage(report(['safety-incident']), { gapsOnly: false });

    expect(text).toContain('fired only');
    expect(text).not.toMatch(/│ ok /);
    expect(text).toContain(
      "normal-operation did not run or errored, so no alert's silence is judged",
    );
    expect(text).not.toContain('not proven silent in normal-operation');
  });
});
