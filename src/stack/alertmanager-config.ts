import { parse } from 'yaml';
import { StackConfigInvalidError } from '../common/errors.js';
import { parseDurationMs } from '../common/duration.js';
import { isYamlObject, type YamlObject } from './prometheus-config.js';

/** Alertmanager's default `group_wait` for a root route that sets none. */
const DEFAULT_GROUP_WAIT = '30s';

export interface AlertmanagerRoute extends YamlObject {
  receiver?: string;
  group_wait?: string;
  routes?: AlertmanagerRoute[];
}

export interface AlertmanagerReceiver extends YamlObject {
  name: string;
}

/** A parsed alertmanager.yml, checked only as far as `sim` relies on it. */
export interface AlertmanagerConfig extends YamlObject {
  route: AlertmanagerRoute;
  receivers: AlertmanagerReceiver[];
}

/** Kept as they are: they decide where and whether an alert is delivered. */
const ROUTING_KEYS = ['inhibit_rules', 'mute_time_intervals', 'time_intervals'];

function invalid(file: string, problem: string): StackConfigInvalidError {
  return new StackConfigInvalidError(`Alertmanager config ${file}: ${problem}`, {
    hint: `check it with: amtool check-config ${file}`,
  });
}

export function readAlertmanagerConfig(text: string, file: string): AlertmanagerConfig {
  const config: unknown = parse(text);
  if (!isYamlObject(config)) throw invalid(file, 'is not a YAML mapping');
  if (!isYamlObject(config['route'])) throw invalid(file, 'it has no `route`');
  const receivers = config['receivers'];
  if (
    !Array.isArray(receivers) ||
    !receivers.every((receiver) => isYamlObject(receiver) && typeof receiver['name'] === 'string')
  ) {
    throw invalid(file, '`receivers` is not a list of named receivers');
  }

  return config as AlertmanagerConfig;
}

/**
 * The config the local backend runs: the same routing, inhibitions and time intervals, and every
 * receiver replaced by exactly one webhook to `${sinkUrl}/<receiver>`, whatever it was (Slack,
 * email, PagerDuty). Globals other than `resolve_timeout` and templates only serve the replaced
 * integrations, and may name files that do not exist here, so they are dropped.
 */
export function renderAlertmanagerConfig(
  source: AlertmanagerConfig,
  sinkUrl: string,
): AlertmanagerConfig {
  const base = sinkUrl.replace(/\/+$/, '');
  const global = source['global'];
  const resolveTimeout = isYamlObject(global) ? global['resolve_timeout'] : undefined;
  const kept = ROUTING_KEYS.filter((key) => key in source).map((key) => [key, source[key]]);

  return {
    ...(resolveTimeout === undefined ? {} : { global: { resolve_timeout: resolveTimeout } }),
    route: source.route,
    ...Object.fromEntries(kept),
    receivers: source.receivers.map(({ name }) => ({
      name,
      webhook_configs: [{ url: `${base}/${encodeURIComponent(name)}`, send_resolved: true }],
    })),
  };
}

/**
 * `group_wait` of the first route (depth first, in file order) that delivers to each receiver,
 * with `receiver` and `group_wait` inherited from parent routes as Alertmanager does.
 */
export function groupWaitMsByReceiver(root: AlertmanagerRoute): Record<string, number> {
  const byReceiver: Record<string, number> = {};
  const visit = (route: AlertmanagerRoute, receiver: string | undefined, groupWait: string) => {
    const ownReceiver = route.receiver ?? receiver;
    const ownGroupWait = route.group_wait ?? groupWait;
    if (ownReceiver !== undefined && !(ownReceiver in byReceiver)) {
      byReceiver[ownReceiver] = parseDurationMs(ownGroupWait);
    }
    for (const child of route.routes ?? []) visit(child, ownReceiver, ownGroupWait);
  };
  visit(root, undefined, DEFAULT_GROUP_WAIT);

  return byReceiver;
}
