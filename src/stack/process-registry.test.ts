import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REGISTRY = fileURLToPath(new URL('./process-registry.ts', import.meta.url));
const REPO_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** True while the process exists and is not a zombie waiting to be reaped. */
async function isAlive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);

  return stat !== undefined && !/^\d+ \(.*\) Z/.test(stat);
}

/**
 * Runs a small `sim` stand-in that starts a tracked `sleep`, prints its PID, then runs `then`.
 * Resolves with the sleep's PID once printed, and with how the stand-in ended.
 */
async function runStandIn(dir: string, then: string) {
  const script = join(dir, 'stand-in.mts');
  await writeFile(
    script,
    `import { spawn } from 'node:child_process';
import { trackChild } from ${JSON.stringify(REGISTRY)};
const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
trackChild(child);
process.stdout.write(child.pid + '\\n');
${then}
`,
  );
  const standIn = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: REPO_DIR,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    standIn.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let output = '';
  const pid = await new Promise<number>((resolve, reject) => {
    standIn.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const first = output.split('\n')[0];
      if (output.includes('\n')) resolve(Number(first));
    });
    void ended.then(() => reject(new Error(`the stand-in ended early: ${output}`)));
  });

  return { standIn, pid, ended, output: () => output };
}

describe('the process registry', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sim-registry-test-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('kills the tracked children when sim exits', async () => {
    const { pid, ended } = await runStandIn(dir, 'setTimeout(() => process.exit(0), 100);');
    expect(await isAlive(pid)).toBe(true);

    expect(await ended).toEqual({ code: 0, signal: null });
    expect(await isAlive(pid)).toBe(false);
  });

  it('kills the tracked children and ends sim on a SIGTERM nobody else handles', async () => {
    const { standIn, pid, ended } = await runStandIn(dir, 'setInterval(() => undefined, 1000);');
    standIn.kill('SIGTERM');

    expect(await ended).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await isAlive(pid)).toBe(false);
  });

  it('leaves the shutdown to the CLI when it handles the signal itself', async () => {
    const cli = `setInterval(() => undefined, 1000);
process.on('SIGTERM', () => {
  process.stdout.write('handled\\n');
  setTimeout(() => process.exit(0), 300);
});
process.stdout.write('ready\\n');`;
    const { standIn, pid, ended, output } = await runStandIn(dir, cli);
    // Signalled only once its handler is installed: earlier, the default action would kill it.
    while (!output().includes('ready')) await new Promise((resolve) => setTimeout(resolve, 20));
    standIn.kill('SIGTERM');
    while (!output().includes('handled')) await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await isAlive(pid)).toBe(true);
    expect(await ended).toEqual({ code: 0, signal: null });
    expect(await isAlive(pid)).toBe(false);
  });
});
