import { formatDuration, parseDurationMs } from '../../common/duration.js';
import type { Expectation, LabelMatch } from '../../scenario/types.js';
import type { TimeWindow } from '../../scenario/windows.js';
import type { StackSettings } from '../../stack/types.js';

/** One `promql_expr_test` of a promtool test file. */
export interface PromqlTest {
  expr: string;
  evalTimeMs: number;
  /** Each `{}`-labelled sample expected; empty means "no result". */
  expectedValues: number[];
}

/** A test that encodes an expectation: it passes exactly when the expectation holds. */
export interface ExpectationCheck extends PromqlTest {
  expectationIndex: number;
  /** Says in words what the test asserts, as a comment in the exported file. */
  comment: string;
}

export type ProbeKind = 'first-firing' | 'last-firing' | 'first-pending';

/** A test written to fail: promtool's "got" is the measurement it exists for. */
export interface Probe extends PromqlTest {
  kind: ProbeKind;
}

function alertsSelector(
  state: 'firing' | 'pending',
  filter: { alert?: string; labels?: LabelMatch; except?: string[] },
): string {
  const matchers = [`alertstate="${state}"`];
  if (filter.alert !== undefined) matchers.push(`alertname="${filter.alert}"`);
  if (filter.except?.length) matchers.push(`alertname!~"${filter.except.join('|')}"`);
  for (const [name, value] of Object.entries(filter.labels ?? {})) {
    matchers.push(`${name}=${JSON.stringify(value)}`);
  }

  return `ALERTS{${matchers.join(',')}}`;
}

const range = (ms: number) => `[${formatDuration(ms)}]`;

/**
 * promtool's query engine refuses a query that loads more than 10,000 samples. A range over
 * ALERTS loads one sample per evaluation per instance, so six hours of three instances already
 * fail; long stretches are read in pieces of at most half an hour (361 samples per instance).
 */
const PIECE_MS = 30 * 60_000;

/** (fromMs, toMs] cut into consecutive pieces of at most PIECE_MS, in order. */
export function pieces(fromMs: number, toMs: number): { fromMs: number; toMs: number }[] {
  const cut: { fromMs: number; toMs: number }[] = [];
  for (let start = fromMs; start < toMs; start += PIECE_MS) {
    cut.push({ fromMs: start, toMs: Math.min(toMs, start + PIECE_MS) });
  }

  return cut;
}

/**
 * The expectations as promtool tests over `ALERTS`, which the real rule engine writes: they pass
 * with `promtool test rules` alone exactly when the alert timeline satisfies them. Results are
 * `1` from ALERTS or no result at all, so no float is ever compared for equality.
 */
export function expectationChecks(
  expectations: Expectation[],
  windows: TimeWindow[],
  settings: StackSettings,
  endMs: number,
): ExpectationCheck[] {
  return expectations.flatMap((expectation, expectationIndex) => {
    const window = (name: string) => windows.find((w) => w.name === name)!;
    switch (expectation.expect) {
      case 'fires': {
        const groupWaitMs = expectation.receiver
          ? (settings.groupWaitMsByReceiver[expectation.receiver] ?? 0)
          : 0;
        const spanMs = parseDurationMs(expectation.within) - groupWaitMs;
        if (spanMs <= 0) return [];
        const evalTimeMs = window(expectation.after).startMs + spanMs;
        const selector = alertsSelector('firing', expectation);
        const comment = `${selector} fires within ${formatDuration(spanMs)} of ${expectation.after} (its SLA less the route's group_wait)`;
        return [
          {
            expectationIndex,
            comment,
            expr: `max(max_over_time(${selector}${range(spanMs)}))`,
            evalTimeMs,
            expectedValues: [1],
          },
        ];
      }
      case 'silent': {
        // Delivery is Alertmanager's to decide, and promtool has none: nothing to encode.
        if (expectation.receiver !== undefined) return [];
        const during =
          expectation.during === undefined ? { startMs: 0, endMs } : window(expectation.during);
        const selector = alertsSelector('firing', expectation);
        const comment = `${selector} never fires ${expectation.during ? `during ${expectation.during}` : 'during the run'}`;
        return pieces(during.startMs, during.endMs).map((piece) => ({
          expectationIndex,
          comment,
          expr: `max_over_time(${selector}${range(piece.toMs - piece.fromMs)})`,
          evalTimeMs: piece.toMs,
          expectedValues: [],
        }));
      }
      case 'resolves': {
        const evalTimeMs = window(expectation.after).endMs + parseDurationMs(expectation.within);
        const selector = alertsSelector('firing', expectation);
        return [
          {
            expectationIndex,
            comment: `${selector} fired between ${expectation.after} starting and the check`,
            expr: `max(max_over_time(${selector}${range(evalTimeMs - window(expectation.after).startMs)}))`,
            evalTimeMs,
            expectedValues: [1],
          },
          {
            expectationIndex,
            comment: `${selector} no longer fires ${expectation.within} after ${expectation.after} ends`,
            expr: selector,
            evalTimeMs,
            expectedValues: [],
          },
        ];
      }
    }
  });
}

/**
 * Tests that read back, for every alert instance, when it first went pending, first fired and
 * last fired: the earliest and latest ALERTS sample of each piece of the run, from subqueries.
 */
export function alertProbes(endMs: number, evaluationIntervalMs: number): Probe[] {
  const step = formatDuration(evaluationIntervalMs);

  return pieces(0, endMs).flatMap((piece) => {
    const subquery = `[${formatDuration(piece.toMs - piece.fromMs)}:${step}]`;
    const probe = (kind: ProbeKind, fn: string, state: 'firing' | 'pending'): Probe => ({
      kind,
      expr: `${fn}(timestamp(ALERTS{alertstate="${state}"})${subquery})`,
      evalTimeMs: piece.toMs,
      expectedValues: [],
    });

    return [
      probe('first-firing', 'min_over_time', 'firing'),
      probe('last-firing', 'max_over_time', 'firing'),
      probe('first-pending', 'min_over_time', 'pending'),
    ];
  });
}
