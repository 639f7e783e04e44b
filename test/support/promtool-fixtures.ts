import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { runCommand } from '../../src/stack/run-command.js';

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
