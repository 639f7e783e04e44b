/** An SLO as the rule generator reads it, after the spec has been validated. */
export interface Slo {
  /** kebab-case, the `slo` label of its alerts. */
  name: string;
  /** Percent of good events, e.g. 99.9. */
  objective: number;
  /** The share of bad events the objective allows, e.g. 0.001. */
  budget: number;
  periodMs: number;
  policy: Policy;
  /** snake_case name of the recordings; SLOs that read the same SLI share one. */
  sliId: string;
  /** Labels both sides of the ratio are summed by, e.g. ['service']; [] for one overall. */
  aggregation: string[];
  errorQuery: string;
  totalQuery: string;
  /** Fewer events than this per hour over a tier's long window keep the tier quiet. */
  minEventsPerHour: number;
  /** SLO<Name>BurnRate; the alerts add Critical (pages) and Warning (tickets). */
  alertName: string;
  team: string;
  alertLabels: Record<string, string>;
  summary: string;
  description: string;
  runbookUrl: string;
  /**
   * Read the fast tier's 1h window from the raw counters, so that it is exact to the
   * evaluation; otherwise it adds up one-minute tiles, up to 55 s late but far cheaper.
   */
  exactFastTier: boolean;
  pageEnabled: boolean;
  ticketEnabled: boolean;
}

export type Policy = 'strict' | 'balanced' | 'relaxed';

/** A tier of the SRE workbook's multiwindow, multi-burn-rate alerts for a 30-day budget. */
export interface Tier {
  /** The burn rate, e.g. 14.4. */
  factor: number;
  longWindow: string;
  shortWindow: string;
  for: string;
}

export const TIERS: readonly Tier[] = [
  { factor: 14.4, longWindow: '1h', shortWindow: '5m', for: '2m' },
  { factor: 6, longWindow: '6h', shortWindow: '30m', for: '15m' },
  { factor: 3, longWindow: '1d', shortWindow: '2h', for: '1h' },
  { factor: 1, longWindow: '3d', shortWindow: '6h', for: '3h' },
];

/** The burn rates each policy pages on; every other tier opens a ticket. */
export const PAGING_FACTORS: Record<Policy, readonly number[]> = {
  strict: [14.4, 6],
  balanced: [14.4],
  relaxed: [],
};

export type TierKind = 'page' | 'ticket';

export interface PlannedTier extends Tier {
  kind: TierKind;
}

/**
 * The tiers an SLO alerts on: its policy decides page or ticket; a tier whose threshold is a
 * share of 100 % or more can never fire (14.4 × a 10 % budget) and is left out.
 */
export function planTiers(slo: Slo): PlannedTier[] {
  return TIERS.flatMap((tier): PlannedTier[] => {
    const kind: TierKind = PAGING_FACTORS[slo.policy].includes(tier.factor) ? 'page' : 'ticket';
    const enabled = kind === 'page' ? slo.pageEnabled : slo.ticketEnabled;
    if (!enabled || tier.factor * slo.budget >= 1) return [];

    return [{ ...tier, kind }];
  });
}

/** Hours in a Prometheus window of whole hours or days, e.g. '1d' → 24. */
export function windowHours(window: string): number {
  const amount = Number(window.slice(0, -1));

  return window.endsWith('d') ? amount * 24 : window.endsWith('h') ? amount : amount / 60;
}
