import { planTiers, windowHours, type PlannedTier, type Slo } from './model.js';
import { errorRatio, eventRate, onLabels, type GeneratedRule } from './recordings.js';
import {
  numberText,
  percentWords,
  periodAdjective,
  periodWords,
  spanOfWindow,
  spanWords,
  windowWords,
} from './wording.js';

const HOUR_MS = 3_600_000;

/** The burn-rate alerts of one SLO: a Critical for each page tier, a Warning for each ticket. */
export function alertsFor(slo: Slo): GeneratedRule[] {
  return planTiers(slo).map((tier, index) => ({
    comment: alertComment(slo, tier, index === 0),
    alert: `${slo.alertName}${tier.kind === 'page' ? 'Critical' : 'Warning'}`,
    expr: alertExpr(slo, tier),
    for: tier.for,
    labels: {
      severity: tier.kind === 'page' ? 'critical' : 'warning',
      ...slo.alertLabels,
      slo: slo.name,
      tier: `${numberText(tier.factor)}x`,
      window: tier.longWindow,
    },
    annotations: {
      summary: `${slo.summary} at {{ $value | humanize }}× (${tier.longWindow} and ${tier.shortWindow} windows).`,
      description: description(slo, tier),
      runbook_url: slo.runbookUrl,
    },
  }));
}

/**
 * Both windows above tier × budget, the long one's burn rate as the value, and the guard: too
 * few events over the long window and one bad event alone would be a large share.
 */
function alertExpr(slo: Slo, tier: PlannedTier): string {
  const threshold = `${numberText(tier.factor)} * ${numberText(slo.budget)}`;
  const long = errorRatio(slo.sliId, tier.longWindow);
  const short = errorRatio(slo.sliId, tier.shortWindow);
  const guard = `${eventRate(slo.sliId, tier.longWindow)} * 3600 >= ${numberText(slo.minEventsPerHour)}`;

  return [
    `(${long} > ${threshold}) / ${numberText(slo.budget)}`,
    `and ${short} > ${threshold}`,
    `and ${onLabels(slo)} ${guard}`,
  ].join('\n');
}

function description(slo: Slo, tier: PlannedTier): string {
  const period = periodAdjective(slo.periodMs);
  const lasts = spanWords(slo.periodMs / tier.factor);
  const outlook =
    tier.factor === 1
      ? `Above 1× the ${period} budget runs out before the ${periodWords(slo.periodMs)} ${slo.periodMs > 3_600_000 ? 'are' : 'is'} over: the error-budget exhaustion warning.`
      : `At ${numberText(tier.factor)}× the whole ${period} budget is gone in ${lasts}.`;

  return (
    `Over the last ${windowWords(tier.longWindow)}, and still over the last ` +
    `${windowWords(tier.shortWindow)}, more than ${percentWords(tier.factor * slo.budget)} of ` +
    `${slo.description}: a burn rate of {{ $value | humanize }}× against the ` +
    `${numberText(slo.objective)} % objective. ${outlook}`
  );
}

function alertComment(slo: Slo, tier: PlannedTier, first: boolean): string {
  const spent = (tier.factor * windowHours(tier.longWindow) * HOUR_MS) / slo.periodMs;
  const lines = [
    `${percentWords(spent)} of the ${periodAdjective(slo.periodMs)} budget in ` +
      `${spanOfWindow(tier.longWindow)}: a ${tier.kind}.`,
  ];
  if (tier.longWindow === '1h') {
    const detectS = tier.factor * slo.budget * 3_600;
    lines.push(
      `When every event is bad the 1h ratio passes ${percentWords(tier.factor * slo.budget)} ` +
        `after ${numberText(tier.factor)} × ${numberText(slo.budget)} × 3600 s = ` +
        `${numberText(detectS)} s${slo.exactFastTier ? '' : ', read from tiles up to 55 s later'}; ` +
        `\`for: ${tier.for}\` then holds it against blips.`,
    );
  }
  if (first) {
    const least = 1 / (windowHours(tier.longWindow) * tier.factor * slo.budget);
    lines.unshift(
      `${slo.name} (${numberText(slo.objective)} % over ${periodWords(slo.periodMs)}, ${slo.policy}). ` +
        `The guard asks for ${numberText(slo.minEventsPerHour)} events an hour over the long ` +
        `window; ${numberText(Math.ceil(least * 100) / 100)} would keep one bad event under ` +
        `every tier.`,
    );
  }

  return lines.join('\n');
}
