import { formatDuration, parseDurationMs } from './duration.js';

describe('durations', () => {
  it('parses Prometheus notation into milliseconds', () => {
    expect(parseDurationMs('90s')).toBe(90_000);
    expect(parseDurationMs('1h30m')).toBe(5_400_000);
    expect(parseDurationMs('250ms')).toBe(250);
  });

  it('names the text it cannot parse', () => {
    expect(() => parseDurationMs('5 minutes')).toThrow('"5 minutes" is not a duration');
    expect(() => parseDurationMs('')).toThrow('is not a duration');
  });

  it('formats milliseconds in the shortest notation', () => {
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(3_600_250)).toBe('1h250ms');
  });
});
