import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { z } from 'zod';
import { parseDurationMs } from '../common/duration.js';
import { formatPath } from '../scenario/validate.js';
import { SloSpecInvalidError } from './errors.js';
import { planTiers, windowHours, type Slo } from './model.js';
import { queryProblems } from './queries.js';
import { specSchema, type SloSpecEntry } from './spec-schema.js';

export const DEFAULT_SPEC_FILE = 'stack/slo/slos.yml';
const RUNBOOKS = 'https://runbooks.teddy.example';
const HINT = "fix the spec; its format is Sloth's prometheus/v1, described in stack/slo/slos.yml";

interface Problem {
  path: string;
  message: string;
}

/** Reads and validates an SLO spec file; throws one error naming the first bad field. */
export async function readSloSpec(file: string): Promise<Slo[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new SloSpecInvalidError(`${file}: cannot read the SLO spec: ${String(cause)}`, {
      hint: `pass an existing file with --spec (default ${DEFAULT_SPEC_FILE})`,
      cause,
    });
  }

  return parseSloSpec(text, file);
}

export function parseSloSpec(text: string, file: string): Slo[] {
  let input: unknown;
  try {
    input = parse(text);
  } catch (cause) {
    throw new SloSpecInvalidError(`${file}: not YAML: ${String(cause)}`, { hint: HINT, cause });
  }
  const parsed = specSchema.safeParse(input);
  if (!parsed.success) throw invalid(file, shapeProblems(parsed.error));
  const slos = parsed.data.slos.map(toSlo);
  const problems = [
    ...parsed.data.slos.flatMap((entry, index) => entryProblems(entry, slos[index]!, index)),
    ...sharingProblems(slos),
  ];
  if (problems.length > 0) throw invalid(file, problems);

  return slos;
}

function invalid(file: string, problems: Problem[]): SloSpecInvalidError {
  const [first, ...rest] = problems.map((p) =>
    p.path === '' ? p.message : `${p.path} ${p.message}`,
  );
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more: ${rest.join('; ')})`;

  return new SloSpecInvalidError(`${file}: ${first}${more}`, { hint: HINT });
}

function shapeProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? `: ${issue.keys.join(', ')}` : '';

    return { path: formatPath(issue.path), message: `${issue.message}${keys}` };
  });
}

function toSlo(entry: SloSpecEntry): Slo {
  const { labels, alerting } = entry;
  const team = alerting.labels['team']!;
  const kebab = alerting.name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();

  return {
    name: entry.name,
    objective: entry.objective,
    budget: Number(((100 - entry.objective) / 100).toPrecision(10)),
    periodMs: parseDurationMs(labels.period),
    policy: labels.policy,
    sliId: labels.sli ?? entry.name.replaceAll('-', '_'),
    aggregation: aggregationOf(entry.sli.events.total_query) ?? [],
    errorQuery: entry.sli.events.error_query,
    totalQuery: entry.sli.events.total_query,
    minEventsPerHour: Number(labels.min_events_per_hour),
    alertName: alerting.name,
    team,
    alertLabels: alerting.labels,
    summary: alerting.annotations.summary,
    description: alerting.annotations.description,
    runbookUrl: alerting.annotations.runbook_url ?? `${RUNBOOKS}/${team}/${kebab}`,
    exactFastTier: labels.fast_tier === 'exact',
    pageEnabled: alerting.page_alert?.disable !== true,
    ticketEnabled: alerting.ticket_alert?.disable !== true,
  };
}

/** The labels of the outermost `sum by (...)`, [] for a bare `sum(`, undefined for neither. */
export function aggregationOf(query: string): string[] | undefined {
  const match = /^\s*\(?\s*sum\s*(?:by\s*\(([^)]*)\)\s*)?\(/.exec(query);
  if (match === null) return undefined;

  return (match[1] ?? '')
    .split(',')
    .map((label) => label.trim())
    .filter((label) => label !== '');
}

function entryProblems(entry: SloSpecEntry, slo: Slo, index: number): Problem[] {
  const at = `slos[${index}]`;
  const problems: Problem[] = [];
  const events = `${at}.sli.events`;
  if (aggregationOf(slo.totalQuery) === undefined) {
    problems.push({
      path: `${events}.total_query`,
      message:
        'must start with sum(...) or sum by (labels) (...), so the guard and both sides of the ratio are summed alike',
    });
  }
  problems.push(...queryProblems(`${events}.error_query`, slo.errorQuery, slo.aggregation));
  problems.push(...queryProblems(`${events}.total_query`, slo.totalQuery, slo.aggregation));
  problems.push(...guardProblems(`${at}.labels.min_events_per_hour`, slo));
  for (const [kind, severity] of [
    ['page_alert', 'critical'],
    ['ticket_alert', 'warning'],
  ] as const) {
    const given = entry.alerting[kind]?.labels?.['severity'];
    if (given !== undefined && given !== severity) {
      problems.push({
        path: `${at}.alerting.${kind}.labels.severity`,
        message: `is "${given}"; a ${kind.replace('_alert', '')} is severity ${severity}: drop the label or write ${severity}`,
      });
    }
  }

  return problems;
}

/**
 * One bad event among the fewest events the guard lets through must stay under every tier's
 * threshold: guard × long window × factor × budget ≥ 1.
 */
function guardProblems(path: string, slo: Slo): Problem[] {
  const needed = Math.max(
    0,
    ...planTiers(slo).map((tier) => 1 / (windowHours(tier.longWindow) * tier.factor * slo.budget)),
  );
  if (slo.minEventsPerHour >= needed) return [];
  const least = Math.ceil(needed * 100) / 100;

  return [
    {
      path,
      message: `is ${slo.minEventsPerHour}: one bad event among so few would cross a tier; raise it to at least ${least}`,
    },
  ];
}

/** SLOs that read the same SLI share its recordings, so they must agree on its name. */
function sharingProblems(slos: Slo[]): Problem[] {
  const problems: Problem[] = [];
  slos.forEach((slo, index) => {
    const twin = slos.findIndex(
      (other) => other.errorQuery === slo.errorQuery && other.totalQuery === slo.totalQuery,
    );
    const namesake = slos.findIndex((other) => other.sliId === slo.sliId);
    if (twin < index && slos[twin]!.sliId !== slo.sliId) {
      problems.push({
        path: `slos[${index}].labels.sli`,
        message: `reads the same SLI as slos[${twin}]; give both labels.sli: ${slos[twin]!.sliId}`,
      });
    } else if (namesake < index && twin !== namesake) {
      problems.push({
        path: `slos[${index}].labels.sli`,
        message: `is "${slo.sliId}", the name of slos[${namesake}]'s different SLI; rename one`,
      });
    }
    if (slos.findIndex((other) => other.name === slo.name) < index) {
      problems.push({ path: `slos[${index}].name`, message: `"${slo.name}" is used twice` });
    }
  });

  return problems;
}
