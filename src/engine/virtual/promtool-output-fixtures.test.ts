import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../stack/run-command.js';
import { parsePromtoolTestOutput, promtoolVersion } from './promtool-output.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/promtool/2.42/', import.meta.url));

interface FixtureCase {
  name: string;
  files: string[];
  exitCode: number;
  /** stdout and stderr written to one pipe, as a terminal shows them. */
  interleaved?: boolean;
}

const CASES = JSON.parse(readFileSync(`${FIXTURES}cases.json`, 'utf8')) as FixtureCase[];

async function promtoolTest(
  fixtureCase: FixtureCase,
): Promise<{ exitCode: number | null; output: string }> {
  const options = { cwd: `${FIXTURES}input` };
  const result = fixtureCase.interleaved
    ? await runCommand(
        'sh',
        ['-c', 'exec promtool test rules "$@" 2>&1', 'sh', ...fixtureCase.files],
        options,
      )
    : await runCommand('promtool', ['test', 'rules', ...fixtureCase.files], options);

  return { exitCode: result.exitCode, output: `${result.stdout}${result.stderr}` };
}

/** The stored outputs are what the promtool on PATH prints today, so they cannot drift. */
describe('promtool 2.42 output fixtures', () => {
  let version: string;

  beforeAll(async () => {
    const result = await runCommand('promtool', ['--version']);
    version = promtoolVersion(`${result.stdout}${result.stderr}`);
  });

  it('come from promtool 2.42', () => {
    expect(version).toMatch(/^2\.42\./);
  });

  it.each(CASES.map((fixtureCase) => [fixtureCase.name, fixtureCase] as const))(
    '%s is what promtool prints for its input',
    async (name, fixtureCase) => {
      const result = await promtoolTest(fixtureCase);

      expect(result).toEqual({
        exitCode: fixtureCase.exitCode,
        output: readFileSync(`${FIXTURES}${name}.txt`, 'utf8'),
      });
      const report = parsePromtoolTestOutput(result.output, version, result.exitCode);
      expect(report.passed).toBe(fixtureCase.exitCode === 0);
    },
  );
});
