/**
 * Measures the virtual engine: wall time of one long scenario and its ratio of simulated to wall
 * time, the overhead of `sim` over promtool alone on the same generated file, and the wall time
 * of `sim suite`. Prints a Markdown table; asserts nothing.
 *
 *   npm run bench [-- --runs 3 --scenario burn-rate-spike]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    scenario: { type: 'string', default: 'burn-rate-spike' },
  },
});
const runs = Number(values.runs);
const scenario = values.scenario;
const root = path.resolve(import.meta.dirname, '..');
const reports = mkdtempSync(path.join(tmpdir(), 'sim-bench-'));

function timed(command: string, args: string[], cwd = root): { ms: number; stdout: string } {
  const started = performance.now();
  const stdout = execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });

  return { ms: performance.now() - started, stdout };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)]!;
}

const sim = (args: string[]) => timed(process.execPath, ['bin/sim.js', ...args]);
const runMs: number[] = [];
const promtoolMs: number[] = [];
let simulatedMs = 0;
let series = 0;
for (let run = 0; run < runs; run += 1) {
  const { ms, stdout } = sim([
    'run',
    scenario,
    '--engine',
    'virtual',
    '--seed',
    '1',
    '--json',
    '--report-dir',
    reports,
  ]);
  const summary = JSON.parse(stdout) as { runId: string; durationMs: number };
  simulatedMs = summary.durationMs;
  runMs.push(ms);
  const file = path.join(reports, summary.runId, 'alerts.promtool.yml');
  series = (readFileSync(file, 'utf8').match(/- series:/g) ?? []).length;
  // promtool exits 1 here because the file's probes are written to fail; only the time counts.
  const started = performance.now();
  try {
    execFileSync('promtool', ['test', 'rules', file], { stdio: 'ignore' });
  } catch {
    // expected
  }
  promtoolMs.push(performance.now() - started);
}
const suiteMs: number[] = [];
for (let run = 0; run < runs; run += 1) {
  try {
    suiteMs.push(sim(['suite', '--seed', '1', '--report-dir', reports]).ms);
  } catch (error) {
    throw new Error(`sim suite failed; run it alone to see why`, { cause: error });
  }
}
rmSync(reports, { recursive: true, force: true });

const wall = median(runMs);
const promtool = median(promtoolMs);
const rows = [
  [
    `sim run ${scenario} --engine virtual`,
    `${(wall / 1_000).toFixed(2)} s`,
    `${Math.round(simulatedMs / wall)}× real time (${(simulatedMs / 3_600_000).toFixed(1)} h simulated, ${series} series)`,
  ],
  [
    'promtool test rules on the same file',
    `${(promtool / 1_000).toFixed(2)} s`,
    `sim adds ${Math.round(((wall - promtool) / promtool) * 100)} % over promtool alone`,
  ],
  ['sim suite (every scenario)', `${(median(suiteMs) / 1_000).toFixed(2)} s`, ''],
];
console.log(
  `median of ${runs} runs, ${new Date().toISOString().slice(0, 10)}, ${process.version}\n`,
);
console.log('| what | wall time | |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
