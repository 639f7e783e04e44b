import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A run's report folder, written in a hidden staging folder and moved into place only when the
 * run finished, so that an interrupted or rejected run leaves nothing half-written behind.
 */
export class ReportDir {
  private constructor(
    readonly finalPath: string,
    readonly stagingPath: string,
  ) {}

  static async create(root: string, runId: string): Promise<ReportDir> {
    const finalPath = path.resolve(root, runId);
    const stagingPath = path.resolve(root, `.${runId}.partial`);
    await mkdir(stagingPath, { recursive: true });

    return new ReportDir(finalPath, stagingPath);
  }

  async write(name: string, content: string): Promise<void> {
    await writeFile(path.join(this.stagingPath, name), content);
  }

  async writeJson(name: string, value: unknown): Promise<void> {
    await this.write(name, `${JSON.stringify(value, null, 2)}\n`);
  }

  /** Moves the staged files into place and returns the final path. */
  async commit(): Promise<string> {
    await rm(this.finalPath, { recursive: true, force: true });
    await rename(this.stagingPath, this.finalPath);

    return this.finalPath;
  }

  async discard(): Promise<void> {
    await rm(this.stagingPath, { recursive: true, force: true });
  }
}

/** `20261203-153012-safety-incident-42`: sortable by time, readable at a glance. */
export function createRunId(scenario: string, seed: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const safeSeed = seed.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 32);

  return `${stamp}-${scenario}-${safeSeed}`;
}
