import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  expectFixtureToCatch,
  FIXTURES_DIR,
  promtoolTest,
  RULES_DIR,
} from '../../test/support/promtool-fixtures.js';

const fixturesMatching = (pattern: RegExp) =>
  readdirSync(FIXTURES_DIR)
    .filter((name) => pattern.test(name))
    .sort();
const SAFETY_FIXTURES = fixturesMatching(/^safety-.+\.test\.yml$/);
const COMPLIANCE_FIXTURES = fixturesMatching(/^compliance-.+\.test\.yml$/);

async function expectFixturePasses(fixture: string): Promise<void> {
  const { exitCode, output } = await promtoolTest(join(FIXTURES_DIR, fixture));

  expect(output).toContain('SUCCESS');
  expect(exitCode).toBe(0);
}

describe('the child-safety trend and compliance rules', () => {
  it('have a promtool fixture for each alert', () => {
    expect(SAFETY_FIXTURES).toEqual([
      'safety-age-inappropriate-content.test.yml',
      'safety-conversation-sentiment.test.yml',
      'safety-parental-bypass.test.yml',
      'safety-violation-rate-doubling.test.yml',
    ]);
    expect(COMPLIANCE_FIXTURES).toEqual([
      'compliance-consent-checks.test.yml',
      'compliance-content-filter.test.yml',
      'compliance-coppa-score.test.yml',
      'compliance-data-retention.test.yml',
    ]);
  });

  it.each([...SAFETY_FIXTURES, ...COMPLIANCE_FIXTURES])(
    'pass promtool test rules in %s',
    async (fixture) => {
      await expectFixturePasses(fixture);
    },
  );
});

describe('the child-safety fixtures catch the mistakes they are there for', () => {
  it('would fire AgeInappropriateContentHigh on one low score at night without the guard', async () => {
    const withoutGuard = (rules: string) =>
      rules.replace(
        'rate(age_appropriateness_score_count[2m])) >= 0.5',
        'rate(age_appropriateness_score_count[2m])) >= 0',
      );

    await expectFixtureToCatch(
      join(RULES_DIR, 'child-safety.yml'),
      'safety-age-inappropriate-content.test.yml',
      withoutGuard,
      'one age-inappropriate answer among few at night does not fire',
    );
  });

  it('would read a few violations after a quiet hour as a doubling without the guard', async () => {
    const withoutGuard = (rules: string) =>
      rules.replace(
        'sum(increase(child_safety_violations_total[10m])) >= 10',
        'sum(increase(child_safety_violations_total[10m])) >= 0',
      );

    await expectFixtureToCatch(
      join(RULES_DIR, 'child-safety.yml'),
      'safety-violation-rate-doubling.test.yml',
      withoutGuard,
      'nine violations after a quiet hour do not fire',
    );
  });

  it('would read a young earlier window as a doubling without the whole-window guard', async () => {
    const withoutGuard = (rules: string) =>
      rules.replace(/\n\s+and on \(\)\n\s+count\(child_safety_violations_total offset 1h10m\)/, '');

    await expectFixtureToCatch(
      join(RULES_DIR, 'child-safety.yml'),
      'safety-violation-rate-doubling.test.yml',
      withoutGuard,
      'an earlier window that holds only the first minutes of the series does not fire',
    );
  });

  it('would fire ConversationSentimentLow on a quiet night without the guard', async () => {
    const withoutGuard = (rules: string) =>
      rules.replace(
        'rate(age_appropriateness_score_count[10m])) >= 0.5',
        'rate(age_appropriateness_score_count[10m])) >= 0',
      );

    await expectFixtureToCatch(
      join(RULES_DIR, 'child-safety.yml'),
      'safety-conversation-sentiment.test.yml',
      withoutGuard,
      'a lasting drop fires for that age group only',
    );
  });
});

describe('the compliance fixtures catch the mistakes they are there for', () => {
  it('would fire ConsentCheckFailures on one failed check at night without the guard', async () => {
    const withoutGuard = (rules: string) =>
      rules.replace(
        'rate(coppa_consent_checks_total[5m])) >= 0.5',
        'rate(coppa_consent_checks_total[5m])) >= 0',
      );

    await expectFixtureToCatch(
      join(RULES_DIR, 'compliance.yml'),
      'compliance-consent-checks.test.yml',
      withoutGuard,
      'one failed check at night does not fire',
    );
  });

  it('would divide each consent series by itself without aggregation', async () => {
    // The original design's mistake: unaggregated, the failed series over itself is always 1.
    const unaggregated = (rules: string) =>
      rules
        .replace(
          'sum(rate(coppa_consent_checks_total{result="failed"}[5m]))',
          'rate(coppa_consent_checks_total{result="failed"}[5m])',
        )
        .replace(
          '/\n              sum(rate(coppa_consent_checks_total[5m]))',
          '/ on (result)\n              rate(coppa_consent_checks_total[5m])',
        );

    await expectFixtureToCatch(
      join(RULES_DIR, 'compliance.yml'),
      'compliance-consent-checks.test.yml',
      unaggregated,
      'a near miss at 1.7 percent does not fire',
    );
  });

  it('would fire ContentFilterEffectivenessLow on a few catches without the guard', async () => {
    const withoutGuard = (rules: string) =>
      rules.replace(
        'rate(content_filter_effectiveness_count[5m])) >= 0.05',
        'rate(content_filter_effectiveness_count[5m])) >= 0',
      );

    await expectFixtureToCatch(
      join(RULES_DIR, 'compliance.yml'),
      'compliance-content-filter.test.yml',
      withoutGuard,
      'a few poor catches at night do not fire',
    );
  });
});
