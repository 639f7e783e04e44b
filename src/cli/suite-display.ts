import { createLogUpdate } from 'log-update';
import pc from 'picocolors';
import type { RunSummary } from '../report/summary.js';
import type { SuiteEvent, SuiteResult } from '../engine/run-suite.js';
import { listScenarioNames } from '../scenario/load.js';
import { formatCoverage } from './coverage-display.js';
import { describeMs } from '../verdict/subject.js';
import {
  colorOutcome,
  formatProgress,
  formatVerdictTable,
  formatWarnings,
  streamOutput,
} from './present.js';

interface Row {
  state: string;
}

/**
 * On a terminal, one line per scenario redrawn in place; in CI or a pipe, one plain line when a
 * scenario starts and one when it ends, so logs stay readable.
 */
export function createSuiteDisplay(stream: NodeJS.WriteStream) {
  const interactive = stream.isTTY === true && !process.env['CI'];
  const out = streamOutput(stream);
  const rows = new Map<string, Row>();
  const redraw = interactive ? createLogUpdate(stream) : undefined;
  const render = () =>
    redraw?.([...rows].map(([name, row]) => `${name.padEnd(20)} ${row.state}`).join('\n'));

  return {
    update: (event: SuiteEvent) => {
      const line = describeEvent(event);
      if (line === undefined) return;
      rows.set(event.scenario, { state: line });
      if (interactive) render();
      else if (event.type !== 'progress') out.line(`${event.scenario}: ${line}`);
    },
    /** Ends the live lines without printing the results. */
    finish: () => redraw?.done(),
    done: (result: SuiteResult) => {
      redraw?.done();
      for (const scenario of result.scenarios) {
        if (scenario.summary) printScenario(out, scenario.summary);
      }
      // Every scenario reads the same stack, so its warnings are printed once.
      const warnings = new Set(
        result.scenarios.flatMap((s) => (s.summary ? formatWarnings(s.summary) : [])),
      );
      if (warnings.size > 0) out.line('');
      for (const warning of warnings) out.line(warning);
      if (result.coverage !== null) {
        out.line(`\n${pc.bold('alert coverage')}`);
        // A subset leaves most alerts unfired by design: a table of them would only be noise.
        const subset = result.scenarios.length < listScenarioNames().length;
        out.line(formatCoverage(result.coverage, { gapsOnly: true, table: !subset }));
      }
      const total = result.scenarios.length;
      const passed = result.scenarios.filter((s) => s.summary?.outcome === 'pass').length;
      out.line(
        `${passed} of ${total} scenarios passed (seed ${result.seed}); report: ${result.reportPath}`,
      );
    },
  };
}

function describeEvent(event: SuiteEvent): string | undefined {
  switch (event.type) {
    case 'started':
      return pc.dim('started');
    case 'progress':
      return event.event.type === 'recording' || event.event.type === 'evaluating'
        ? pc.dim(formatProgress(event.event) ?? '')
        : undefined;
    case 'finished': {
      const { pass, fail, inconclusive } = event.summary.counts;
      return `${colorOutcome(event.summary.outcome)} ${pass} passed, ${fail} failed, ${inconclusive} inconclusive in ${describeMs(event.wallTimeMs)}`;
    }
    case 'errored':
      return `${pc.red('ERROR')} ${event.error.message}`;
  }
}

function printScenario(out: ReturnType<typeof streamOutput>, summary: RunSummary): void {
  out.line(`\n${pc.bold(summary.scenario)}: ${summary.description}`);
  out.line(formatVerdictTable(summary));
}
