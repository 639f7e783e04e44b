import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../src/report/summary.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sim-guards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const virtual = (...args: string[]) => ['run', '--engine', 'virtual', '--report-dir', dir, ...args];

describe('the virtual engine refuses what promtool would silently pass', () => {
  it('rejects an expectation that names an alert no rule defines', async () => {
    const result = await runCli(virtual('fixtures/scenarios/alert-typo.ts'));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no alert rule named "ChildSafetyViolationCritcal"');
    expect(result.stderr).toContain('did you mean "ChildSafetyViolationCritical"');
  });

  it('rejects a rule file that does not exist, which promtool only warns about', async () => {
    const result = await runCli(virtual('safety-incident', '--rules', 'nowhere/rules.yml'));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('rule file');
    expect(result.stderr).toContain('nowhere/rules.yml does not exist');
  });

  it('rejects a rule file that promtool check rules rejects, before recording anything', async () => {
    const result = await runCli(
      virtual('safety-incident', '--rules', 'fixtures/cli/broken-rules.yml'),
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain('fixtures/cli/broken-rules.yml is invalid');
  });

  it('exits 3 with the install command when promtool is not on PATH', async () => {
    const result = await runCli(virtual('safety-incident'), { env: { PATH: '/nonexistent' } });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('promtool, amtool not found on PATH');
    expect(result.stderr).toContain('apt-get install -y --no-install-recommends prometheus');
  });

  it('leaves no half-written report behind when it refuses', () => {
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('raw series in a scenario', () => {
  it('reach promtool beside the world, in its own notation', async () => {
    const file = path.join(dir, 'raw-series.ts');
    writeFileSync(
      file,
      `export default {
        name: 'raw-series',
        description: 'A second scrape target that goes down',
        load: { interactionsPerSecond: 2 },
        phases: [{ name: 'up', duration: '30s' }, { name: 'down', duration: '1m' }],
        rawSeries: [{ series: 'up{job="sim",instance="replica-2:9464"}', values: '1x6 0x12' }],
        expectations: [
          { expect: 'fires', alert: 'ServiceDown', labels: { instance: 'replica-2:9464' }, after: 'down', within: '40s' },
          { expect: 'silent', alert: 'ServiceDown', labels: { instance: 'sim:9464' } },
        ],
      };\n`,
    );
    const result = await runCli(virtual(file, '--json'));
    expect(result.exitCode).toBe(0);
    const summary = JSON.parse(result.stdout) as RunSummary;
    expect(summary.expectations.map((e) => e.outcome)).toEqual(['pass', 'pass']);
  });
});
