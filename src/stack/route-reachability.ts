import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { stringify } from 'yaml';
import { routeReceivers } from './alert-routing.js';
import { readAlertmanagerConfig, type AlertmanagerConfig } from './alertmanager-config.js';
import { routeNodes, type RouteNode } from './route-tree.js';
import { readRules } from './static-stack.js';

/** A route of the Alertmanager config that no alert of the rule files is delivered through. */
export interface UnreachableRoute {
  /** Where it sits in the file, e.g. `route.routes[3]`. */
  position: string;
  /** Its matchers as written. */
  matchers: string[];
  /** Its own or inherited receiver: the one that never hears of these alerts through it. */
  receiver: string;
}

export interface ReachabilityOptions {
  /** The amtool to route with; `amtool` on PATH unless given. */
  amtool?: string;
  /** amtool processes at once; 4 unless given. */
  concurrency?: number;
}

/** The static labels of one alerting rule, `alertname` included. */
export type AlertLabels = Readonly<Record<string, string>>;

/** Answers per config text and label sets: a suite asks once per scenario about the same files. */
const answers = new Map<string, Promise<UnreachableRoute[]>>();

/**
 * Every route below the root of the Alertmanager config at `configFile` that no alerting rule of
 * `ruleFiles` reaches, judged by Alertmanager's own routing (`amtool config routes test`) on each
 * rule's static labels. The root is the catch-all Alertmanager requires, so it is never reported.
 * Label values that are templates are routed as written.
 */
export async function unreachableRoutes(
  configFile: string,
  ruleFiles: readonly string[],
  options: ReachabilityOptions = {},
): Promise<UnreachableRoute[]> {
  // The default evaluation interval only feeds timings, which routing does not use.
  const rules = await Promise.all(ruleFiles.map((file) => readRules(file, 0)));
  const alerts = rules.flatMap((file) => file.alerts);

  return unreachableRoutesFor(
    configFile,
    alerts.map((rule) => ({ ...rule.labels, alertname: rule.alert })),
    options,
  );
}

/** `unreachableRoutes` for label sets already read, such as a loaded stack's rules. */
export async function unreachableRoutesFor(
  configFile: string,
  alerts: readonly AlertLabels[],
  options: ReachabilityOptions = {},
): Promise<UnreachableRoute[]> {
  const text = await readFile(configFile, 'utf8');
  const labelSets = distinctLabelSets(alerts);
  const key = createHash('sha256')
    .update(text)
    .update('\0')
    .update(JSON.stringify(labelSets))
    .digest('hex');
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = probeRoutes(readAlertmanagerConfig(text, configFile), labelSets, options);
    answers.set(key, answer);
    // A failed probe (amtool missing, say) is not an answer to keep.
    answer.catch(() => answers.delete(key));
  }

  return (await answer).map((route) => ({ ...route, matchers: [...route.matchers] }));
}

/** One line for a run's warnings. */
export function describeUnreachableRoute(route: UnreachableRoute): string {
  const matchers = route.matchers.length === 0 ? 'no matchers' : route.matchers.join(', ');

  return `${route.position} (${matchers}) → ${route.receiver} is reached by no alert of the rule files`;
}

/**
 * One copy of the config in which every route below the root delivers to a receiver of its own
 * (a sentinel); the receivers an alert is routed to then name exactly the routes it went through.
 * Receivers play no part in matching, so the copy routes exactly as the original does, and one
 * copy answers for every route at once.
 */
async function probeRoutes(
  config: AlertmanagerConfig,
  labelSets: readonly AlertLabels[],
  options: ReachabilityOptions,
): Promise<UnreachableRoute[]> {
  const routes = routeNodes(config.route).slice(1);
  const probe = structuredClone(config);
  const sentinels = sentinelNames(config, routes.length);
  routeNodes(probe.route)
    .slice(1)
    .forEach((node, index) => {
      node.route.receiver = sentinels[index];
    });
  probe.receivers = [...probe.receivers, ...sentinels.map((name) => ({ name }))];

  const dir = await mkdtemp(join(tmpdir(), 'sim-route-probe-'));
  try {
    const probeFile = join(dir, 'alertmanager.yml');
    await writeFile(probeFile, stringify(probe));
    const limit = pLimit(options.concurrency ?? 4);
    const amtool = options.amtool ?? 'amtool';
    const routed = await Promise.all(
      labelSets.map((labels) => limit(() => routeReceivers(amtool, probeFile, labels))),
    );
    const reached = new Set(routed.flat());

    return routes.filter((_, index) => !reached.has(sentinels[index] ?? '')).map(unreachable);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function unreachable(node: RouteNode): UnreachableRoute {
  return { position: node.position, matchers: node.matchers, receiver: node.receiver };
}

/** Names no receiver of the config starts with, so a sentinel can never be a real receiver. */
function sentinelNames(config: AlertmanagerConfig, count: number): string[] {
  const names = config.receivers.map((receiver) => receiver.name);
  let prefix = 'sim-route-probe-';
  while (names.some((name) => name.startsWith(prefix))) prefix = `_${prefix}`;

  return Array.from({ length: count }, (_, index) => `${prefix}${index}`);
}

/** Sorted and without repeats, so the same rules give the same cache key in any order. */
function distinctLabelSets(alerts: readonly AlertLabels[]): AlertLabels[] {
  const byKey = new Map<string, AlertLabels>();
  for (const labels of alerts) {
    const sorted = Object.fromEntries(
      Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    byKey.set(JSON.stringify(sorted), sorted);
  }

  return [...byKey.keys()].sort().map((key) => byKey.get(key) ?? {});
}
