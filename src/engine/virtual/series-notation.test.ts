import seedrandom from 'seedrandom';
import { encodeSeriesValues, formatSeriesNumber, type SeriesValue } from './series-notation.js';

type Expansion = 'cumulative' | 'formula';

const NUMBER = String.raw`(?:NaN|Inf|\d+(?:\.\d+)?(?:e[-+]\d+)?)`;

/**
 * Reads the notation back, independently of the encoder: `_`, `_xN` (N gaps), `stale`, `a`,
 * `axN` and `a+bxN` / `a-bxN` (N + 1 values). Promtool 2.42 expands `a+bxN` by adding b again
 * and again; other versions compute a + i * b, so both expansions are checked.
 */
function decodeSeriesValues(text: string, expansion: Expansion = 'cumulative'): SeriesValue[] {
  const values: SeriesValue[] = [];
  for (const token of text.split(' ').filter((part) => part !== '')) {
    const missing = /^_(?:x(\d+))?$/.exec(token);
    if (missing !== null) {
      values.push(...Array<SeriesValue>(Number(missing[1] ?? 1)).fill('missing'));
      continue;
    }
    if (token === 'stale') {
      values.push('stale');
      continue;
    }
    const run = new RegExp(`^(-?${NUMBER})(?:([-+])(${NUMBER}))?(?:x(\\d+))?$`).exec(token);
    if (run === null) throw new Error(`cannot decode "${token}"`);
    const [, first, sign, step, times] = run;
    const start = parseNumber(first!);
    const increment = step === undefined ? 0 : parseNumber(step) * (sign === '-' ? -1 : 1);
    let current = start;
    for (let index = 0; index <= Number(times ?? 0); index += 1) {
      // A repetition repeats the very value (measured: `-0x1` reads as -0 twice).
      if (step === undefined) values.push(start);
      else values.push(expansion === 'cumulative' ? current : start + index * increment);
      current += increment;
    }
  }

  return values;
}

function parseNumber(text: string): number {
  const special: Record<string, number> = { NaN: NaN, Inf: Infinity, '-Inf': -Infinity };
  const value = special[text] ?? Number(text);
  if (Number.isNaN(value) && text !== 'NaN') throw new Error(`"${text}" is not a number`);

  return value;
}

function expectSameValues(actual: SeriesValue[], expected: readonly SeriesValue[]): void {
  expect(actual).toHaveLength(expected.length);
  const differing = expected.findIndex((value, index) => !Object.is(value, actual[index]));
  expect({ differing, value: expected[differing] }).toEqual({ differing: -1, value: undefined });
}

/** Sequences shaped like recordings: counters, resets, gauges, gaps, staleness, odd floats. */
function randomSequence(random: () => number): SeriesValue[] {
  const special = [0, -0, NaN, Infinity, -Infinity, 0.1, 1e-9, 2 ** 52, 2 ** 53, -(2 ** 52)];
  const values: SeriesValue[] = [];
  const length = Math.floor(random() * 80);
  let counter = 0;
  while (values.length < length) {
    const kind = Math.floor(random() * 8);
    const runLength = 1 + Math.floor(random() * 12);
    for (let index = 0; index < runLength; index += 1) {
      if (kind === 0) values.push('missing');
      if (kind === 1) values.push('stale');
      if (kind === 2) values.push((counter += Math.floor(random() * 4)));
      if (kind === 3) values.push((counter = 0));
      if (kind === 4) values.push(special[Math.floor(random() * special.length)]!);
      if (kind === 5) values.push(random() * 10 ** Math.floor(random() * 40 - 20));
      if (kind === 6) values.push(index * 0.1);
      if (kind === 7) values.push(2 ** 52 - 5 + index * Math.floor(random() * 3));
    }
  }

  return values;
}

