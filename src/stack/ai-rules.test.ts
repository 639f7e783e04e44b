import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  expectFixtureToCatch,
  FIXTURES_DIR,
  promtoolTest,
  RULES_DIR,
} from '../../test/support/promtool-fixtures.js';

const AI_RULES = join(RULES_DIR, 'ai.yml');
const AI_FIXTURES = readdirSync(FIXTURES_DIR)
  .filter((name) => /^ai-.+\.test\.yml$/.test(name))
  .sort();

describe('the AI performance rules', () => {
  it('have a promtool fixture for each alert', () => {
    expect(AI_FIXTURES).toEqual([
      'ai-accuracy.test.yml',
      'ai-hallucination-rate.test.yml',
      'ai-response-latency.test.yml',
      'ai-response-quality.test.yml',
      'ai-token-usage-spike.test.yml',
    ]);
  });

  it.each(AI_FIXTURES)('pass promtool test rules in %s', async (fixture) => {
    const { exitCode, output } = await promtoolTest(join(FIXTURES_DIR, fixture));

    expect(output).toContain('SUCCESS');
    expect(exitCode).toBe(0);
  });
});

describe('the AI fixtures catch the mistakes they are there for', () => {
  it('would take one p95 per age group without sum by (model, le)', async () => {
    const perAgeGroup = (rules: string) =>
      rules.replace(
        'sum by (model, le) (rate(ai_response_time_seconds_bucket[1m]))',
        'sum by (model, age_group, le) (rate(ai_response_time_seconds_bucket[1m]))',
      );

    await expectFixtureToCatch(
      AI_RULES,
      'ai-response-latency.test.yml',
      perAgeGroup,
      'a p95 above 1 s fires for that model only, after 2m30s',
    );
  });

  it('would page on one hallucination at night without the traffic guard', async () => {
    const withoutGuard = (rules: string) =>
      rules.replace('rate(ai_answers_total[5m])) >= 1', 'rate(ai_answers_total[5m])) >= 0');

    await expectFixtureToCatch(
      AI_RULES,
      'ai-hallucination-rate.test.yml',
      withoutGuard,
      'one hallucination at night does not fire',
    );
  });

  it('would never fire AIAccuracyLow with the bucket divided by _count unsummed', async () => {
    // The original design's mistake: the `le` label keeps the two sides from ever matching.
    // `replace` with a string edits the first match only: the divisor, not the guard below it.
    const unsummed = (rules: string) =>
      rules
        .replace(
          'sum by (model) (rate(ai_accuracy_score_bucket{le="0.8"}[2m]))',
          'rate(ai_accuracy_score_bucket{le="0.8"}[2m])',
        )
        .replace(
          'sum by (model) (rate(ai_accuracy_score_count[2m]))',
          'rate(ai_accuracy_score_count[2m])',
        );

    await expectFixtureToCatch(
      AI_RULES,
      'ai-accuracy.test.yml',
      unsummed,
      'more than a fifth of answers at or below 0.8 fires for that model only',
    );
  });

  it('would fire AIResponseQualityLow on one poor answer at night without its guard', async () => {
    const withoutGuard = (rules: string) =>
      rules.replace(
        'rate(ai_response_quality_score_count[2m])) >= 1',
        'rate(ai_response_quality_score_count[2m])) >= 0',
      );

    await expectFixtureToCatch(
      AI_RULES,
      'ai-response-quality.test.yml',
      withoutGuard,
      'one poor answer at night does not fire',
    );
  });

  it('would fire AITokenUsageSpike on one long story at night without its guard', async () => {
    const withoutGuard = (rules: string) =>
      rules.replace(
        'rate(ai_answers_total[5m] offset 30m)) >= 1',
        'rate(ai_answers_total[5m] offset 30m)) >= 0',
      );

    await expectFixtureToCatch(
      AI_RULES,
      'ai-token-usage-spike.test.yml',
      withoutGuard,
      'one long story at night does not fire',
    );
  });

  it('would fire AITokenUsageSpike on a young series without the whole-window guard', async () => {
    const withoutGuard = (rules: string) =>
      rules.replace(
        /\n\s+and on \(model\)\n\s+count by \(model\) \(ai_answers_total offset 35m\)/,
        '',
      );

    await expectFixtureToCatch(
      AI_RULES,
      'ai-token-usage-spike.test.yml',
      withoutGuard,
      'a window that holds only the first minutes of a series does not fire',
    );
  });
});
