import { planTiers, type Slo } from './model.js';
import { numberText, tileCount, tileRange } from './wording.js';

/** One rule of a generated file, with the comment written above it. */
export interface GeneratedRule {
  comment?: string;
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/**
 * Windows read from the raw counters. The 5m window always is: it is cheap and ends a page soon
 * after recovery. The 1h window only where an SLO asks for an exact fast tier (the workbook's
 * 51.84 s): read raw it costs 720 samples of every series at every evaluation.
 */
const rawWindows = (slos: Slo[]) => (slos.some((slo) => slo.exactFastTier) ? ['5m', '1h'] : ['5m']);
const WINDOW_ORDER = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];

export const errorRatio = (sli: string, window: string) => `slo:${sli}_error:ratio_rate${window}`;
export const eventRate = (sli: string, window: string) => `slo:${sli}_events:rate${window}`;
const eventTile = (sli: string) => `slo:${sli}_events:rate1m_tile`;
const errorTile = (sli: string) => `slo:${sli}_errors:rate1m_tile`;

/** `on (service)`, or `on ()` for an SLI summed into one series. */
export const onLabels = (slo: Slo) => `on (${slo.aggregation.join(', ')})`;

/** A query with its range filled in, in parentheses when an operator would bind across it. */
function filled(query: string, window: string): string {
  const text = query.replaceAll('{{.window}}', window).trim();
  if (!hasTopLevelOperator(text)) return text;
  const indented = text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

  return `(\n${indented}\n)`;
}

/** Whether a binary operator stands outside every bracket, so `/` would bind to its end only. */
function hasTopLevelOperator(text: string): boolean {
  let depth = 0;
  let outside = '';
  for (const char of text) {
    if ('({['.includes(char)) depth++;
    outside += depth === 0 ? char : ' ';
    if (')}]'.includes(char)) depth--;
  }

  return /\s([-+*/]|and|or|unless)\s/.test(outside);
}

/** The windows the SLOs reading one SLI look at, from short to long. */
export function windowsOf(slos: Slo[]): { used: string[]; guarded: string[] } {
  const tiers = slos.flatMap(planTiers);
  const used = new Set(tiers.flatMap((tier) => [tier.longWindow, tier.shortWindow]));
  const guarded = new Set(tiers.map((tier) => tier.longWindow));

  return {
    used: WINDOW_ORDER.filter((w) => used.has(w)),
    guarded: WINDOW_ORDER.filter((w) => guarded.has(w)),
  };
}

/** Every recording one SLI needs for the tiers of the SLOs that read it. */
export function recordingsFor(slos: Slo[]): GeneratedRule[] {
  const slo = slos[0]!;
  const { used, guarded } = windowsOf(slos);
  const raw = used.filter((w) => rawWindows(slos).includes(w));
  const tiled = used.filter((w) => !raw.includes(w));
  const tiledEvents = tiled.filter((w) => guarded.includes(w));
  const rules: GeneratedRule[] = raw.map((window, index) => ({
    ...(index === 0 ? { comment: EVENTS_COMMENT } : {}),
    record: eventRate(slo.sliId, window),
    expr: filled(slo.totalQuery, window),
  }));
  if (tiled.length > 0) rules.push(...tiles(slo));
  rules.push(
    ...tiledEvents.map((window) => ({
      record: eventRate(slo.sliId, window),
      expr: `sum_over_time(${eventTile(slo.sliId)}[${tileRange(window)}]) / ${tileCount(window)}`,
    })),
  );
  rules.push(
    ...used.map((window, index) => ({
      ...(index === 0 ? { comment: RATIO_COMMENT(slo, raw) } : {}),
      record: errorRatio(slo.sliId, window),
      expr: raw.includes(window)
        ? `${errorsOver(slo, window, eventRate(slo.sliId, window))}\n/\n${eventRate(slo.sliId, window)}`
        : tiledRatio(slo, window, tiledEvents.includes(window)),
    })),
  );

  return rules;
}

/**
 * The error query over a window; where it repeats the total query (a latency SLI's `_count`
 * minus a bucket), the recording of the total stands in, so the counts are read once.
 */
function errorsOver(slo: Slo, window: string, totalRecording: string): string {
  const total = slo.totalQuery.replaceAll('{{.window}}', window).trim();
  const errors = slo.errorQuery.replaceAll('{{.window}}', window).trim();
  if (errors === total || !errors.includes(total)) return filled(slo.errorQuery, window);

  return filled(errors.replace(total, totalRecording), window);
}

function tiles(slo: Slo): GeneratedRule[] {
  const tile = (query: string) => `${query}\nand on ()\n(vector(time()) % 60 < 5)`;

  return [
    {
      comment: TILE_COMMENT,
      record: eventTile(slo.sliId),
      expr: tile(filled(slo.totalQuery, '1m')),
    },
    {
      record: errorTile(slo.sliId),
      expr: tile(filled(slo.errorQuery, '1m')),
    },
  ];
}

function tiledRatio(slo: Slo, window: string, eventsRecorded: boolean): string {
  const range = tileRange(window);
  const errors = `sum_over_time(${errorTile(slo.sliId)}[${range}])`;
  if (eventsRecorded) {
    return `${errors} / ${numberText(tileCount(window))}\n/\n${eventRate(slo.sliId, window)}`;
  }

  return `${errors}\n/\nsum_over_time(${eventTile(slo.sliId)}[${range}])`;
}

const summed = (slo: Slo) =>
  slo.aggregation.length === 0
    ? 'summed into one series'
    : `summed by (${slo.aggregation.join(', ')})`;

const EVENTS_COMMENT = `Events per second: the ratios' denominators and, over a tier's long window, the
minimum-traffic guard. A window's rate is its events ÷ its whole length, so on a fresh server a
long window's guard opens late (the 3d one only after 3 days' worth of the guard's events).`;

const TILE_COMMENT = `One-minute tiles: the 1m rates at the one evaluation of each minute that falls in its first
5 s (the group's interval), and no sample at the other eleven. Tiles one minute apart count
every event once, so a window's rate is the sum of its tiles ÷ their number, and a 3d window
reads 4,320 samples per series, not 51,840 per raw series. \`*_over_time\` skips the stale
marker that follows each tile. A range holds both its ends, so one as long as its window would
count 1 tile too many at every whole minute: hence ranges one evaluation short, [29m55s] for
30 minutes.`;

const RATIO_COMMENT = (slo: Slo, raw: string[]) => `Bad-event ratios, both sides ${summed(slo)}
before dividing: a per-series ratio makes a lone bad series 100 % bad. The ${raw.join(' and ')}
${raw.length === 1 ? 'window reads' : 'windows read'} the raw counters; the others add up tiles,
so they end at the last whole minute.`;
