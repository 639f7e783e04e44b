import { PromtoolUnsupportedError } from '../../common/errors.js';
import { parseDurationMs } from '../../common/duration.js';
import { unquotePromqlString } from './promql-selectors.js';

/** One sample of an instant vector as promtool prints it. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** A `promql_expr_test` whose result differed from its expectation. */
export interface ExprFailure {
  kind: 'expr';
  expr: string;
  evalTimeMs: number;
  expected: Sample[];
  got: Sample[];
}

/** An `alert_rule_test` whose alerts differed; `expected` and `got` are promtool's own text. */
export interface AlertFailure {
  kind: 'alert';
  alertname: string;
  evalTimeMs: number;
  expected: string;
  got: string;
}

/**
 * Anything else promtool reports: a rule file or test file that does not load, input series
 * that do not parse, or a test query that fails (then with its `expr` and `evalTimeMs`).
 */
export interface ErrorFailure {
  kind: 'error';
  message: string;
  expr?: string;
  evalTimeMs?: number;
}

export type PromtoolFailure = ExprFailure | AlertFailure | ErrorFailure;

export interface PromtoolTestReport {
  /** The promtool version the output was read as. */
  version: string;
  passed: boolean;
  /** Such as `WARNING: no file match pattern missing.yml`, which does not fail the run. */
  warnings: string[];
  failures: PromtoolFailure[];
}

/** The promtool versions whose `test rules` output this adapter was checked against. */
export const SUPPORTED_PROMTOOL_VERSIONS = ['2.42.x'];

const SUPPORTED_VERSION = /^2\.42\.\d+(?:[-+].*)?$/;
const YEAR_MS = 365 * 86_400_000;

/** The version in `promtool --version` output: `promtool, version 2.42.0+ds (branch: …)`. */
export function promtoolVersion(versionText: string): string {
  const match = /^promtool, version (\S+)/m.exec(versionText);
  if (match === null) {
    const firstLine = versionText.split('\n')[0];
    throw new Error(`cannot read a promtool version from ${JSON.stringify(firstLine)}`);
  }

  return match[1]!;
}

/**
 * Reads the combined stdout and stderr of `promtool test rules`, in either order. Throws when
 * the version is not one the adapter was written for, or when the output is not in the known
 * format, so that an output it cannot read never counts as a pass. With `exitCode`, also throws
 * when promtool's exit code disagrees with the output.
 */
export function parsePromtoolTestOutput(
  output: string,
  version: string,
  exitCode?: number | null,
): PromtoolTestReport {
  if (!SUPPORTED_VERSION.test(version)) {
    throw new PromtoolUnsupportedError(
      `promtool ${version} is not supported: its test output was only verified for ` +
        SUPPORTED_PROMTOOL_VERSIONS.join(', '),
      { hint: 'Put promtool 2.42 on PATH, or add output fixtures for this version.' },
    );
  }
  const state = readLines(output.replace(/\r\n/g, '\n').split('\n'));
  checkConsistent(state, output);
  const passed = state.failedFiles === 0;
  if (exitCode !== undefined && (exitCode === 0) !== passed) {
    const outcome = passed ? 'passed' : 'failed';
    throw new Error(`promtool exited with ${exitCode} but its output says ${outcome}:\n${output}`);
  }

  return { version, passed, warnings: state.warnings, failures: state.failures };
}

interface ReadState {
  files: number;
  passedFiles: number;
  failedFiles: number;
  warnings: string[];
  failures: PromtoolFailure[];
}

function readLines(lines: readonly string[]): ReadState {
  const state: ReadState = { files: 0, passedFiles: 0, failedFiles: 0, warnings: [], failures: [] };
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    index += 1;
    if (line.trim() === '') continue;
    if (line.startsWith('Unit Testing: ')) state.files += 1;
    else if (line === '  SUCCESS') state.passedFiles += 1;
    else if (line === '  FAILED:') state.failedFiles += 1;
    else if (line.startsWith('  WARNING: ')) state.warnings.push(line.trim());
    else if (state.failedFiles === 0) throw unknownFormat(`line ${index}`, line);
    else index = readFailure(lines, index - 1, state.failures);
  }

  return state;
}

