import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseDurationMs } from '../common/duration.js';
import { BinaryMissingError, RuleFileInvalidError } from '../common/errors.js';
import { groupWaitMsByReceiver, readAlertmanagerConfig } from './alertmanager-config.js';
import { findOnPath, INSTALL_COMMAND } from './binaries.js';
import { prometheusTimings, readPrometheusConfig } from './prometheus-config.js';
import { DEFAULT_STACK_DIR } from './render.js';
import { readInhibitRules, type InhibitRule } from './inhibition.js';
import { checkRuleFiles, resolveRuleFiles } from './rule-files.js';
import { unmatchedSelectors, type RuleExpression, type SelectorWarning } from './selector-check.js';
import type { AlertRuleInfo, StackSettings } from './types.js';

/** The stack as files: what the virtual engine evaluates, without starting a process. */
export interface StaticStack {
  settings: StackSettings;
  /** Absolute paths, checked by `promtool check rules`. */
  ruleFiles: string[];
  /** Every rule expression, recording rules included: what decides which series to keep. */
  expressions: string[];
  /** Selectors that match nothing `sim` emits, by rule: warnings, never verdicts. */
  selectorWarnings: SelectorWarning[];
  /** Names recording rules produce; rules may read them without `sim` emitting them. */
  recordedNames: string[];
  alertmanagerConfigFile: string;
  /** Alertmanager's inhibit rules: what the virtual engine's predicted deliveries honour. */
  inhibitRules: InhibitRule[];
  promtool: string;
  amtool: string;
}

interface RuleYaml {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Reads prometheus.yml, the rule files and alertmanager.yml; checks the rules with promtool. */
export async function loadStaticStack(options: {
  ruleFiles?: string[];
  stackDir?: string;
  pathVariable?: string;
}): Promise<StaticStack> {
  const pathVariable = options.pathVariable ?? process.env['PATH'] ?? '';
  const { promtool, amtool } = await requireTools(pathVariable);
  const stackDir = options.stackDir ?? DEFAULT_STACK_DIR;
  const prometheusFile = join(stackDir, 'prometheus', 'prometheus.yml');
  const alertmanagerConfigFile = join(stackDir, 'alertmanager', 'alertmanager.yml');
  const prometheus = readPrometheusConfig(await readFile(prometheusFile, 'utf8'), prometheusFile);
  const alertmanager = readAlertmanagerConfig(
    await readFile(alertmanagerConfigFile, 'utf8'),
    alertmanagerConfigFile,
  );
  const ruleFiles =
    options.ruleFiles?.map((file) => resolve(file)) ??
    (await resolveRuleFiles(prometheus.rule_files ?? [], dirname(prometheusFile)));
  await checkRuleFiles(promtool, ruleFiles);
  const timings = prometheusTimings(prometheus);
  const rules = await Promise.all(ruleFiles.map((f) => readRules(f, timings.evaluationIntervalMs)));
  const recordedNames = rules.flatMap((r) => r.recordedNames);

  return {
    settings: {
      ...timings,
      rules: rules.flatMap((r) => r.alerts),
      groupWaitMsByReceiver: groupWaitMsByReceiver(alertmanager.route),
      receivers: alertmanager.receivers.map((receiver) => receiver.name),
    },
    ruleFiles,
    expressions: rules.flatMap((r) => r.expressions.map((e) => e.expr)),
    selectorWarnings: unmatchedSelectors(
      rules.flatMap((r) => r.expressions),
      recordedNames,
    ),
    recordedNames,
    alertmanagerConfigFile,
    inhibitRules: readInhibitRules(alertmanager, alertmanagerConfigFile),
    promtool,
    amtool,
  };
}

async function requireTools(pathVariable: string): Promise<{ promtool: string; amtool: string }> {
  const [promtool, amtool] = await Promise.all([
    findOnPath('promtool', pathVariable),
    findOnPath('amtool', pathVariable),
  ]);
  if (promtool === undefined || amtool === undefined) {
    const missing = [promtool ?? 'promtool', amtool ?? 'amtool'].filter((t) => !t.includes('/'));
    throw new BinaryMissingError(`${missing.join(', ')} not found on PATH`, {
      hint: `install them with: ${INSTALL_COMMAND}`,
    });
  }

  return { promtool, amtool };
}

/** The alerting rules, expressions and recorded names of one rule file. */
export async function readRules(
  file: string,
  defaultIntervalMs: number,
): Promise<{ alerts: AlertRuleInfo[]; expressions: RuleExpression[]; recordedNames: string[] }> {
  const parsed = parse(await readFile(file, 'utf8')) as {
    groups?: { interval?: string; rules?: RuleYaml[] }[];
  } | null;
  if (!Array.isArray(parsed?.groups)) {
    throw new RuleFileInvalidError(`rule file ${file} has no \`groups:\` list`, {
      hint: `check it with: promtool check rules ${file}`,
    });
  }
  const alerts: AlertRuleInfo[] = [];
  const expressions: RuleExpression[] = [];
  const recordedNames: string[] = [];
  for (const group of parsed.groups) {
    const evaluationIntervalMs =
      group.interval === undefined ? defaultIntervalMs : parseDurationMs(group.interval);
    for (const rule of group.rules ?? []) {
      expressions.push({ rule: rule.alert ?? rule.record ?? '(unnamed)', file, expr: rule.expr });
      if (rule.record !== undefined) recordedNames.push(rule.record);
      if (rule.alert === undefined) continue;
      alerts.push({
        alert: rule.alert,
        expr: rule.expr,
        forMs: rule.for === undefined ? 0 : parseDurationMs(rule.for),
        labels: rule.labels ?? {},
        annotations: rule.annotations ?? {},
        file,
        evaluationIntervalMs,
      });
    }
  }

  return { alerts, expressions, recordedNames };
}
