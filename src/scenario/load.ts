import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ScenarioInvalidError, ScenarioNotFoundError } from '../common/errors.js';
import type { Scenario } from './types.js';
import { validateScenario } from './validate.js';

/** The scenarios shipped with `sim`, one module per file. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface LoadedScenario {
  scenario: Scenario;
  /** The file it came from, relative to the working directory when inside it. */
  file: string;
}

/** Names of the shipped scenarios, sorted. */
export function listScenarioNames(dir = SCENARIOS_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

/**
 * Loads a shipped scenario by name (`safety-incident`) or any scenario module by path
 * (`./my-scenario.ts`), and validates it.
 */
export async function loadScenario(
  nameOrPath: string,
  options: { dir?: string; importModule?: ModuleImporter } = {},
): Promise<LoadedScenario> {
  const dir = options.dir ?? SCENARIOS_DIR;
  const file = resolveScenarioFile(nameOrPath, dir);
  const shownFile = path.relative(process.cwd(), file).startsWith('..')
    ? file
    : path.relative(process.cwd(), file);
  const module = await importScenario(file, shownFile, options.importModule ?? importTypeScript);
  const scenario = validateScenario(module.default, shownFile);
  const expectedName = path.basename(file).replace(/\.[cm]?[jt]s$/, '');
  if (scenario.name !== expectedName) {
    throw new ScenarioInvalidError(
      `${shownFile}: name: "${scenario.name}" differs from the file name "${expectedName}"`,
      {
        hint: `rename one to match the other: reports and the suite know a scenario by its name, and \`sim run <name>\` finds a shipped one by its file`,
      },
    );
  }

  return { scenario, file: shownFile };
}

function resolveScenarioFile(nameOrPath: string, dir: string): string {
  const looksLikePath = /[\\/]|\.[cm]?[jt]s$/.test(nameOrPath);
  if (looksLikePath) {
    const file = path.resolve(nameOrPath);
    if (!existsSync(file)) {
      throw new ScenarioNotFoundError(`no scenario file at ${nameOrPath}`, {
        hint: 'check the path, or give the name of a shipped scenario (`sim list`)',
      });
    }

    return file;
  }
  const file = path.join(dir, `${nameOrPath}.ts`);
  if (!existsSync(file)) {
    const known = listScenarioNames(dir);
    throw new ScenarioNotFoundError(`unknown scenario "${nameOrPath}"`, {
      hint: `known scenarios: ${known.join(', ')}; or give the path of a scenario file`,
    });
  }

  return file;
}

/** Loads a module by file URL; tests that compile TypeScript themselves pass `import`. */
export type ModuleImporter = (url: string) => Promise<Record<string, unknown>>;

async function importScenario(
  file: string,
  shownFile: string,
  importModule: ModuleImporter,
): Promise<{ default?: unknown }> {
  try {
    return unwrapInterop(await importModule(pathToFileURL(file).href));
  } catch (error) {
    // esbuild says "Transform failed with 1 error:" first and where the error is on the next line.
    const lines =
      error instanceof Error ? error.message.split('\n').filter(Boolean) : [String(error)];
    const reason = lines.slice(0, lines[0]?.endsWith(':') ? 2 : 1).join(' ');
    throw new ScenarioInvalidError(`${shownFile}: the module does not load: ${reason}`, {
      hint: 'a scenario is a TypeScript module whose default export is the scenario object',
      cause: error,
    });
  }
}

/**
 * Through tsx's own loader, so that a scenario outside this package (where no package.json says
 * "module") still loads as an ES module.
 */
async function importTypeScript(url: string): Promise<Record<string, unknown>> {
  const { tsImport } = await import('tsx/esm/api');

  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}

/** A file tsx compiled as CommonJS arrives as `{ default: { default: scenario } }`. */
function unwrapInterop(module: Record<string, unknown>): { default?: unknown } {
  const exported = module['default'];
  const keys = exported !== null && typeof exported === 'object' ? Object.keys(exported) : [];
  const wrapped = keys.length > 0 && keys.every((key) => key === 'default' || key === '__esModule');

  return { default: wrapped ? (exported as { default: unknown }).default : exported };
}