/** Reads the failure starting at `index`; returns the index of the line after it. */
function readFailure(lines: readonly string[], index: number, failures: PromtoolFailure[]): number {
  const line = lines[index]!;
  const last = failures.at(-1);
  if (line.startsWith('    expr: ')) return readExprFailure(lines, index, failures);
  if (line.startsWith('    alertname: ')) return readAlertFailure(lines, index, failures);
  // A named test group announces its failures; the failures themselves follow.
  if (/^ {4}name: .*,$/.test(line)) return index + 1;
  if (!line.startsWith(' ')) failures.push({ kind: 'error', message: line });
  else if (last?.kind === 'error' && last.expr === undefined) last.message += `\n${line}`;
  else throw unknownFormat(`line ${index + 1}`, line);

  return index + 1;
}

function readExprFailure(lines: readonly string[], index: number, failures: PromtoolFailure[]) {
  const header = new Cursor(lines[index]!, index + 1);
  header.expect('    expr: ');
  const expr = unquotePromqlString(header.quoted());
  header.expect(', time: ');
  const evalTimeMs = evalTimeToMs(header.until(','), header);
  header.expect(',');
  if (header.atEnd()) {
    const expected = readSamplesLine(lines, index + 1, '        exp: ');
    const got = readSamplesLine(lines, index + 2, '        got: ');
    failures.push({ kind: 'expr', expr, evalTimeMs, expected, got });

    return index + 3;
  }
  header.expect(' err: ');
  failures.push({ kind: 'error', message: lines[index]!.trim(), expr, evalTimeMs });

  return index + 1;
}

function readAlertFailure(lines: readonly string[], index: number, failures: PromtoolFailure[]) {
  const header = new Cursor(lines[index]!, index + 1);
  header.expect('    alertname: ');
  const alertname = header.until(',');
  header.expect(', time: ');
  const evalTimeMs = evalTimeToMs(header.until(','), header);
  header.expect(', ');
  if (!header.atEnd()) throw header.unexpected('the end of the line');
  const expected = readAlertBlock(lines, index + 1, 'exp:');
  const got = readAlertBlock(lines, expected.next, 'got:');
  failures.push({ kind: 'alert', alertname, evalTimeMs, expected: expected.text, got: got.text });

  return got.next;
}

/**
 * `exp:[` or `got:[` at 8 spaces, the alerts at 12 or more, and `]` (`exp:[]` when empty).
 * Label values and annotations are quoted, so no line of theirs can break the indentation.
 */
function readAlertBlock(lines: readonly string[], index: number, label: string) {
  const first = lines[index] ?? '';
  if (!first.startsWith(`        ${label}`)) throw unknownFormat(`line ${index + 1}`, first);
  const block = [first.slice(8 + label.length)];
  let next = index + 1;
  while (next < lines.length && /^ {12}/.test(lines[next]!)) {
    block.push(lines[next]!.slice(8));
    next += 1;
  }
  const text = block.join('\n').replace(/,\s*$/, '');
  if (!text.startsWith('[') || !text.endsWith(']')) throw unknownFormat(`line ${index + 1}`, first);

  return { text, next };
}

function readSamplesLine(lines: readonly string[], index: number, prefix: string): Sample[] {
  const line = lines[index] ?? '';
  const cursor = new Cursor(line, index + 1);
  cursor.expect(prefix);
  if (cursor.rest() === 'nil') return [];

  const samples: Sample[] = [];
  do {
    const labels = readLabels(cursor);
    cursor.expect(' ');
    samples.push({ labels, value: sampleValue(cursor.until(','), cursor) });
  } while (cursor.skip(', '));
  if (!cursor.atEnd()) throw cursor.unexpected('", " or the end of the line');

  return samples;
}

