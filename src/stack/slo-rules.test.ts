import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  expectFixtureToCatch,
  FIXTURES_DIR,
  promtoolTest as runPromtoolTest,
  RULES_DIR,
} from '../../test/support/promtool-fixtures.js';
import { DEFAULT_STACK_DIR } from './render.js';
import { runCommand } from './run-command.js';
import { generateSloRules } from '../slo/generate.js';

const SLO_RULES = join(RULES_DIR, 'slo.yml');
const SLO_FIXTURES = readdirSync(FIXTURES_DIR)
  .filter((name) => /^slo-.+\.test\.yml$/.test(name))
  .sort();
/** The hour-scale fixtures evaluate every SLO's rules every 5 s for up to 6 hours: 5–30 s each. */
const PROMTOOL_TIMEOUT_MS = 180_000;
const MUTATION_TIMEOUT_MS = 120_000;

const promtoolTest = (file: string) => runPromtoolTest(file, PROMTOOL_TIMEOUT_MS);
const expectSloFixtureToCatch = (
  fixture: string,
  edit: (rules: string) => string,
  failingTest: string,
) => expectFixtureToCatch(SLO_RULES, fixture, edit, failingTest, PROMTOOL_TIMEOUT_MS);

describe('the SLO burn-rate rules', () => {
  it('pass promtool check rules, alone and together with every other rule file', async () => {
    const alone = await runCommand('promtool', ['check', 'rules', SLO_RULES]);
    const ruleFiles = readdirSync(RULES_DIR)
      .filter((name) => name.endsWith('.yml'))
      .map((name) => join(RULES_DIR, name));
    const together = await runCommand('promtool', ['check', 'rules', ...ruleFiles]);

    const { groups } = parse(await readFile(SLO_RULES, 'utf8')) as { groups: { rules: [] }[] };
    const count = groups.reduce((sum, group) => sum + group.rules.length, 0);

    expect(alone.stdout).toContain(`SUCCESS: ${count} rules found`);
    expect(alone.exitCode).toBe(0);
    expect(ruleFiles).toContain(SLO_RULES);
    expect(together.exitCode).toBe(0);
  });

  it('keep the 5 s evaluation interval that their one-minute tiles count on', async () => {
    const prometheus = parse(
      await readFile(join(DEFAULT_STACK_DIR, 'prometheus', 'prometheus.yml'), 'utf8'),
    ) as { global: { evaluation_interval?: string } };
    const { groups } = parse(await readFile(SLO_RULES, 'utf8')) as {
      groups: { interval?: string; rules: { record?: string; expr: string }[] }[];
    };
    const tiles = groups
      .flatMap((group) => group.rules)
      .filter((rule) => rule.record?.endsWith('_tile'));

    expect(prometheus.global.evaluation_interval).toBe('5s');
    expect(groups.map((group) => group.interval)).toEqual(groups.map(() => undefined));
    expect(tiles).toHaveLength(2 * groups.length);
    for (const tile of tiles) expect(tile.expr).toContain('% 60 < 5');
  });

  it('have a promtool fixture for each behaviour they promise', () => {
    expect(SLO_FIXTURES).toEqual(
      expect.arrayContaining([
        'slo-workbook-outage.test.yml',
        'slo-near-miss.test.yml',
        'slo-spike.test.yml',
        'slo-sustained.test.yml',
        'slo-min-traffic.test.yml',
        'slo-per-service.test.yml',
        'slo-burn-rate-spike-scenario.test.yml',
        'slo-child-safety.test.yml',
      ]),
    );
  });

  it.each(SLO_FIXTURES)(
    'pass promtool test rules in %s',
    async (fixture) => {
      const { exitCode, output } = await promtoolTest(join(FIXTURES_DIR, fixture));

      expect(output).toContain('SUCCESS');
      expect(exitCode).toBe(0);
    },
    PROMTOOL_TIMEOUT_MS,
  );
});

describe('the generated SLO rules', () => {
  it('are up to date with stack/slo/slos.yml (run `npx sim slo generate` if not)', async () => {
    const generated = await generateSloRules({
      spec: join(DEFAULT_STACK_DIR, 'slo', 'slos.yml'),
      out: RULES_DIR,
    });

    expect(generated.file).toBe(SLO_RULES);
    expect(await readFile(SLO_RULES, 'utf8')).toBe(generated.text);
  });
});

