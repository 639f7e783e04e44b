import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { OptionInvalidError } from '../common/errors.js';
import { trackTempDir } from '../stack/process-registry.js';
import path from 'node:path';

/**
 * A run's report folder, written in a hidden staging folder and moved into place only when the
 * run finished, so that an interrupted or rejected run leaves nothing half-written behind.
 */
export class ReportDir {
  private readonly untrack: () => void;

  private constructor(
    readonly finalPath: string,
    readonly stagingPath: string,
  ) {
    // A second Ctrl-C exits at once; the staging folder goes with the stack's processes then.
    this.untrack = trackTempDir(stagingPath);
  }

  /** The folder's name: the run id, with a suffix when another run took it first. */
  get runId(): string {
    return path.basename(this.finalPath);
  }

  /** Two runs that start in the same second with the same seed get `-2`, `-3`, … */
  static async create(root: string, runId: string): Promise<ReportDir> {
    try {
      await mkdir(root, { recursive: true });
      for (let attempt = 1; ; attempt += 1) {
        const id = attempt === 1 ? runId : `${runId}-${attempt}`;
        const finalPath = path.resolve(root, id);
        const stagingPath = path.resolve(root, `.${id}.partial`);
        if (existsSync(finalPath)) continue;
        const created = await mkdir(stagingPath).then(
          () => true,
          (error: NodeJS.ErrnoException) => {
            if (error.code === 'EEXIST') return false;
            throw error;
          },
        );
        if (created) return new ReportDir(finalPath, stagingPath);
      }
    } catch (cause) {
      throw new OptionInvalidError(`cannot write reports under ${root}: ${String(cause)}`, {
        hint: 'give a folder you can write to with --report-dir',
        cause,
      });
    }
  }

  async write(name: string, content: string): Promise<void> {
    await writeFile(path.join(this.stagingPath, name), content);
  }

  async writeJson(name: string, value: unknown): Promise<void> {
    await this.write(name, `${JSON.stringify(value, null, 2)}\n`);
  }

  /** Moves the staged files into place and returns the final path. */
  async commit(): Promise<string> {
    await rename(this.stagingPath, this.finalPath);
    this.untrack();

    return this.finalPath;
  }

  async discard(): Promise<void> {
    await rm(this.stagingPath, { recursive: true, force: true });
    this.untrack();
  }
}

/** `20261203-153012-safety-incident-42`: sortable by time, readable at a glance. */
export function createRunId(scenario: string, seed: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const safeSeed = seed.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 32);

  return `${stamp}-${scenario}-${safeSeed}`;
}
