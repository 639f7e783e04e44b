import { readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { OptionInvalidError } from '../common/errors.js';
import { readSloSpec } from './spec.js';
import { SloRulesStaleError } from './errors.js';
import { RULE_FILE_NAME, renderRuleFile } from './rule-file.js';

export const DEFAULT_RULES_DIR = 'stack/prometheus/rules';

export interface GenerateOptions {
  /** The spec file, as the user named it. */
  spec: string;
  /** A folder (the file is `slo.yml` inside it) or a file. */
  out: string;
}

export interface GeneratedFile {
  file: string;
  text: string;
}

/** The rule file a spec generates, in memory; nothing is written. */
export async function generateSloRules(options: GenerateOptions): Promise<GeneratedFile> {
  const slos = await readSloSpec(options.spec);
  const file = await outputFile(options.out);
  if (resolve(file) === resolve(options.spec)) {
    throw new OptionInvalidError(
      `--out ${options.out} is the spec itself; writing there would lose it`,
      {
        hint: `leave --out out to write ${DEFAULT_RULES_DIR}/slo.yml, or name another file`,
      },
    );
  }
  const specShown = relative(process.cwd(), options.spec) || basename(options.spec);

  return { file, text: renderRuleFile(slos, specShown.split('\\').join('/')) };
}

async function outputFile(out: string): Promise<string> {
  const isDir = await stat(out).then(
    (stats) => stats.isDirectory(),
    () => !out.endsWith('.yml') && !out.endsWith('.yaml'),
  );

  return isDir ? join(out, RULE_FILE_NAME) : out;
}

/** Throws when the committed file differs from what the spec generates. */
export async function checkSloRules(options: GenerateOptions): Promise<GeneratedFile> {
  const generated = await generateSloRules(options);
  const current = await readFile(generated.file, 'utf8').catch(() => undefined);
  if (current !== generated.text) {
    const state = current === undefined ? 'is missing' : `is stale against ${options.spec}`;
    throw new SloRulesStaleError(`${generated.file} ${state}`, {
      hint: `run \`npx sim slo generate --spec ${options.spec} --out ${options.out}\` and commit the result`,
    });
  }

  return generated;
}
