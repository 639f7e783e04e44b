import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processesMarked, runCli } from '../support/run-cli.js';

describe('sim run with bad input', () => {
  it('names an unknown option once, as it was typed', async () => {
    const result = await runCli(['export', 'safety-incident', '--report-dir', 'x', '--dry-run']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('sim: Unknown arguments: report-dir, dry-run');
  });

  it('rejects an unknown scenario with one line, the known names and exit code 2', async () => {
    const result = await runCli(['run', 'safety-incidnet']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('sim: unknown scenario "safety-incidnet"');
    expect(result.stderr).toMatch(
      /known scenarios: .*normal-operation, reliability-fault, safety-incident, slow-burn;/,
    );
  });

  it('rejects a malformed scenario file, naming the file, the path and the value', async () => {
    const result = await runCli(['run', 'fixtures/scenarios/bad-duration.ts']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain(
      'sim: fixtures/scenarios/bad-duration.ts: phases[1].duration: is not a duration',
    );
  });

  it('rejects a scenario file that does not parse', async () => {
    const result = await runCli(['run', 'fixtures/scenarios/does-not-parse.ts']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('does-not-parse.ts: the module does not load');
  });

  it('refuses an unknown suite scenario or an empty seed before anything runs', async () => {
    const reportDir = mkdtempSync(path.join(tmpdir(), 'sim-bad-suite-'));
    try {
      const unknown = await runCli(['suite', '--scenario', 'nope', '--report-dir', reportDir]);
      const emptySeed = await runCli(['coverage', '--seed', '', '--report-dir', reportDir]);
      const concurrency = await runCli([
        'suite',
        '--concurrency',
        'abc',
        '--report-dir',
        reportDir,
      ]);

      expect([unknown.exitCode, unknown.stderr.split('\n')[0]]).toEqual([
        2,
        expect.stringMatching(
          /^sim: --scenario nope: not a shipped scenario; known: ai-degradation,/,
        ),
      ]);
      expect([emptySeed.exitCode, emptySeed.stderr.split('\n')[0]]).toEqual([
        2,
        'sim: --seed is empty; give any text or number, e.g. --seed 42',
      ]);
      expect([concurrency.exitCode, concurrency.stderr.split('\n')[0]]).toEqual([
        2,
        'sim: --concurrency abc is not a whole number of at least 1',
      ]);
      expect(readdirSync(reportDir)).toEqual([]);
    } finally {
      rmSync(reportDir, { recursive: true, force: true });
    }
  });

  it('rejects a label name no alert carries, so a typo cannot pass as silence', async () => {
    const result = await runCli(['run', 'fixtures/scenarios/label-typo.ts', '--engine', 'virtual']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'sim: fixtures/scenarios/label-typo.ts: expectations[0].labels: no alert carries a label named "teem" (did you mean "team"?)',
    );
  });

  it('rejects a broken rule file with exit code 2 and leaves no stack running', async () => {
    const result = await runCli([
      'run',
      'safety-incident',
      '--rules',
      'fixtures/cli/broken-rules.yml',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain('fixtures/cli/broken-rules.yml');
    expect(processesMarked(result.mark)).toEqual([]);
  });

  it('rejects a rule file that does not exist with exit code 2', async () => {
    const result = await runCli(['run', 'safety-incident', '--rules', 'nowhere/rules.yml']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('nowhere/rules.yml');
  });

  it('rejects an unknown option value and shows the choices', async () => {
    const result = await runCli(['run', 'safety-incident', '--stack', 'kubernetes']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Invalid values');
    expect(result.stderr).toContain('kubernetes');
  });

  it('exits 3 with the install command when Prometheus is not installed', async () => {
    const result = await runCli(['run', 'safety-incident'], { env: { PATH: '/nonexistent' } });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('apt-get install -y --no-install-recommends prometheus');
  });
});
