import { formatProgress } from './present.js';

const starting = {
  type: 'starting' as const,
  scenario: 'burn-rate-spike',
  description: 'A spike',
  seed: '1',
};

describe('formatProgress at the start of a run', () => {
  it('warns before a live run that takes hours, and names the faster engine', () => {
    const text = formatProgress({ ...starting, engine: 'live', durationMs: 4.5 * 3_600_000 });

    expect(text).toContain('this scenario lasts 4h30m in real time; --engine virtual');
  });

  it('says nothing more for a short live run or a long virtual one', () => {
    for (const text of [
      formatProgress({ ...starting, engine: 'live', durationMs: 100_000 }),
      formatProgress({ ...starting, engine: 'virtual', durationMs: 4.5 * 3_600_000 }),
    ]) {
      expect(text).not.toContain('real time');
    }
  });
});