/** `{}` or `{name="value", …}` with Go-quoted values, which may hold `"`, `,` and `}`. */
function readLabels(cursor: Cursor): Record<string, string> {
  const labels: Record<string, string> = {};
  cursor.expect('{');
  if (cursor.skip('}')) return labels;
  do {
    const name = cursor.labelName();
    cursor.expect('=');
    labels[name] = unquotePromqlString(cursor.quoted());
  } while (cursor.skip(', '));
  cursor.expect('}');

  return labels;
}

/** Go's %E: `6.5E+01`, `3.0000000000000004E-01`, `NaN`, `+Inf`, `-Inf`. */
function sampleValue(text: string, cursor: Cursor): number {
  if (text === 'NaN') return NaN;
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (!/^-?\d(?:\.\d+)?E[-+]\d{2,3}$/.test(text)) throw cursor.unexpected('a sample value');

  return Number(text);
}

/** `4m`, `1h2m3s`, `1s500ms`, `1d`, `0s`; promtool writes years as `y` (365 days). */
function evalTimeToMs(text: string, cursor: Cursor): number {
  const years = /^(\d+)y(.*)$/.exec(text);
  const rest = years?.[2] ?? text;
  try {
    return Number(years?.[1] ?? 0) * YEAR_MS + (rest === '' ? 0 : parseDurationMs(rest));
  } catch {
    throw cursor.unexpected('an evaluation time');
  }
}

function checkConsistent(state: ReadState, output: string): void {
  if (state.files === 0) throw unknownFormat('the output', output.slice(0, 200));
  const { files, passedFiles, failedFiles } = state;
  if (passedFiles + failedFiles !== files) {
    const counts = `${files} test files with ${passedFiles} SUCCESS and ${failedFiles} FAILED in`;
    throw unknownFormat(counts, output.slice(0, 200));
  }
  if (state.failedFiles > 0 && state.failures.length === 0) {
    throw unknownFormat('FAILED without a reason in', output.slice(0, 200));
  }
}

function unknownFormat(where: string, text: string): Error {
  return new Error(
    `promtool test output is not in the known 2.42 format at ${where}: ${JSON.stringify(text)}`,
  );
}

/** Reads one line left to right; errors name the line number and the column. */
class Cursor {
  private position = 0;

  constructor(
    private readonly line: string,
    private readonly lineNumber: number,
  ) {}

  atEnd(): boolean {
    return this.position === this.line.length;
  }

  rest(): string {
    return this.line.slice(this.position);
  }

  skip(literal: string): boolean {
    if (!this.line.startsWith(literal, this.position)) return false;
    this.position += literal.length;

    return true;
  }

  expect(literal: string): void {
    if (!this.skip(literal)) throw this.unexpected(JSON.stringify(literal));
  }

  /** Text up to (not including) `delimiter`, or to the end of the line. */
  until(delimiter: string): string {
    const end = this.line.indexOf(delimiter, this.position);
    const text = this.line.slice(this.position, end < 0 ? undefined : end);
    this.position += text.length;

    return text;
  }

  /** A double-quoted Go string, quotes and escapes included. */
  quoted(): string {
    const start = this.position;
    this.expect('"');
    while (!this.atEnd() && this.line[this.position] !== '"') {
      this.position += this.line[this.position] === '\\' ? 2 : 1;
    }
    this.expect('"');

    return this.line.slice(start, this.position);
  }

  labelName(): string {
    const match = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(this.rest());
    if (match === null) throw this.unexpected('a label name');
    this.position += match[0].length;

    return match[0];
  }

  unexpected(wanted: string): Error {
    return unknownFormat(
      `line ${this.lineNumber}, column ${this.position + 1} (expected ${wanted})`,
      this.line,
    );
  }
}
