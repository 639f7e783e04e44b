import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { StackConfigInvalidError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import {
  readAlertmanagerConfig,
  renderAlertmanagerConfig,
  type AlertmanagerConfig,
} from './alertmanager-config.js';
import type { StackBinaries } from './binaries.js';
import {
  readPrometheusConfig,
  renderPrometheusConfig,
  type PrometheusConfig,
} from './prometheus-config.js';
import { checkRuleFiles, resolveRuleFiles } from './rule-files.js';
import { firstProblemLine, runCommand } from './run-command.js';

/** The repository's `stack/` folder. */
export const DEFAULT_STACK_DIR = fileURLToPath(new URL('../../stack', import.meta.url));

/** Every temporary stack folder starts with this, under the system's temp folder. */
export const TEMP_DIR_PREFIX = 'sim-stack-';

export interface RenderOptions {
  /** Where Prometheus scrapes `sim`, e.g. "127.0.0.1:41234". */
  metricsTarget: string;
  /** The local Alertmanager, e.g. "127.0.0.1:41235". */
  alertmanagerTarget: string;
  /** Base URL of the webhook sink; each receiver gets `${sinkUrl}/<receiver>`. */
  sinkUrl: string;
  /** Load exactly these rule files instead of the ones prometheus.yml lists. */
  ruleFiles?: string[];
  tools: Pick<StackBinaries, 'promtool' | 'amtool'>;
  /** Default: the repository's `stack/`. */
  stackDir?: string;
  /** Where the temporary folder is made. Default: the system's temp folder. */
  tempDir?: string;
  logger: Logger;
}

/** A temporary folder holding everything the local processes read and write. */
export interface RenderedStack {
  dir: string;
  prometheusConfigFile: string;
  alertmanagerConfigFile: string;
  prometheusDataDir: string;
  alertmanagerDataDir: string;
  prometheus: PrometheusConfig;
  alertmanager: AlertmanagerConfig;
  /** Each copied rule file → the file it was copied from. */
  ruleFileSources: Record<string, string>;
}

async function readConfig<T>(file: string, read: (text: string, file: string) => T): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new StackConfigInvalidError(`cannot read stack config ${file}`, {
      hint: 'pass the folder that holds prometheus/ and alertmanager/',
      cause,
    });
  }

  return read(text, file);
}

/**
 * Validates the rule files and writes the configs of a local stack into a new temporary folder.
 * A bad rule file throws `RuleFileInvalidError` before anything is written; any later failure
 * removes the folder again.
 */
export async function renderStackConfig(options: RenderOptions): Promise<RenderedStack> {
  const stackDir = options.stackDir ?? DEFAULT_STACK_DIR;
  const prometheusFile = join(stackDir, 'prometheus', 'prometheus.yml');
  const alertmanagerFile = join(stackDir, 'alertmanager', 'alertmanager.yml');
  const prometheus = await readConfig(prometheusFile, readPrometheusConfig);
  const alertmanager = await readConfig(alertmanagerFile, readAlertmanagerConfig);
  const ruleFiles =
    options.ruleFiles?.map((file) => resolve(file)) ??
    (await resolveRuleFiles(prometheus.rule_files ?? [], dirname(prometheusFile)));
  if (ruleFiles.length === 0) options.logger.warn('no rule files to load', { stackDir });
  await checkRuleFiles(options.tools.promtool, ruleFiles);

  const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), TEMP_DIR_PREFIX));
  try {
    const sources = { prometheusFile, alertmanagerFile };
    return await writeStack(dir, { ...options, prometheus, alertmanager, ruleFiles, sources });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

interface WriteInput extends RenderOptions {
  prometheus: PrometheusConfig;
  alertmanager: AlertmanagerConfig;
  ruleFiles: string[];
  sources: { prometheusFile: string; alertmanagerFile: string };
}

async function writeStack(dir: string, input: WriteInput): Promise<RenderedStack> {
  const ruleFileSources = await copyRuleFiles(input.ruleFiles, join(dir, 'rules'));
  const prometheus = renderPrometheusConfig(input.prometheus, {
    metricsTarget: input.metricsTarget,
    alertmanagerTarget: input.alertmanagerTarget,
    ruleFiles: Object.keys(ruleFileSources),
  });
  const alertmanager = renderAlertmanagerConfig(input.alertmanager, input.sinkUrl);
  const prometheusConfigFile = join(dir, 'prometheus.yml');
  const alertmanagerConfigFile = join(dir, 'alertmanager.yml');
  await writeFile(prometheusConfigFile, stringify(prometheus));
  await writeFile(alertmanagerConfigFile, stringify(alertmanager));
  const { sources, tools } = input;
  await Promise.all([
    checkRendered(
      tools.promtool,
      ['check', 'config', '--syntax-only'],
      prometheusConfigFile,
      sources.prometheusFile,
    ),
    checkRendered(tools.amtool, ['check-config'], alertmanagerConfigFile, sources.alertmanagerFile),
  ]);
  input.logger.debug('stack config rendered', { dir, ruleFiles: input.ruleFiles });

  return {
    dir,
    prometheusConfigFile,
    alertmanagerConfigFile,
    prometheusDataDir: join(dir, 'prometheus-data'),
    alertmanagerDataDir: join(dir, 'alertmanager-data'),
    prometheus,
    alertmanager,
    ruleFileSources,
  };
}

/** Copies as `<n>-<name>` so that two files with one name in different folders both load. */
async function copyRuleFiles(files: string[], rulesDir: string): Promise<Record<string, string>> {
  await mkdir(rulesDir, { recursive: true });
  const sources: Record<string, string> = {};
  for (const [index, file] of files.entries()) {
    const copy = join(rulesDir, `${String(index + 1).padStart(2, '0')}-${basename(file)}`);
    await copyFile(file, copy);
    sources[copy] = file;
  }

  return sources;
}

/** Runs the tool's check on the rendered file; a failure names the source file to fix. */
async function checkRendered(
  tool: string,
  check: string[],
  renderedFile: string,
  sourceFile: string,
): Promise<void> {
  const result = await runCommand(tool, [...check, renderedFile]);
  if (result.exitCode !== 0) {
    const problem = firstProblemLine(result).replaceAll(renderedFile, basename(renderedFile));
    throw new StackConfigInvalidError(`the config made from ${sourceFile} is invalid: ${problem}`, {
      hint: `check it with: ${basename(tool)} ${check.join(' ')} ${sourceFile}`,
    });
  }
}
