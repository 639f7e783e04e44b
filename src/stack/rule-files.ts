import { access, readdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { RuleFileInvalidError } from '../common/errors.js';
import { firstProblemLine, runCommand } from './run-command.js';

const GLOB_CHARACTERS = /[*?[]/;

function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');

  return new RegExp(`^${source}$`);
}

/**
 * The files that `rule_files` patterns name, relative to the folder of the config that lists
 * them, in Prometheus's order (sorted per pattern). Globs are supported in the file name only,
 * which is all our configs use.
 */
export async function resolveRuleFiles(patterns: string[], baseDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    const path = isAbsolute(pattern) ? pattern : resolve(baseDir, pattern);
    if (!GLOB_CHARACTERS.test(basename(path))) {
      files.push(path);
      continue;
    }
    const matcher = globToRegExp(basename(path));
    const entries = await readdir(dirname(path)).catch(() => [] as string[]);
    files.push(
      ...entries
        .filter((name) => matcher.test(name))
        .sort()
        .map((name) => join(dirname(path), name)),
    );
  }

  return files;
}

/** Throws `RuleFileInvalidError` for a file that is missing or that `promtool` rejects. */
export async function checkRuleFile(promtool: string, file: string): Promise<void> {
  try {
    await access(file);
  } catch (cause) {
    throw new RuleFileInvalidError(`rule file ${file} does not exist`, {
      hint: 'check the path; rule files are YAML files with a top-level `groups:` list',
      cause,
    });
  }
  const result = await runCommand(promtool, ['check', 'rules', file]);
  if (result.exitCode !== 0) {
    throw new RuleFileInvalidError(`rule file ${file} is invalid: ${firstProblemLine(result)}`, {
      hint: `see every problem with: promtool check rules ${file}`,
    });
  }
}

/** Checks every file; the first bad one in the given order is the one reported. */
export async function checkRuleFiles(promtool: string, files: string[]): Promise<void> {
  const outcomes = await Promise.allSettled(files.map((file) => checkRuleFile(promtool, file)));
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}
