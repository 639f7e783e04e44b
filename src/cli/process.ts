import { killAllChildren } from '../stack/process-registry.js';
import { InterruptedError } from '../common/errors.js';
import type { Output } from './present.js';
import type { Outcome } from '../verdict/types.js';

/** 0 all pass, 1 an expectation failed, 3 the stack let us down so nothing could be proven. */
export function exitCodeForOutcome(outcome: Outcome): number {
  if (outcome === 'pass') return 0;
  if (outcome === 'fail') return 1;

  return 3;
}

/** 128 + the signal's number, as a shell reports a process that a signal stopped. */
const SIGNAL_EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export interface Interrupt {
  signal: AbortSignal;
  /** The exit code the signal that arrived calls for: 130 for Ctrl-C, 143 for SIGTERM. */
  readonly exitCode: number;
  dispose(): void;
}

/**
 * The first Ctrl-C (or SIGTERM) asks the run to stop and clean up; a second one kills the
 * stack's processes at once and leaves.
 */
export function interruptSignal(output: Output): Interrupt {
  const controller = new AbortController();
  let exitCode = SIGNAL_EXIT_CODES['SIGINT']!;
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      killAllChildren();
      process.exit(exitCode);
    }
    exitCode = SIGNAL_EXIT_CODES[name] ?? exitCode;
    output.line(`${name}: stopping the run and the stack (again to force)…`);
    controller.abort(new Error(`interrupted by ${name}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  return {
    signal: controller.signal,
    get exitCode() {
      return exitCode;
    },
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * Runs `work`; if Ctrl-C arrived meanwhile, whatever it threw is the interruption's doing (a
 * promtool killed by the same signal looks like a broken rule file), so it ends with the
 * signal's exit code.
 */
export async function exitOnInterrupt<T>(
  interrupt: Pick<Interrupt, 'signal' | 'exitCode'>,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!interrupt.signal.aborted) throw error;
    throw new InterruptedError(
      'interrupted before the run could finish; nothing was reported',
      interrupt.exitCode,
    );
  }
}
