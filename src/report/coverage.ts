import type { AlertRuleInfo } from '../stack/types.js';
import type { ExpectationSummary, RunSummary } from './summary.js';

/** The scenario that proves the rules stay quiet on an ordinary day. */
export const QUIET_SCENARIO = 'normal-operation';

/** A scenario whose passing `fires` expectation proves the alert fires. */
export interface FiringProof {
  scenario: string;
  /** From the fault (or phase) the expectation names to the first firing, and its SLA. */
  firingMs: number | null;
  slaMs: number | null;
  /** Receivers the scenario proved the notification reaches within the SLA. */
  receivers: string[];
}

/** A scenario whose passing `silent` expectation covers the alert. */
export interface SilenceProof {
  scenario: string;
  /** The phase judged; null for the whole run. */
  during: string | null;
}

export type CoverageGap = 'never-fired' | 'not-silent-in-normal-operation';

export interface AlertCoverage {
  alert: string;
  severity: string | null;
  team: string | null;
  firedBy: FiringProof[];
  silentIn: SilenceProof[];
  gaps: CoverageGap[];
}

/** Which scenario proves which alert, the gaps first. Part of every suite report. */
export interface CoverageReport {
  /** Never-fired alerts first, then the ones normal-operation does not prove silent. */
  alerts: AlertCoverage[];
  neverFired: string[];
  notSilentInNormalOperation: string[];
  /** Every alert fired by a scenario and silent in normal-operation (unless it proves it fires). */
  goalMet: boolean;
  scenarios: string[];
}

/**
 * Folds the verdicts of many scenarios into coverage per alert rule. Only passing expectations
 * count: a proof is a verdict from the rule engine, never an alert that merely appeared. A
 * `silent` expectation covers an alert when it names it (or names none and does not except it)
 * and its labels are static labels of every rule of that alert, so `{ team: 'platform' }`
 * covers the platform alerts and `{ model: 'palm-2' }` covers none in full. A `silent`
 * expectation with a receiver judges delivery, not firing, and proves no silence.
 */
export function buildCoverage(
  rules: readonly AlertRuleInfo[],
  summaries: readonly RunSummary[],
): CoverageReport {
  const byAlert = new Map<string, AlertRuleInfo[]>();
  for (const rule of rules) byAlert.set(rule.alert, [...(byAlert.get(rule.alert) ?? []), rule]);
  const quietRan = summaries.some((s) => s.scenario === QUIET_SCENARIO);

  const alerts = [...byAlert].map(([alert, alertRules]): AlertCoverage => {
    const firedBy = summaries.flatMap((s) => firingProof(alert, s));
    const silentIn = summaries.flatMap((s) => silenceProofs(alert, alertRules, s));
    const gaps: CoverageGap[] = [];
    if (firedBy.length === 0) gaps.push('never-fired');
    const firesWhenQuiet = firedBy.some((p) => p.scenario === QUIET_SCENARIO);
    const quiet = silentIn.some((p) => p.scenario === QUIET_SCENARIO && p.during === null);
    if (quietRan && !quiet && !firesWhenQuiet) gaps.push('not-silent-in-normal-operation');
    const labels = alertRules[0]?.labels ?? {};

    return {
      alert,
      severity: labels['severity'] ?? null,
      team: labels['team'] ?? null,
      firedBy,
      silentIn,
      gaps,
    };
  });
  alerts.sort((a, b) => gapRank(a) - gapRank(b) || a.alert.localeCompare(b.alert));
  const withGap = (gap: CoverageGap) =>
    alerts.filter((a) => a.gaps.includes(gap)).map((a) => a.alert);

  return {
    alerts,
    neverFired: withGap('never-fired'),
    notSilentInNormalOperation: withGap('not-silent-in-normal-operation'),
    goalMet: quietRan && alerts.every((a) => a.gaps.length === 0),
    scenarios: summaries.map((s) => s.scenario),
  };
}

function gapRank(coverage: AlertCoverage): number {
  if (coverage.gaps.includes('never-fired')) return 0;
  return coverage.gaps.length > 0 ? 1 : 2;
}

function firingProof(alert: string, summary: RunSummary): FiringProof[] {
  const proofs = summary.expectations.filter(
    (e) => e.expect === 'fires' && e.alert === alert && e.outcome === 'pass',
  );
  if (proofs.length === 0) return [];
  const first = proofs.reduce((best, e) => (firing(e) < firing(best) ? e : best));
  const receivers = [...new Set(proofs.flatMap((e) => (e.receiver === null ? [] : [e.receiver])))];

  return [
    {
      scenario: summary.scenario,
      firingMs: first.measuredMs.firing,
      slaMs: first.slaMs,
      receivers,
    },
  ];
}

function firing(e: ExpectationSummary): number {
  return e.measuredMs.firing ?? Infinity;
}

function silenceProofs(
  alert: string,
  rules: readonly AlertRuleInfo[],
  summary: RunSummary,
): SilenceProof[] {
  const covering = summary.expectations.filter(
    (e) =>
      e.expect === 'silent' &&
      e.outcome === 'pass' &&
      // Kept from one receiver is not silent: the alert may fire and go elsewhere.
      e.receiver === null &&
      (e.alert === alert || (e.alert === null && !e.except.includes(alert))) &&
      Object.entries(e.labels).every(([name, value]) =>
        rules.every((rule) => rule.labels[name] === value),
      ),
  );
  const phases = [...new Set(covering.map((e) => e.during))];
  // A whole-run proof says everything a per-phase one does.
  const kept = phases.includes(null) ? [null] : phases;

  return kept.map((during) => ({ scenario: summary.scenario, during }));
}
