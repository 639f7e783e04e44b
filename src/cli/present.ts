import { basename } from 'node:path';
import Table from 'cli-table3';
import pc from 'picocolors';
import { formatDuration } from '../common/duration.js';
import { describeMatch, describeMs } from '../verdict/subject.js';
import type { ProgressEvent } from '../engine/progress.js';
import type { ExpectationSummary, RunSummary } from '../report/summary.js';
import type { Outcome } from '../verdict/types.js';

/** Where human output goes; `--json` sends it to stderr so stdout carries only JSON. */
export interface Output {
  line(text: string): void;
}

export function streamOutput(stream: NodeJS.WritableStream): Output {
  return { line: (text) => stream.write(`${text}\n`) };
}

/** A live run longer than this is worth a word before it starts. */
const LONG_LIVE_RUN_MS = 30 * 60_000;

const stamp = (atMs: number) => pc.dim(`[${(atMs / 1_000).toFixed(1).padStart(6)} s]`);

/** One line per event worth a person's attention; Watchdog chatter is left out. */
export function formatProgress(event: ProgressEvent): string | undefined {
  switch (event.type) {
    case 'starting': {
      const heading = `${pc.bold(`sim run ${event.scenario}`)} · seed ${event.seed} · engine ${event.engine}\n${pc.dim(event.description)}`;
      if (event.engine !== 'live' || event.durationMs < LONG_LIVE_RUN_MS) return heading;

      return `${heading}\n${pc.yellow(`! this scenario lasts ${formatDuration(event.durationMs)} in real time; --engine virtual runs it in minutes (Ctrl-C stops it)`)}`;
    }
    case 'phases-done':
      return `${stamp(event.atMs)} every phase has run`;
    case 'stack-starting':
      return `▸ starting the ${event.kind} stack (Prometheus, Alertmanager)…`;
    case 'stack-ready':
      return (
        `✓ stack ready in ${describeMs(event.startupMs)}: Prometheus ${event.versions.prometheus}` +
        ` at ${event.prometheusUrl}, Alertmanager ${event.versions.alertmanager} at ${event.alertmanagerUrl}`
      );
    case 'self-check':
      return event.ok
        ? '✓ self-check: rules healthy, sim target up, Watchdog delivered'
        : pc.yellow(
            `! self-check failed, verdicts will be inconclusive: ${event.problems.join('; ')}`,
          );
    case 'phase':
      return `${stamp(event.atMs)} phase ${event.index + 1}/${event.count} ${pc.bold(event.name)} (${describeMs(event.durationMs)})`;
    case 'fault':
      return `${stamp(event.atMs)} fault ${pc.bold(event.name)} ${event.state}`;
    case 'waiting': {
      const left = describeMs(Math.max(0, event.untilMs - event.atMs));
      const subjects = event.subjects.map((subject) => `\n           · ${subject}`).join('');
      return `${stamp(event.atMs)} waiting, at most ${left} more, for:${subjects}`;
    }
    case 'alert':
      if (event.transition.alert === 'Watchdog') return undefined;
      return `${stamp(event.transition.atMs)} alert ${describeMatch(event.transition.alert, withoutName(event.transition.labels))} ${colorState(event.transition.state)}`;
    case 'notification':
      if (event.notification.alert === 'Watchdog') return undefined;
      return `${stamp(event.notification.atMs)} ${event.notification.receiver} received ${event.notification.alert} (${event.notification.status})`;
    case 'stack-fault':
      return pc.red(`${stamp(event.atMs)} stack fault: ${event.reason}`);
    case 'recording': {
      const percent = Math.round((event.atMs / Math.max(1, event.endMs)) * 100);
      return `▸ recording virtual time: ${describeMs(event.atMs)} of ${describeMs(event.endMs)} (${percent} %)`;
    }
    case 'evaluating':
      // The file lives in the report's staging folder until the run ends: name it, not its path.
      return `▸ promtool evaluates the rules over ${event.series} series × ${event.steps} steps (${basename(event.file)}, kept in the report)`;
  }
}

function withoutName(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([name]) => name !== 'alertname'));
}

function colorState(state: string): string {
  if (state === 'firing') return pc.red(state);
  if (state === 'pending') return pc.yellow(state);

  return pc.green(state);
}

export function colorOutcome(outcome: Outcome): string {
  if (outcome === 'pass') return pc.green('PASS');
  if (outcome === 'fail') return pc.red('FAIL');

  return pc.yellow('INCONCLUSIVE');
}

const ms = (value: number | null) => (value === null ? '–' : describeMs(value));

function describeWhat(e: ExpectationSummary): string {
  const match = describeMatch(e.alert ?? undefined, e.labels);
  const what = e.subject.startsWith(match) ? e.subject.slice(match.length).trim() : e.subject;

  return `${match}\n${pc.dim(what)}`;
}

/** The verdict table: one row per expectation, measured times against the SLA and the bound. */
export function formatVerdictTable(summary: RunSummary): string {
  const table = new Table({
    head: ['result', 'expectation', 'measured', 'notified', 'SLA', 'predicted'].map((h) =>
      pc.bold(h),
    ),
    style: { head: [], border: [] },
  });
  for (const e of summary.expectations) {
    table.push([
      colorOutcome(e.outcome),
      describeWhat(e),
      ms(e.measuredMs.firing ?? e.measuredMs.resolved),
      ms(e.measuredMs.notification),
      ms(e.slaMs),
      ms(e.predictedMs),
    ]);
  }
  const reasons = summary.expectations
    .filter((e) => e.outcome !== 'pass')
    .map((e) => `${colorOutcome(e.outcome)} ${e.subject}: ${e.reason}`);

  return [table.toString(), ...reasons].join('\n');
}

/** Warnings do not decide a verdict, so they come after the table, each on its own line. */
export function formatWarnings(summary: RunSummary): string[] {
  return summary.warnings.map((warning) => pc.yellow(`! warning: ${warning}`));
}

export function formatRunFooter(summary: RunSummary, reportPath: string): string {
  const { pass, fail, inconclusive } = summary.counts;

  return [
    `${colorOutcome(summary.outcome)} ${summary.scenario}: ${pass} passed, ${fail} failed, ${inconclusive} inconclusive (seed ${summary.seed})`,
    `report: ${reportPath}`,
  ].join('\n');
}
