import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { DEFAULT_STACK_DIR } from '../../src/stack/render.js';
import { runCommand } from '../../src/stack/run-command.js';

/** The shipped rule files and their promtool fixtures. */
export const RULES_DIR = join(DEFAULT_STACK_DIR, 'prometheus', 'rules');
export const FIXTURES_DIR = join(DEFAULT_STACK_DIR, '..', 'fixtures', 'rules');

interface PromtoolTestFile {
  rule_files: string[];
  tests: { alert_rule_test?: { alertname: string }[] }[];
}

async function alertNamesIn(ruleFile: string): Promise<string[] | undefined> {
  const text = await readFile(ruleFile, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const { groups } = parse(text) as { groups: { rules: { alert?: string }[] }[] };

  return groups.flatMap((group) => group.rules.flatMap((rule) => rule.alert ?? []));
}

/**
 * What would make `promtool test rules` pass without testing anything: a rule file that does
 * not exist (only a warning) and an alert name that no rule has (empty expectations pass).
 */
export async function silentPassProblems(file: string): Promise<string[]> {
  const test = parse(await readFile(file, 'utf8')) as PromtoolTestFile;
  const problems: string[] = [];
  const names = new Set<string>();
  for (const ruleFile of test.rule_files.map((path) => resolve(dirname(file), path))) {
    const alerts = await alertNamesIn(ruleFile);
    if (alerts === undefined) problems.push(`rule file ${ruleFile} does not exist`);
    for (const alert of alerts ?? []) names.add(alert);
  }
  const tested = test.tests.flatMap((t) => t.alert_rule_test ?? []).map((t) => t.alertname);
  for (const name of tested.filter((alert) => !names.has(alert))) {
    problems.push(`no loaded rule is named ${name}`);
  }

  return problems;
}

/** Runs a promtool test file after making sure it cannot pass idle, and without warnings. */
export async function promtoolTest(
  file: string,
  timeoutMs = 30_000,
): Promise<{ exitCode: number | null; output: string }> {
  expect(await silentPassProblems(file)).toEqual([]);
  const result = await runCommand('promtool', ['test', 'rules', file], { timeoutMs });
  const output = `${result.stdout}${result.stderr}`;
  expect(output).not.toContain('WARNING');

  return { exitCode: result.exitCode, output };
}

/**
 * Hands `body` a copy of the fixture `fixture` (a name in FIXTURES_DIR) whose only rule file is
 * `ruleFile` with `edit` applied, both in a temp folder removed afterwards. The edit must
 * change something, or the test would prove nothing.
 */
async function withEditedRules<T>(
  ruleFile: string,
  fixture: string,
  edit: (rules: string) => string,
  body: (file: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'sim-edited-rules-'));
  try {
    const rules = await readFile(ruleFile, 'utf8');
    const edited = edit(rules);
    expect(edited).not.toBe(rules);
    const editedFile = join(dir, basename(ruleFile));
    await writeFile(editedFile, edited);
    const test = parse(await readFile(join(FIXTURES_DIR, fixture), 'utf8')) as PromtoolTestFile;
    test.rule_files = [editedFile];
    await writeFile(join(dir, fixture), stringify(test));

    return await body(join(dir, fixture));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the fixture against `ruleFile` with `edit` applied and expects its test `failingTest` to
 * fail: the fixture catches the mistake the edit makes.
 */
export async function expectFixtureToCatch(
  ruleFile: string,
  fixture: string,
  edit: (rules: string) => string,
  failingTest: string,
  timeoutMs?: number,
): Promise<void> {
  const { exitCode, output } = await withEditedRules(ruleFile, fixture, edit, (file) =>
    promtoolTest(file, timeoutMs),
  );

  expect(output).toContain(failingTest);
  expect(exitCode).toBe(1);
}
