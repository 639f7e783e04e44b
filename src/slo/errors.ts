import { BadInputError, SimError } from '../common/errors.js';

/** The SLO spec is missing, unreadable or names a field wrongly: nothing was written. */
export class SloSpecInvalidError extends BadInputError {
  readonly code = 'SLO_SPEC_INVALID';
}

/** `sim slo generate --check`: a committed rule file differs from what the spec generates. */
export class SloRulesStaleError extends SimError {
  readonly code = 'SLO_RULES_STALE';
  readonly exitCode = 1;
}
