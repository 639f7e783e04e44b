import { createRandomStreams } from './random.js';

function draws(count: number, draw: () => number): number[] {
  return Array.from({ length: count }, draw);
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

describe('random streams', () => {
  it('repeat the same sequence for the same seed and name', () => {
    const first = createRandomStreams('seed').stream('arrivals');
    const second = createRandomStreams('seed').stream('arrivals');

    expect(draws(5, () => second.next())).toEqual(draws(5, () => first.next()));
  });

  it('give different sequences for a different seed or name', () => {
    const base = draws(5, createRandomStreams('seed').stream('arrivals').next);

    expect(draws(5, createRandomStreams('other').stream('arrivals').next)).not.toEqual(base);
    expect(draws(5, createRandomStreams('seed').stream('latency').next)).not.toEqual(base);
  });

  it('keep a stream unchanged however much another stream draws', () => {
    const quiet = createRandomStreams('seed');
    const busy = createRandomStreams('seed');
    draws(1_000, busy.stream('faults').next);

    expect(draws(5, busy.stream('arrivals').next)).toEqual(draws(5, quiet.stream('arrivals').next));
  });

  it('draw integers within both bounds', () => {
    const random = createRandomStreams('seed').stream('ints');
    const values = new Set(draws(2_000, () => random.int(3, 5)));

    expect([...values].sort()).toEqual([3, 4, 5]);
  });

  it('draw weighted keys in proportion and never a zero weight', () => {
    const random = createRandomStreams('seed').stream('weights');
    const weights = { a: 1, b: 3, never: 0 };
    const keys = Array.from({ length: 20_000 }, () => random.weighted(weights));
    const shareOfB = keys.filter((key) => key === 'b').length / keys.length;

    expect(keys).not.toContain('never');
    expect(shareOfB).toBeGreaterThan(0.73);
    expect(shareOfB).toBeLessThan(0.77);
    expect(() => random.weighted({ none: 0 })).toThrow('no positive weight');
  });

  it('draw normal, log-normal and exponential values with the requested centre', () => {
    const random = createRandomStreams('seed').stream('shapes');
    const normal = draws(20_000, () => random.normal(10, 2));
    const logNormal = draws(20_001, () => random.logNormal(300, 0.5)).sort((a, b) => a - b);
    const exponential = draws(20_000, () => random.exponential(1 / 50));

    expect(mean(normal)).toBeCloseTo(10, 1);
    expect(logNormal[10_000]).toBeGreaterThan(290);
    expect(logNormal[10_000]).toBeLessThan(310);
    expect(mean(exponential)).toBeGreaterThan(48);
    expect(mean(exponential)).toBeLessThan(52);
    expect(random.exponential(0)).toBe(Infinity);
  });

  it('draw bernoulli outcomes at the requested probability', () => {
    const random = createRandomStreams('seed').stream('coins');
    const heads = draws(20_000, () => (random.bernoulli(0.2) ? 1 : 0));

    expect(mean(heads)).toBeGreaterThan(0.19);
    expect(mean(heads)).toBeLessThan(0.21);
  });
});