describe('encodeSeriesValues', () => {
  it('writes nothing for an empty series', () => {
    expect(encodeSeriesValues([])).toBe('');
  });

  it('writes a constant run as axN, where N + 1 is the number of steps', () => {
    expect(encodeSeriesValues([7, 7, 7, 7, 7])).toBe('7x4');
    expect(encodeSeriesValues([0.1, 0.1, 0.1])).toBe('0.1x2');
  });

  it('writes a counter growing by a whole step as a+bxN', () => {
    expect(encodeSeriesValues([0, 1, 2, 3, 4, 5])).toBe('0+1x5');
    expect(encodeSeriesValues([-3, -5, -7, -9])).toBe('-3-2x3');
  });

  it('starts the next run on the last step of a progression when that is shorter', () => {
    expect(encodeSeriesValues([1, 2, 3, 3, 3, 3, 3])).toBe('1 2 3x4');
    expect(encodeSeriesValues([0, 1, 2, 3, 4, 5, 0, 3, 6, 9, 12])).toBe('0+1x5 0+3x4');
  });

  it('lists two equal steps rather than writing a repetition of the same length', () => {
    expect(encodeSeriesValues([5, 5])).toBe('5 5');
  });

  it('writes gaps as _ and runs of gaps as _xN, where N is the number of steps', () => {
    expect(encodeSeriesValues(['missing'])).toBe('_');
    expect(encodeSeriesValues([1, 'missing', 'missing', 'missing', 2])).toBe('1 _x3 2');
  });

  it('writes every staleness marker as stale, because promtool has no stale repetition', () => {
    expect(encodeSeriesValues([1, 'stale', 'stale', 'missing'])).toBe('1 stale stale _');
  });

  it('lists fractional progressions one by one, because their sums are not exact', () => {
    expect(encodeSeriesValues([0.1, 0.2, 0.30000000000000004, 0.4])).toBe(
      '0.1 0.2 0.30000000000000004 0.4',
    );
  });

  it('writes progressions up to 2^52 and lists integers beyond it one by one', () => {
    const big = 2 ** 52;
    expect(encodeSeriesValues([big - 2, big - 1, big])).toBe('4503599627370494+1x2');
    expect(encodeSeriesValues([big, big + 1, big + 2])).toBe(
      '4503599627370496 4503599627370497 4503599627370498',
    );
  });

  it('repeats NaN and infinities by adding zero, because promtool rejects Infx2', () => {
    expect(encodeSeriesValues([NaN, NaN, NaN])).toBe('NaN+0x2');
    expect(encodeSeriesValues([-Infinity, -Infinity, -Infinity])).toBe('-Inf+0x2');
  });

  it('keeps negative zero apart from zero', () => {
    expect(encodeSeriesValues([0, -0, -0, -0, 1])).toBe('0 -0x2 1');
    expect(encodeSeriesValues([-0, 1, 2, 3, 4])).toBe('-0 1+1x3');
  });

  it('reads back to the same values for random recordings under both expansions', () => {
    const random = seedrandom('series-notation');
    for (let run = 0; run < 2_000; run += 1) {
      const values = randomSequence(random);
      const text = encodeSeriesValues(values);
      expectSameValues(decodeSeriesValues(text, 'cumulative'), values);
      expectSameValues(decodeSeriesValues(text, 'formula'), values);
    }
  });

  it('is never longer than listing every step', () => {
    const random = seedrandom('series-notation-length');
    for (let run = 0; run < 500; run += 1) {
      const values = randomSequence(random);
      const listed = values.map((value) =>
        typeof value === 'number' ? formatSeriesNumber(value) : value === 'stale' ? 'stale' : '_',
      );
      expect(encodeSeriesValues(values).length).toBeLessThanOrEqual(listed.join(' ').length);
    }
  });

  it('encodes a long recording in linear time', () => {
    const values = Array.from({ length: 200_000 }, (_, index) => Math.floor(index / 1_000));
    const startedMs = performance.now();

    expect(encodeSeriesValues(values).split(' ')).toHaveLength(200);
    // Quadratic work on 200,000 steps would take minutes; linear work takes well under a second.
    expect(performance.now() - startedMs).toBeLessThan(5_000);
  });
});

describe('formatSeriesNumber', () => {
  it('prints floats so that they read back exactly', () => {
    expect(formatSeriesNumber(0.1)).toBe('0.1');
    expect(formatSeriesNumber(1e-7)).toBe('1e-7');
    expect(formatSeriesNumber(1.5e21)).toBe('1.5e+21');
    expect(formatSeriesNumber(123456789.123)).toBe('123456789.123');
  });

  it('prints NaN, infinities and negative zero in promtool notation', () => {
    expect([NaN, Infinity, -Infinity, -0].map(formatSeriesNumber)).toEqual([
      'NaN',
      'Inf',
      '-Inf',
      '-0',
    ]);
  });
});
