/**
 * The failures a user can act on. Each has a stable `code`, a message that names the value
 * involved, a `hint` that says what to try next, and the exit code the CLI ends with.
 */
export abstract class SimError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** Exit code 2: the scenario, an option or a rule file is wrong; nothing was started. */
export abstract class BadInputError extends SimError {
  readonly exitCode = 2;
}

/** Exit code 3: the stack could not be found, started or reached. */
export abstract class StackError extends SimError {
  readonly exitCode = 3;
}

export class ScenarioNotFoundError extends BadInputError {
  readonly code = 'SCENARIO_NOT_FOUND';
}

export class ScenarioInvalidError extends BadInputError {
  readonly code = 'SCENARIO_INVALID';
}

export class OptionInvalidError extends BadInputError {
  readonly code = 'OPTION_INVALID';
}

export class RuleFileInvalidError extends BadInputError {
  readonly code = 'RULES_INVALID';
}

export class StackConfigInvalidError extends BadInputError {
  readonly code = 'STACK_CONFIG_INVALID';
}

export class BinaryMissingError extends StackError {
  readonly code = 'BINARY_MISSING';
}

/** A promtool whose output format `sim` was not verified against: guessing could pass silently. */
export class PromtoolUnsupportedError extends StackError {
  readonly code = 'PROMTOOL_UNSUPPORTED';
}

export class StackStartError extends StackError {
  readonly code = 'STACK_START_FAILED';
}

export class StackUnreachableError extends StackError {
  readonly code = 'STACK_UNREACHABLE';
}

/** promtool could not evaluate a generated test file: a fault in `sim` or in the stack's rules. */
export class PromtoolFailedError extends SimError {
  readonly code = 'PROMTOOL_FAILED';
  readonly exitCode = 70;
}

/** Exit code 130 (Ctrl-C) or 143 (SIGTERM): a signal stopped the work before it finished. */
export class InterruptedError extends SimError {
  readonly code = 'INTERRUPTED';
  readonly exitCode: number;

  constructor(message: string, exitCode = 130) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Exit code 70: a fault in `sim` itself. */
export const INTERNAL_ERROR_EXIT_CODE = 70;
