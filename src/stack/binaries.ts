import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { BinaryMissingError } from '../common/errors.js';
import { runCommand } from './run-command.js';

/** Absolute paths of the stack's programs. */
export interface StackBinaries {
  prometheus: string;
  promtool: string;
  /** Debian names it `prometheus-alertmanager`; upstream releases name it `alertmanager`. */
  alertmanager: string;
  amtool: string;
}

export interface StackVersions {
  prometheus: string;
  alertmanager: string;
}

export const INSTALL_COMMAND =
  'apt-get install -y --no-install-recommends prometheus prometheus-alertmanager';

const CANDIDATES: Record<keyof StackBinaries, string[]> = {
  prometheus: ['prometheus'],
  promtool: ['promtool'],
  alertmanager: ['prometheus-alertmanager', 'alertmanager'],
  amtool: ['amtool'],
};

/** The first executable file called `name` in the directories of `pathVariable`. */
export async function findOnPath(name: string, pathVariable: string): Promise<string | undefined> {
  for (const directory of pathVariable.split(delimiter)) {
    if (directory === '') continue;
    const candidate = join(directory, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next directory.
    }
  }

  return undefined;
}

/** Finds every program of the stack on PATH; names all the missing ones at once. */
export async function findStackBinaries(
  pathVariable = process.env['PATH'] ?? '',
): Promise<StackBinaries> {
  const found: Partial<StackBinaries> = {};
  const missing: string[] = [];
  for (const [role, names] of Object.entries(CANDIDATES) as [keyof StackBinaries, string[]][]) {
    for (const name of names) {
      found[role] ??= await findOnPath(name, pathVariable);
    }
    if (found[role] === undefined) missing.push(names.join(' or '));
  }
  if (missing.length > 0) {
    throw new BinaryMissingError(`${missing.join(', ')} not found on PATH`, {
      hint: `install them with: ${INSTALL_COMMAND}`,
    });
  }

  return found as StackBinaries;
}

/** "prometheus, version 2.42.0+ds (branch: …)" → "2.42.0+ds". */
export function parseVersion(output: string): string | undefined {
  return /\bversion (\d\S*)/.exec(output)?.[1];
}

async function readVersion(binary: string): Promise<string> {
  const result = await runCommand(binary, ['--version'], { timeoutMs: 10_000 });

  return parseVersion(`${result.stdout}\n${result.stderr}`) ?? 'unknown';
}

export async function readStackVersions(binaries: StackBinaries): Promise<StackVersions> {
  const [prometheus, alertmanager] = await Promise.all([
    readVersion(binaries.prometheus),
    readVersion(binaries.alertmanager),
  ]);

  return { prometheus, alertmanager };
}