describe('the SLO fixtures catch the mistakes they are there for', () => {
  it(
    'would page on one failed request among a trickle without the traffic guard',
    async () => {
      const withoutGuard = (rules: string) => rules.replaceAll('* 3600 >= 120', '* 3600 >= 0');

      await expectSloFixtureToCatch(
        'slo-min-traffic.test.yml',
        withoutGuard,
        'one failed request among one request every two minutes fires nothing',
      );
    },
    MUTATION_TIMEOUT_MS,
  );

  it(
    'would page on one flagged answer among a trickle without the child-safety guard',
    async () => {
      const withoutGuard = (rules: string) => rules.replaceAll('* 3600 >= 720', '* 3600 >= 0');

      await expectSloFixtureToCatch(
        'slo-child-safety.test.yml',
        withoutGuard,
        'one flagged answer among a trickle fires nothing',
      );
    },
    MUTATION_TIMEOUT_MS,
  );

  it(
    'would divide each series by itself without sum by (service)',
    async () => {
      const perSeries = (rules: string) =>
        rules.replace(
          /sum by \(service\) \((rate\(requests_total\{status_code=~"5\.\."\}\[(\w+)\]\))\)\n(\s+)\/\n\s+slo:requests_events:rate\w+/g,
          '$1\n$3/\n$3rate(requests_total[$2])',
        );

      await expectSloFixtureToCatch(
        'slo-workbook-outage.test.yml',
        perSeries,
        "a total outage pages through the 14.4x tier between the workbook's bounds",
      );
    },
    MUTATION_TIMEOUT_MS,
  );

  it(
    'would page on a short 20x spike if it compared a raw error rate to tier × budget',
    async () => {
      const rawRate = (rules: string) =>
        rules.replace(/\n\s+\/\n\s+slo:requests_events:rate\w+/g, '');

      await expectSloFixtureToCatch(
        'slo-spike.test.yml',
        rawRate,
        'ten minutes at twenty times the budget rate spend too little to page',
      );
    },
    MUTATION_TIMEOUT_MS,
  );

  it(
    "would be pending before the workbook's 51.84 s with a fast threshold of 13x",
    async () => {
      const lower = (rules: string) =>
        rules.replace(
          'slo:requests_error:ratio_rate1h > 14.4',
          'slo:requests_error:ratio_rate1h > 13',
        );

      await expectSloFixtureToCatch(
        'slo-workbook-outage.test.yml',
        lower,
        "a total outage pages through the 14.4x tier between the workbook's bounds",
      );
    },
    MUTATION_TIMEOUT_MS,
  );

  it(
    'would page late with the 1h errors summed from one-minute tiles',
    async () => {
      const tiledHour = (rules: string) =>
        rules.replace(
          'sum by (service) (rate(requests_total{status_code=~"5.."}[1h]))',
          'sum_over_time(slo:requests_errors:rate1m_tile[59m55s]) / 60',
        );

      await expectSloFixtureToCatch(
        'slo-workbook-outage.test.yml',
        tiledHour,
        "a total outage pages through the 14.4x tier between the workbook's bounds",
      );
    },
    MUTATION_TIMEOUT_MS,
  );

  it(
    'would count one tile too many with ranges as long as their windows',
    async () => {
      const wholeRanges = (rules: string) => rules.replaceAll('[29m55s]', '[30m]');

      await expectSloFixtureToCatch(
        'slo-spike.test.yml',
        wholeRanges,
        'ten minutes at twenty percent errors page through the fast tier, then the 6x tier',
      );
    },
    MUTATION_TIMEOUT_MS,
  );

  it(
    'would divide each series by itself in the tiles without sum by (service)',
    async () => {
      const perSeriesTiles = (rules: string) =>
        rules.replace(/sum by \(service\) \((rate\(requests_total[^\n]*\[1m\]\))\)/g, '$1');

      await expectSloFixtureToCatch(
        'slo-spike.test.yml',
        perSeriesTiles,
        'ten minutes at twenty percent errors page through the fast tier, then the 6x tier',
      );
    },
    MUTATION_TIMEOUT_MS,
  );
});
