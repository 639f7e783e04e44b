import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OptionInvalidError } from './errors.js';

/**
 * Writes a file the user named with `option`: its folder is made when missing, the text goes
 * beside the target and is renamed over it, so a failure never leaves half a file, and a path
 * that cannot hold a file (a folder, a path under a file, no permission) is bad input that
 * names the path. Returns false when the file already held exactly this text.
 */
export async function writeOutputFile(
  file: string,
  text: string,
  option: string,
): Promise<boolean> {
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) return false;
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    throw new OptionInvalidError(
      `${option} ${file}: cannot write a file there (${code ?? String(error)})`,
      {
        hint: `name a file in a folder you can write to, e.g. ${option} ${join('out', basename(file) || 'file.yml')}`,
        cause: error,
      },
    );
  }

  return true;
}
