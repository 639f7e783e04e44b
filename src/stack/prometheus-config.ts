import { parse } from 'yaml';
import { StackConfigInvalidError } from '../common/errors.js';
import { parseDurationMs } from '../common/duration.js';

/** The job that scrapes `sim`'s /metrics; the local backend points it at the running sim. */
export const SIM_JOB = 'sim';

/** Prometheus's own defaults for both intervals. */
const DEFAULT_INTERVAL = '1m';

export type YamlObject = Record<string, unknown>;

export function isYamlObject(value: unknown): value is YamlObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A parsed prometheus.yml, checked only as far as `sim` relies on it. */
export interface PrometheusConfig extends YamlObject {
  global?: YamlObject;
  rule_files?: string[];
  scrape_configs: YamlObject[];
}

export interface PrometheusRenderOptions {
  metricsTarget: string;
  alertmanagerTarget: string;
  ruleFiles: string[];
}

function invalid(file: string, problem: string): StackConfigInvalidError {
  return new StackConfigInvalidError(`Prometheus config ${file}: ${problem}`, {
    hint: `check it with: promtool check config ${file}`,
  });
}

export function readPrometheusConfig(text: string, file: string): PrometheusConfig {
  const config: unknown = parse(text);
  if (!isYamlObject(config)) throw invalid(file, 'is not a YAML mapping');
  const ruleFiles = config['rule_files'] ?? [];
  if (!Array.isArray(ruleFiles) || !ruleFiles.every((entry) => typeof entry === 'string')) {
    throw invalid(file, '`rule_files` is not a list of paths');
  }
  const scrapeConfigs = config['scrape_configs'];
  if (!Array.isArray(scrapeConfigs) || !scrapeConfigs.every(isYamlObject)) {
    throw invalid(file, '`scrape_configs` is not a list of jobs');
  }
  if (config['global'] !== undefined && !isYamlObject(config['global'])) {
    throw invalid(file, '`global` is not a mapping');
  }
  if (!scrapeConfigs.some((job) => job['job_name'] === SIM_JOB)) {
    throw invalid(file, `it has no scrape job named "${SIM_JOB}"`);
  }

  return config as PrometheusConfig;
}

function simJobOf(config: PrometheusConfig): YamlObject {
  const job = config.scrape_configs.find((candidate) => candidate['job_name'] === SIM_JOB);
  if (job === undefined) throw invalid('(rendered)', `no scrape job named "${SIM_JOB}"`);

  return job;
}

/**
 * The config the local backend runs: the `sim` job alone, pointed at the running sim (service
 * discovery dropped), one local Alertmanager, and the given rule files. Global settings stay.
 */
export function renderPrometheusConfig(
  source: PrometheusConfig,
  options: PrometheusRenderOptions,
): PrometheusConfig {
  const simJob = Object.fromEntries(
    Object.entries(simJobOf(source)).filter(([key]) => !key.endsWith('_sd_configs')),
  );

  return {
    global: source.global ?? {},
    rule_files: options.ruleFiles,
    alerting: {
      alertmanagers: [{ static_configs: [{ targets: [options.alertmanagerTarget] }] }],
    },
    scrape_configs: [{ ...simJob, static_configs: [{ targets: [options.metricsTarget] }] }],
  };
}

/** Scrape interval of the `sim` job and the global evaluation interval, with defaults. */
export function prometheusTimings(config: PrometheusConfig): {
  scrapeIntervalMs: number;
  evaluationIntervalMs: number;
} {
  const global = config.global ?? {};
  const globalScrape = global['scrape_interval'] ?? DEFAULT_INTERVAL;
  const scrape = simJobOf(config)['scrape_interval'] ?? globalScrape;
  const evaluation = global['evaluation_interval'] ?? DEFAULT_INTERVAL;

  return {
    scrapeIntervalMs: parseDurationMs(String(scrape)),
    evaluationIntervalMs: parseDurationMs(String(evaluation)),
  };
}
