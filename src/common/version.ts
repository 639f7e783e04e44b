import { readFileSync } from 'node:fs';

/** The version in package.json, stamped into every report. */
export const SIM_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
