import type { z } from 'zod';
import { parseDurationMs } from '../common/duration.js';
import { ScenarioInvalidError } from '../common/errors.js';
import { scenarioSchema } from './schema.js';
import type { Scenario } from './types.js';
import { faultWindows, phaseWindows, scenarioDurationMs, type TimeWindow } from './windows.js';

/** One thing wrong with a scenario, at a path such as `phases[1].duration`. */
export interface ScenarioProblem {
  path: string;
  message: string;
}

/**
 * Checks shape and cross-references and returns the scenario typed, or throws one
 * `ScenarioInvalidError` whose first line names the file, the path and the bad value.
 */
export function validateScenario(input: unknown, file: string): Scenario {
  if (input === undefined) {
    throw new ScenarioInvalidError(`${file}: the module has no default export`, {
      hint: 'end the file with `export default scenario;`',
    });
  }
  let parsed: ReturnType<typeof scenarioSchema.safeParse>;
  try {
    parsed = scenarioSchema.safeParse(input, { reportInput: true });
  } catch (cause) {
    // A getter that throws or a value no schema can walk, such as a Proxy that refuses reads.
    throw new ScenarioInvalidError(`${file}: the scenario cannot be read: ${String(cause)}`, {
      hint: 'export a plain object literal',
      cause,
    });
  }
  const problems = parsed.success
    ? crossReferenceProblems(parsed.data)
    : shapeProblems(parsed.error);
  if (problems.length > 0 || !parsed.success) {
    throw new ScenarioInvalidError(describeProblems(file, problems), {
      hint: 'fix the scenario file; `sim list` shows the scenarios that load',
    });
  }

  return parsed.data;
}

function describeProblems(file: string, problems: ScenarioProblem[]): string {
  const [first, ...rest] = problems.map((p) =>
    p.path === '' ? p.message : `${p.path}: ${p.message}`,
  );
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more: ${rest.join('; ')})`;

  return `${file}: ${first}${more}`;
}

function shapeProblems(error: z.ZodError): ScenarioProblem[] {
  return error.issues.map((issue) => {
    const shown =
      'input' in issue && issue.input !== undefined && issue.code !== 'unrecognized_keys';
    const got = shown ? `, got ${show(issue.input)}` : '';
    const keys = issue.code === 'unrecognized_keys' ? `: ${issue.keys.join(', ')}` : '';

    return { path: formatPath(issue.path), message: `${issue.message}${keys}${got}` };
  });
}

function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = typeof value === 'bigint' ? `${value}n` : Object.prototype.toString.call(value);
  }

  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

function crossReferenceProblems(scenario: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const phases = scenario.phases.map((phase) => phase.name);
  const faults = (scenario.faults ?? []).map((fault) => fault.name);
  duplicates(phases).forEach((n) =>
    problems.push({ path: 'phases', message: `phase "${n}" is named twice` }),
  );
  duplicates(faults).forEach((n) =>
    problems.push({ path: 'faults', message: `fault "${n}" is named twice` }),
  );
  faults
    .filter((n) => phases.includes(n))
    .forEach((n) =>
      problems.push({
        path: 'faults',
        message: `fault "${n}" has a phase's name; \`after\` would be ambiguous`,
      }),
    );

  (scenario.faults ?? []).forEach((fault, index) => {
    if (!phases.includes(fault.phase)) {
      problems.push({
        path: `faults[${index}].phase`,
        message: `names no phase: "${fault.phase}"; phases are ${phases.join(', ')}`,
      });
    }
  });
  if (problems.length === 0) problems.push(...faultTimingProblems(scenario));
  problems.push(...expectationProblems(scenario, phases, faults));

  return problems;
}

function faultTimingProblems(scenario: Scenario): ScenarioProblem[] {
  const endMs = scenarioDurationMs(scenario);
  const phases = phaseWindows(scenario);
  const windows = faultWindows(scenario);

  return [
    ...windows.flatMap((window, index) => {
      const phase = phases.find((p) => p.name === scenario.faults?.[index]?.phase);
      if (phase !== undefined && window.startMs >= phase.endMs) {
        const message = `starts after phase "${phase.name}" ends`;
        return [{ path: `faults[${index}].offset`, message }];
      }
      if (window.endMs > endMs) {
        const message = `"${window.name}" outlasts the scenario's last phase`;
        return [{ path: `faults[${index}]`, message }];
      }
      return [];
    }),
    ...overlappingErrorShares(scenario, windows),
  ];
}

/**
 * A service-errors fault replaces the service's error share rather than adding to it, so two of
 * them on one service at once would leave one without effect: say so instead.
 */
function overlappingErrorShares(scenario: Scenario, windows: TimeWindow[]): ScenarioProblem[] {
  const faults = scenario.faults ?? [];
  const problems: ScenarioProblem[] = [];
  faults.forEach((fault, index) => {
    if (fault.effect.kind !== 'service-errors') return;
    const service = fault.effect.service;
    const earlier = faults.findIndex(
      (other, otherIndex) =>
        otherIndex < index &&
        other.effect.kind === 'service-errors' &&
        other.effect.service === service &&
        windows[otherIndex]!.startMs < windows[index]!.endMs &&
        windows[index]!.startMs < windows[otherIndex]!.endMs,
    );
    if (earlier >= 0) {
      problems.push({
        path: `faults[${index}]`,
        message: `"${fault.name}" sets ${service}'s error share while "${faults[earlier]!.name}" does; one share replaces the other, so give them separate times`,
      });
    }
  });

  return problems;
}

function expectationProblems(
  scenario: Scenario,
  phases: string[],
  faults: string[],
): ScenarioProblem[] {
  const windows = [...faults, ...phases];
  const problems: ScenarioProblem[] = [];
  scenario.expectations.forEach((expectation, index) => {
    const path = `expectations[${index}]`;
    if (expectation.expect !== 'silent' && !windows.includes(expectation.after)) {
      problems.push({
        path: `${path}.after`,
        message: `names no fault or phase: "${expectation.after}"; known: ${windows.join(', ')}`,
      });
    }
    if (expectation.expect === 'silent' && expectation.during !== undefined) {
      if (!phases.includes(expectation.during)) {
        problems.push({
          path: `${path}.during`,
          message: `names no phase: "${expectation.during}"; phases are ${phases.join(', ')}`,
        });
      }
    }
    if (expectation.expect === 'fires' && expectation.notBefore !== undefined) {
      if (parseDurationMs(expectation.notBefore) >= parseDurationMs(expectation.within)) {
        problems.push({ path: `${path}.notBefore`, message: 'must be shorter than `within`' });
      }
    }
  });

  return problems;
}

function duplicates(names: string[]): string[] {
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}
