/** Durations in Prometheus notation ("90s", "5m", "1h30m"), the form SREs already write. */
const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const DURATION = /^(?:\d+(?:ms|s|m|h|d|w))+$/;
const PART = /(\d+)(ms|s|m|h|d|w)/g;

export function isDuration(text: unknown): text is string {
  return typeof text === 'string' && DURATION.test(text);
}

/** Milliseconds in a Prometheus duration; throws a plain error naming the text when malformed. */
export function parseDurationMs(text: string): number {
  if (!isDuration(text)) {
    throw new Error(
      `"${text}" is not a duration; write it as Prometheus does, e.g. 30s, 5m, 1h30m`,
    );
  }
  let totalMs = 0;
  for (const [, amount, unit] of text.matchAll(PART)) {
    totalMs += Number(amount) * UNIT_MS[unit!]!;
  }

  return totalMs;
}

/** The shortest Prometheus notation for a whole number of milliseconds: 90_000 → "1m30s". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = Math.round(ms);
  let text = '';
  for (const unit of ['w', 'd', 'h', 'm', 's', 'ms']) {
    const size = UNIT_MS[unit]!;
    const amount = Math.floor(rest / size);
    if (amount > 0) {
      text += `${amount}${unit}`;
      rest -= amount * size;
    }
  }

  return text;
}

/** Seconds with one decimal, for humans: 12_345 → "12.3 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1_000).toFixed(1)} s`;
}
