import { runCli } from '../support/run-cli.js';

describe('sim list', () => {
  it('shows each shipped scenario with the time a live run of it takes', async () => {
    const result = await runCli(['list']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^normal-operation +6h {2}Six hours of an ordinary day/m);
    expect(result.stdout).toMatch(/^safety-incident +1m40s {2}Unsafe answers burst/m);
  });

  it('gives the same as JSON, the length in milliseconds', async () => {
    const result = await runCli(['list', '--json']);
    const rows = JSON.parse(result.stdout) as { name: string; durationMs: number }[];

    expect(rows.find((row) => row.name === 'burn-rate-spike')?.durationMs).toBe(4.5 * 3_600_000);
    expect(rows).toHaveLength(8);
  });
});
