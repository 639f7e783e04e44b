import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { parseDurationMs } from '../common/duration.js';
import { groupWaitMsByReceiver, readAlertmanagerConfig } from './alertmanager-config.js';
import { prometheusTimings, readPrometheusConfig } from './prometheus-config.js';
import { DEFAULT_STACK_DIR } from './render.js';
import { runCommand } from './run-command.js';

const RULES_DIR = join(DEFAULT_STACK_DIR, 'prometheus', 'rules');
const PROMETHEUS_FILE = join(DEFAULT_STACK_DIR, 'prometheus', 'prometheus.yml');
const ALERTMANAGER_FILE = join(DEFAULT_STACK_DIR, 'alertmanager', 'alertmanager.yml');
const REPO_DIR = join(DEFAULT_STACK_DIR, '..');
const hasDockerCompose = (process.env['PATH'] ?? '')
  .split(delimiter)
  .some((dir) => dir !== '' && existsSync(join(dir, 'docker-compose')));
const TEAMS = ['child-safety', 'emergency', 'platform', 'meta', 'compliance', 'ai'];

interface RuleInFile {
  alert?: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

async function ruleFiles(): Promise<string[]> {
  const names = await readdir(RULES_DIR);

  return names.filter((name) => name.endsWith('.yml')).map((name) => join(RULES_DIR, name));
}

async function alertRules(): Promise<RuleInFile[]> {
  const rules: RuleInFile[] = [];
  for (const file of await ruleFiles()) {
    const { groups } = parse(await readFile(file, 'utf8')) as { groups: { rules: RuleInFile[] }[] };
    rules.push(...groups.flatMap((group) => group.rules).filter((rule) => rule.alert));
  }

  return rules;
}

describe('the stack configuration', () => {
  it('has rule files for child safety, the system and the watchdog', async () => {
    const names = (await ruleFiles()).map((file) => file.slice(RULES_DIR.length + 1));

    expect(names).toEqual(expect.arrayContaining(['child-safety.yml', 'system.yml', 'meta.yml']));
  });

  it('has rule files that promtool check rules accepts', async () => {
    const files = await ruleFiles();
    const result = await runCommand('promtool', ['check', 'rules', ...files]);

    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('has a prometheus.yml that promtool check config accepts', async () => {
    const result = await runCommand('promtool', ['check', 'config', PROMETHEUS_FILE]);

    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('has an alertmanager.yml that amtool check-config accepts', async () => {
    const result = await runCommand('amtool', ['check-config', ALERTMANAGER_FILE]);

    expect(result.stdout).toContain('SUCCESS');
    expect(result.exitCode).toBe(0);
  });

  // The only check that needs docker-compose; it is skipped, and says so, where it is missing.
  const itWithCompose = hasDockerCompose ? it : it.skip;
  itWithCompose(
    'has a docker-compose.yml that docker-compose config accepts (skipped without it)',
    async () => {
      const result = await runCommand(
        'docker-compose',
        ['-f', 'docker-compose.yml', 'config', '-q'],
        {
          cwd: REPO_DIR,
        },
      );

      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
    },
  );

  it('gives every alert a summary, description, runbook, severity and known team', async () => {
    const rules = await alertRules();

    expect(rules.length).toBeGreaterThanOrEqual(6);
    for (const rule of rules) {
      expect([rule.alert, Object.keys(rule.annotations ?? {}).sort()]).toEqual([
        rule.alert,
        ['description', 'runbook_url', 'summary'],
      ]);
      expect([rule.alert, rule.labels?.['severity']]).toEqual([rule.alert, expect.any(String)]);
      expect([rule.alert, TEAMS.includes(rule.labels?.['team'] ?? '')]).toEqual([rule.alert, true]);
    }
  });

  it('pages a critical child-safety violation within 15 s by its own settings', async () => {
    const prometheus = readPrometheusConfig(await readFile(PROMETHEUS_FILE, 'utf8'), 'p');
    const alertmanager = readAlertmanagerConfig(await readFile(ALERTMANAGER_FILE, 'utf8'), 'a');
    const { scrapeIntervalMs, evaluationIntervalMs } = prometheusTimings(prometheus);
    const rule = (await alertRules()).find((r) => r.alert === 'ChildSafetyViolationCritical');
    const forMs = parseDurationMs(rule?.for ?? '0s');
    const waits = groupWaitMsByReceiver(alertmanager.route);
    const receivers = ['pagerduty', 'child-safety-slack', 'child-safety-email'];

    for (const receiver of receivers) {
      const boundMs = scrapeIntervalMs + evaluationIntervalMs + forMs + (waits[receiver] ?? 1e9);
      expect([receiver, boundMs <= 15_000]).toEqual([receiver, true]);
    }
  });
});
