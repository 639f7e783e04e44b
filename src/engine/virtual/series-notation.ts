/**
 * One scrape step of a recorded series: the value scraped, no sample at all (`'missing'`), or a
 * staleness marker (`'stale'`), which Prometheus writes when a series disappears.
 */
export type SeriesValue = number | 'missing' | 'stale';

/**
 * Arithmetic runs (`a+bxN`) are written only for integers this small: every value, every partial
 * sum and every `i * b` then stays an exact float64 integer, so promtool's expansion reproduces
 * the values bit for bit, whether it adds b again and again (2.42, measured: `0.1+0.1x9` ends at
 * 0.9999999999999999) or computes a + i * b.
 */
const ARITHMETIC_LIMIT = 2 ** 52;

interface Token {
  text: string;
  /** How many steps the token stands for. */
  steps: number;
}

const MISSING: Token = { text: '_', steps: 1 };

/**
 * The `values` of a promtool `input_series`, as short as the notation allows and exact: reading
 * it back gives every value bit for bit (including -0, NaN and ±Inf), every gap and every
 * staleness marker, one per step.
 */
export function encodeSeriesValues(values: readonly SeriesValue[]): string {
  const runs = measureRuns(values);
  const lengthFrom = Array<number>(values.length + 1).fill(0);
  const chosen: Token[] = [];
  for (let start = values.length - 1; start >= 0; start -= 1) {
    let best: Token | undefined;
    for (const token of candidateTokens(values, runs, start)) {
      const length = token.text.length + 1 + lengthFrom[start + token.steps]!;
      if (best === undefined || length < lengthFrom[start]!) {
        best = token;
        lengthFrom[start] = length;
      }
    }
    chosen[start] = best!;
  }

  const texts: string[] = [];
  for (let step = 0; step < values.length; step += chosen[step]!.steps) {
    texts.push(chosen[step]!.text);
  }

  return texts.join(' ');
}

/** A float as promtool's series notation reads it back to the same float64. */
export function formatSeriesNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Inf';
  if (value === -Infinity) return '-Inf';
  if (Object.is(value, -0)) return '-0';

  // The shortest decimal that reads back to the same float64; promtool's lexer takes its
  // exponent forms (1e-7, 1.5e+21) as one number.
  return String(value);
}

interface Runs {
  /** Steps from here on that repeat this step's number (Object.is), or are all missing. */
  same: number[];
  /** Steps from here on forming an exact integer progression with a non-zero step; 0 if none. */
  progression: number[];
}

function measureRuns(values: readonly SeriesValue[]): Runs {
  const count = values.length;
  const same = Array<number>(count).fill(1);
  const progression = Array<number>(count).fill(0);
  for (let index = count - 2; index >= 0; index -= 1) {
    const here = values[index]!;
    const next = values[index + 1]!;
    if (typeof here === 'number' ? Object.is(here, next) : here === 'missing' && next === here) {
      same[index] = same[index + 1]! + 1;
    }
    const step = stepBetween(here, next);
    if (step === undefined) continue;
    const continues = stepBetween(next, values[index + 2]) === step;
    progression[index] = continues ? progression[index + 1]! + 1 : 2;
  }

  return { same, progression };
}

function stepBetween(
  from: SeriesValue | undefined,
  to: SeriesValue | undefined,
): number | undefined {
  if (!isSmallInteger(from) || !isSmallInteger(to) || from === to) return undefined;

  return to - from;
}

function isSmallInteger(value: SeriesValue | undefined): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    !Object.is(value, -0) &&
    Math.abs(value) <= ARITHMETIC_LIMIT
  );
}

/**
 * The tokens that may start at `start`. Two runs share at most one step, so besides a run's full
 * length only one step shorter can lead to a shorter text (the last step joins the next run).
 */
function candidateTokens(values: readonly SeriesValue[], runs: Runs, start: number): Token[] {
  const value = values[start]!;
  if (value === 'stale') return [{ text: 'stale', steps: 1 }];
  const same = runs.same[start]!;
  if (value === 'missing') {
    return same > 1 ? [MISSING, { text: `_x${same}`, steps: same }] : [MISSING];
  }

  const tokens: Token[] = [{ text: formatSeriesNumber(value), steps: 1 }];
  for (let steps = same; steps > 1 && steps >= same - 1; steps -= 1) {
    tokens.push({ text: repeatText(value, steps), steps });
  }
  const progression = runs.progression[start]!;
  for (let steps = progression; steps > 1 && steps >= progression - 1; steps -= 1) {
    tokens.push({ text: progressionText(value, values[start + 1] as number, steps), steps });
  }

  return tokens;
}

/** `axN` stands for N + 1 steps of a; promtool reads `Infx2` as a name, so ±Inf and NaN add 0. */
function repeatText(value: number, steps: number): string {
  const plusZero = Number.isFinite(value) ? '' : '+0';

  return `${formatSeriesNumber(value)}${plusZero}x${steps - 1}`;
}

/** `a+bxN` and `a-bxN` stand for a, a+b, ..., a+N*b: N + 1 steps. */
function progressionText(first: number, second: number, steps: number): string {
  const step = second - first;
  const sign = step < 0 ? '-' : '+';

  return `${formatSeriesNumber(first)}${sign}${Math.abs(step)}x${steps - 1}`;
}
