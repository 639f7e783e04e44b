import type { Clock } from '../common/clock.js';
import { formatSeconds } from '../common/duration.js';
import type { Logger } from '../common/logger.js';
import { pollUntil } from './poll-until.js';
import type { ActiveTarget, RuleGroup } from './prometheus-api.js';
import type { PrometheusClient } from './prometheus-client.js';
import { SIM_JOB } from './prometheus-config.js';

export interface SelfCheckOptions {
  prometheus: PrometheusClient;
  /** Resolves true once the sink has received a firing Watchdog, false after `timeoutMs`. */
  waitForWatchdog: (timeoutMs: number) => Promise<boolean>;
  clock: Clock;
  logger: Logger;
  /** For all checks together; they run side by side. */
  timeoutMs: number;
  /** The scrape job of `sim`. Default "sim". */
  job?: string;
}

export interface SelfCheckResult {
  ok: boolean;
  /** One sentence per problem, naming the rule, target or receiver involved. */
  problems: string[];
}

const POLL_INTERVAL_MS = 250;
const WATCHDOG = 'Watchdog';

/**
 * Proves the pipeline before any verdict relies on it: every rule loaded and evaluating without
 * error, the `sim` target scraped, the Watchdog delivered end to end. A failure is reported, not
 * thrown: it makes verdicts inconclusive, it does not blame the rules under test.
 */
export async function runSelfCheck(options: SelfCheckOptions): Promise<SelfCheckResult> {
  const { clock, logger } = options;
  const startedAtMs = clock.now();
  logger.debug('self-check started', { timeoutMs: options.timeoutMs });
  const results = await Promise.all([
    checkRules(options),
    checkTarget(options),
    checkWatchdog(options),
  ]);
  const problems = results.flat();
  logger.debug('self-check finished', { problems, ms: clock.now() - startedAtMs });

  return { ok: problems.length === 0, problems };
}

/** What is wrong with the loaded rules: none loaded, a failing rule, no Watchdog. */
export function ruleProblems(groups: RuleGroup[]): string[] {
  if (groups.length === 0) return ['Prometheus has no rule group loaded'];
  const problems = groups.flatMap((group) =>
    group.rules.flatMap((rule) => {
      const where = `rule ${rule.name} (group ${group.name} in ${group.file})`;
      if (rule.health === 'err') return [`${where} fails: ${rule.lastError ?? 'no detail'}`];
      if (rule.health === 'unknown') return [`${where} has not been evaluated yet`];

      return [];
    }),
  );
  const rules = groups.flatMap((group) => group.rules);
  if (!rules.some((rule) => rule.type === 'alerting' && rule.name === WATCHDOG)) {
    problems.push(`no ${WATCHDOG} rule is loaded; include stack/prometheus/rules/meta.yml`);
  }

  return problems;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function checkRules(options: SelfCheckOptions): Promise<string[]> {
  let problems = ['the rules could not be read'];
  await pollUntil(
    async () => {
      try {
        const groups = await options.prometheus.ruleGroups();
        problems = ruleProblems(groups);

        return groups.every((group) => group.rules.every((rule) => rule.health !== 'unknown'));
      } catch (error) {
        problems = [`the rules could not be read: ${messageOf(error)}`];

        return false;
      }
    },
    { clock: options.clock, timeoutMs: options.timeoutMs, intervalMs: POLL_INTERVAL_MS },
  );

  return problems;
}

function describeTarget(target: ActiveTarget): string {
  const error = target.lastError === '' ? '' : `: ${target.lastError}`;

  return `target ${target.scrapeUrl} is ${target.health}${error}`;
}

async function checkTarget(options: SelfCheckOptions): Promise<string[]> {
  const job = options.job ?? SIM_JOB;
  let problem = `Prometheus has no scrape target for job "${job}"`;
  const up = await pollUntil(
    async () => {
      try {
        const targets = (await options.prometheus.targets()).activeTargets;
        const ours = targets.filter((target) => target.labels['job'] === job);
        const notUp = ours.filter((target) => target.health !== 'up');
        if (ours.length > 0 && notUp.length > 0) {
          problem = notUp.map(describeTarget).join('; ');
        }

        return ours.length > 0 && notUp.length === 0;
      } catch (error) {
        problem = `the scrape targets could not be read: ${messageOf(error)}`;

        return false;
      }
    },
    { clock: options.clock, timeoutMs: options.timeoutMs, intervalMs: POLL_INTERVAL_MS },
  );

  return up ? [] : [problem];
}

async function checkWatchdog(options: SelfCheckOptions): Promise<string[]> {
  try {
    if (await options.waitForWatchdog(options.timeoutMs)) return [];

    return [
      `no ${WATCHDOG} notification reached the webhook sink within ` +
        `${formatSeconds(options.timeoutMs)}; Alertmanager cannot deliver to it`,
    ];
  } catch (error) {
    return [`waiting for the ${WATCHDOG} notification failed: ${messageOf(error)}`];
  }
}
