import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runCli } from '../support/run-cli.js';

describe('sim slo generate', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sim-slo-generate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the committed rule file into a folder, and --check then passes', async () => {
    const written = await runCli(['slo', 'generate', '--out', dir]);
    const check = await runCli(['slo', 'generate', '--out', dir, '--check']);

    expect(written.exitCode).toBe(0);
    expect(readFileSync(path.join(dir, 'slo.yml'), 'utf8')).toBe(
      readFileSync(path.join(ROOT, 'stack/prometheus/rules/slo.yml'), 'utf8'),
    );
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toContain('is up to date');
  });

  it('fails --check on a stale file, naming it and the command that fixes it', async () => {
    const file = path.join(dir, 'stale.yml');
    writeFileSync(file, 'groups: []\n');
    const check = await runCli(['slo', 'generate', '--out', file, '--check']);

    expect(check.exitCode).toBe(1);
    expect(check.stderr).toContain(`${file} is stale`);
    expect(check.stderr).toContain('npx sim slo generate');
  });

  it('refuses to write over its own spec, and leaves the spec as it was', async () => {
    const spec = path.join(dir, 'own.yml');
    const text = readFileSync(path.join(ROOT, 'stack/slo/slos.yml'), 'utf8');
    writeFileSync(spec, text);
    const result = await runCli(['slo', 'generate', '--spec', spec, '--out', spec]);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`--out ${spec} is the spec itself`);
    expect(readFileSync(spec, 'utf8')).toBe(text);
  });

  it('makes a missing --out folder, and exits 2 naming a path no file can take', async () => {
    const nested = path.join(dir, 'new', 'sub', 'slo.yml');
    const made = await runCli(['slo', 'generate', '--out', nested]);
    const blocked = path.join(nested, 'x.yml');
    const refused = await runCli(['slo', 'generate', '--out', blocked]);
    const exported = await runCli(['export', 'safety-incident', '--seed', '1', '--out', dir]);

    expect(made.exitCode).toBe(0);
    expect(readFileSync(nested, 'utf8')).toContain('SLOAvailabilityBurnRateCritical');
    expect([refused.exitCode, refused.stderr.split('\n')[0]]).toEqual([
      2,
      `sim: --out ${blocked}: cannot write a file there (EEXIST)`,
    ]);
    expect([exported.exitCode, exported.stderr.split('\n')[0]]).toEqual([
      2,
      `sim: --out ${dir}: cannot write a file there (EISDIR)`,
    ]);
  });

  it('exits 2 on a bad spec, naming the field, and writes nothing', async () => {
    const spec = path.join(dir, 'bad.yml');
    const out = path.join(dir, 'bad-out');
    const text = readFileSync(path.join(ROOT, 'stack/slo/slos.yml'), 'utf8');
    writeFileSync(spec, text.replace('objective: 99.99', 'objective: 100'));
    const result = await runCli(['slo', 'generate', '--spec', spec, '--out', `${out}.yml`]);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('slos[0].objective');
    expect(readdirSync(dir).filter((name) => name.startsWith('bad-out'))).toEqual([]);
  });
});
