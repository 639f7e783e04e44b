import { parseDurationMs } from '../common/duration.js';
import type { AlertmanagerRoute } from './alertmanager-config.js';
import { isYamlObject } from './prometheus-config.js';

/** Alertmanager's default `group_wait` for a root route that sets none. */
const DEFAULT_GROUP_WAIT = '30s';

/** One route of an Alertmanager routing tree, with what it inherits from its parents. */
export interface RouteNode {
  /** Where it sits in the file: `route` for the root, `route.routes[2].routes[0]` below it. */
  position: string;
  /** Its own receiver, or the one it inherits from the nearest parent that names one. */
  receiver: string;
  /** Its matchers as written, the older `match` and `match_re` spellings turned into matchers. */
  matchers: string[];
  /** Its own `group_wait`, or the inherited one. */
  groupWaitMs: number;
  continues: boolean;
  /** The route itself, as parsed. */
  route: AlertmanagerRoute;
}

/** Every route of the tree, depth first in file order (the order Alertmanager matches in). */
export function routeNodes(root: AlertmanagerRoute): RouteNode[] {
  const nodes: RouteNode[] = [];
  const visit = (route: AlertmanagerRoute, position: string, parent: RouteNode | undefined) => {
    const node: RouteNode = {
      position,
      receiver: route.receiver ?? parent?.receiver ?? '',
      matchers: matchersOf(route),
      groupWaitMs:
        route.group_wait === undefined
          ? (parent?.groupWaitMs ?? parseDurationMs(DEFAULT_GROUP_WAIT))
          : parseDurationMs(route.group_wait),
      continues: route['continue'] === true,
      route,
    };
    nodes.push(node);
    (route.routes ?? []).forEach((child, index) =>
      visit(child, `${position}.routes[${index}]`, node),
    );
  };
  visit(root, 'route', undefined);

  return nodes;
}

function matchersOf(route: AlertmanagerRoute): string[] {
  const written = Array.isArray(route['matchers']) ? route['matchers'].map(String) : [];
  const equal = isYamlObject(route['match']) ? route['match'] : {};
  const regex = isYamlObject(route['match_re']) ? route['match_re'] : {};

  return [
    ...written,
    ...Object.entries(equal).map(([name, value]) => `${name}=${JSON.stringify(String(value))}`),
    ...Object.entries(regex).map(([name, value]) => `${name}=~${JSON.stringify(String(value))}`),
  ];
}
