import Table from 'cli-table3';
import pc from 'picocolors';
import {
  QUIET_SCENARIO,
  type AlertCoverage,
  type CoverageGap,
  type CoverageReport,
} from '../report/coverage.js';
import { describeMs } from '../verdict/subject.js';

const GAP_TEXT: Record<CoverageGap, string> = {
  'never-fired': 'NEVER FIRED',
  'not-silent-in-normal-operation': `NOT PROVEN SILENT IN ${QUIET_SCENARIO}`,
};

/**
 * The coverage table: one row per alert, gaps first. With `gapsOnly` (the suite's own section)
 * only the alerts with a gap get a row; with `table: false` none do. The closing line always
 * counts all of them.
 */
export function formatCoverage(
  report: CoverageReport,
  options: { gapsOnly: boolean; table?: boolean },
): string {
  const shown = options.gapsOnly ? report.alerts.filter((a) => a.gaps.length > 0) : report.alerts;
  const rows = options.table === false ? [] : shown;
  const lines: string[] = [];
  const quietRan = report.scenarios.includes(QUIET_SCENARIO);
  if (rows.length > 0) {
    const table = new Table({
      head: ['alert', 'fired by (first firing / SLA)', 'silent in', 'coverage'].map((h) =>
        pc.bold(h),
      ),
      style: { head: [], border: [] },
    });
    for (const alert of rows) {
      table.push([alert.alert, firedByCell(alert), silentInCell(alert), gapCell(alert, quietRan)]);
    }
    lines.push(table.toString());
  }
  lines.push(closingLine(report));

  return lines.join('\n');
}

function firedByCell(alert: AlertCoverage): string {
  if (alert.firedBy.length === 0) return pc.dim('–');

  return alert.firedBy
    .map((proof) => {
      const firing = proof.firingMs === null ? '?' : describeMs(proof.firingMs);
      const sla = proof.slaMs === null ? '' : ` / ${describeMs(proof.slaMs)}`;
      return `${proof.scenario} ${firing}${sla}`;
    })
    .join('\n');
}

function silentInCell(alert: AlertCoverage): string {
  if (alert.silentIn.length === 0) return pc.dim('–');

  return alert.silentIn
    .map((proof) =>
      proof.during === null ? proof.scenario : `${proof.scenario} (${proof.during})`,
    )
    .join('\n');
}

function gapCell(alert: AlertCoverage, quietRan: boolean): string {
  // Without normal-operation, an alert's silence is not judged: fired is all it can be.
  if (alert.gaps.length === 0) return quietRan ? pc.green('ok') : pc.yellow('fired only');

  return alert.gaps.map((gap) => pc.red(GAP_TEXT[gap])).join('\n');
}

function closingLine(report: CoverageReport): string {
  const total = report.alerts.length;
  if (report.goalMet) {
    return pc.green(
      `coverage: all ${total} alerts fired by a scenario and silent in ${QUIET_SCENARIO}`,
    );
  }
  const parts = [`${report.neverFired.length} of ${total} alerts never fired`];
  if (report.scenarios.includes(QUIET_SCENARIO)) {
    parts.push(
      `${report.notSilentInNormalOperation.length} not proven silent in ${QUIET_SCENARIO}`,
    );
  } else {
    parts.push(`${QUIET_SCENARIO} did not run or errored, so no alert's silence is judged`);
  }

  return pc.yellow(`coverage: ${parts.join('; ')}`);
}
