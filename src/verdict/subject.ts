import { formatDuration } from '../common/duration.js';
import type { Expectation, LabelMatch } from '../scenario/types.js';

export function describeMatch(alert: string | undefined, labels: LabelMatch | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([name, value]) => `${name}="${value}"`);
  const selector = pairs.length === 0 ? '' : `{${pairs.join(',')}}`;

  return `${alert ?? 'any alert'}${selector}`;
}

/** One line naming what an expectation asks for. */
export function describeExpectation(expectation: Expectation): string {
  const match = describeMatch(expectation.alert, expectation.labels);
  switch (expectation.expect) {
    case 'fires': {
      const to = expectation.receiver === undefined ? '' : ` → ${expectation.receiver}`;
      return `${match} fires${to} within ${expectation.within} of ${expectation.after}`;
    }
    case 'silent': {
      const except = expectation.except?.length ? ` except ${expectation.except.join(', ')}` : '';
      const during = expectation.during === undefined ? '' : ` during ${expectation.during}`;
      if (expectation.receiver !== undefined) {
        return `${match}${except} never reaches ${expectation.receiver}${during}`;
      }
      return `${match}${except} stays silent${during}`;
    }
    case 'resolves':
      return `${match} resolves within ${expectation.within} of ${expectation.after} ending`;
  }
}

export function describeMs(ms: number): string {
  return ms < 60_000
    ? `${(ms / 1_000).toFixed(1)} s`
    : formatDuration(Math.round(ms / 1_000) * 1_000);
}
