import type { AlertTimeline } from '../engine/timeline.js';
import type { ReportDir } from './report-dir.js';
import type { RunSummary } from './summary.js';

/** Writes the machine-readable files of a run: summary, full timeline, raw notifications. */
export async function writeJsonReport(
  dir: ReportDir,
  summary: RunSummary,
  timeline: AlertTimeline,
  payloads: unknown[],
): Promise<void> {
  await dir.writeJson('summary.json', summary);
  await dir.writeJson('timeline.json', timeline);
  await dir.write('notifications.ndjson', payloads.map((p) => `${JSON.stringify(p)}\n`).join(''));
}
