import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BinaryMissingError } from '../common/errors.js';
import { findStackBinaries, parseVersion, readStackVersions } from './binaries.js';

describe('stack binaries', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sim-binaries-test-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function fakeBinary(name: string): Promise<void> {
    await writeFile(join(dir, name), `#!/bin/sh\necho "${name}, version 9.9.9 (fake)"\n`);
    await chmod(join(dir, name), 0o755);
  }

  it('finds the installed prometheus, promtool, alertmanager and amtool', async () => {
    const binaries = await findStackBinaries();

    expect(binaries.prometheus).toMatch(/\/prometheus$/);
    expect(binaries.alertmanager).toMatch(/\/(prometheus-)?alertmanager$/);
  });

  it('names every missing binary and hints at the install command', async () => {
    await fakeBinary('promtool');
    const error: unknown = await findStackBinaries(dir).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BinaryMissingError);
    expect((error as BinaryMissingError).message).toBe(
      'prometheus, prometheus-alertmanager or alertmanager, amtool not found on PATH',
    );
    expect((error as BinaryMissingError).hint).toBe(
      'install them with: apt-get install -y --no-install-recommends ' +
        'prometheus prometheus-alertmanager',
    );
  });

  it('falls back to the upstream name alertmanager', async () => {
    for (const name of ['prometheus', 'promtool', 'alertmanager', 'amtool']) await fakeBinary(name);

    expect((await findStackBinaries(dir)).alertmanager).toBe(join(dir, 'alertmanager'));
  });

  it('ignores files that are not executable', async () => {
    for (const name of ['prometheus', 'promtool', 'alertmanager', 'amtool']) await fakeBinary(name);
    await chmod(join(dir, 'amtool'), 0o644);

    await expect(findStackBinaries(dir)).rejects.toThrow('amtool not found on PATH');
  });

  it('reads the versions the binaries report', async () => {
    for (const name of ['prometheus', 'promtool', 'alertmanager', 'amtool']) await fakeBinary(name);
    const versions = await readStackVersions(await findStackBinaries(dir));

    expect(versions).toEqual({ prometheus: '9.9.9', alertmanager: '9.9.9' });
  });

  it('parses the version out of --version output', () => {
    expect(parseVersion('prometheus, version 2.42.0+ds (branch: debian/sid)')).toBe('2.42.0+ds');
    expect(parseVersion('no version here')).toBeUndefined();
    expect(parseVersion('nothing')).toBeUndefined();
  });
});
