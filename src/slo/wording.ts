import { parseDurationMs } from '../common/duration.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const UNIT_WORDS: Record<string, string> = { m: 'minute', h: 'hour', d: 'day' };

/** '1h' → 'hour', '5m' → '5 minutes', '3d' → '3 days': as in "over the last …". */
export function windowWords(window: string): string {
  const amount = Number(window.slice(0, -1));
  const unit = UNIT_WORDS[window.slice(-1)] ?? window.slice(-1);

  return amount === 1 ? unit : `${amount} ${unit}s`;
}

/** '1h' → 'an hour', '1d' → 'a day', '6h' → '6 hours': as in "in …". */
export function spanOfWindow(window: string): string {
  const words = windowWords(window);
  if (/^\d/.test(words)) return words;

  return /^[aeiouh]/.test(words) ? `an ${words}` : `a ${words}`;
}

/** 30 days → '30-day', 24 hours → '24-hour', as in "its 30-day budget". */
export function periodAdjective(periodMs: number): string {
  const [amount, unit] = periodParts(periodMs);

  return `${amount}-${unit}`;
}

/** 30 days → '30 days', 1 hour → '1 hour'. */
export function periodWords(periodMs: number): string {
  const [amount, unit] = periodParts(periodMs);

  return amount === 1 ? `1 ${unit}` : `${amount} ${unit}s`;
}

function periodParts(periodMs: number): [number, string] {
  if (periodMs % DAY_MS === 0 && periodMs !== DAY_MS) return [periodMs / DAY_MS, 'day'];
  if (periodMs % HOUR_MS === 0) return [periodMs / HOUR_MS, 'hour'];

  return [periodMs / 60_000, 'minute'];
}

/** How long a budget lasts, rounded for a person: '5 days', 'about 2 days', '100 minutes'. */
export function spanWords(ms: number): string {
  const [amount, unit] =
    ms >= 2 * DAY_MS
      ? [ms / DAY_MS, 'day']
      : ms >= 2 * HOUR_MS
        ? [ms / HOUR_MS, 'hour']
        : [ms / 60_000, 'minute'];
  const rounded = Math.round(amount);
  const about = Math.abs(amount - rounded) > 1e-9 ? 'about ' : '';

  return `${about}${rounded} ${unit}${rounded === 1 ? '' : 's'}`;
}

/** 0.0144 → '1.44 %'. */
export function percentWords(share: number): string {
  return `${Number((share * 100).toPrecision(6))} %`;
}

/** A number as PromQL and YAML show it, without float noise: 14.4 * 0.001 stays readable. */
export function numberText(value: number): string {
  return String(Number(value.toPrecision(10)));
}

/** A range one evaluation (5 s) short of its window, e.g. '30m' → '29m55s'. */
export function tileRange(window: string): string {
  let rest = parseDurationMs(window) - 5_000;
  let text = '';
  for (const [unit, size] of [
    ['d', DAY_MS],
    ['h', HOUR_MS],
    ['m', 60_000],
    ['s', 1_000],
  ] as const) {
    const amount = Math.floor(rest / size);
    if (amount > 0) text += `${amount}${unit}`;
    rest -= amount * size;
  }

  return text;
}

/** Whole minutes in a window: the number of one-minute tiles it adds up. */
export function tileCount(window: string): number {
  return parseDurationMs(window) / 60_000;
}
