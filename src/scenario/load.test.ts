import { ScenarioInvalidError, ScenarioNotFoundError } from '../common/errors.js';
import { listScenarioNames, loadScenario as loadWithTsx } from './load.js';

// jest compiles TypeScript itself and forbids loader hooks, so modules load with `import` here.
const loadScenario = (nameOrPath: string) =>
  loadWithTsx(nameOrPath, { importModule: (url) => import(url) });

describe('loading scenarios', () => {
  it('lists the shipped scenarios by name', () => {
    expect(listScenarioNames()).toEqual(
      expect.arrayContaining(['normal-operation', 'safety-incident']),
    );
  });

  it('loads every shipped scenario, each valid and named after its file', async () => {
    for (const name of listScenarioNames()) {
      expect((await loadScenario(name)).scenario.name).toBe(name);
    }
  });

  it('rejects an unknown name and lists the known ones', async () => {
    const loading = loadScenario('safety-incidnet');
    await expect(loading).rejects.toBeInstanceOf(ScenarioNotFoundError);
    await expect(loading).rejects.toThrow('unknown scenario "safety-incidnet"');
  });

  it('rejects a scenario file with a bad value, naming the file and the path', async () => {
    const loading = loadScenario('fixtures/scenarios/bad-duration.ts');
    await expect(loading).rejects.toBeInstanceOf(ScenarioInvalidError);
    await expect(loading).rejects.toThrow(
      'fixtures/scenarios/bad-duration.ts: phases[1].duration: is not a duration',
    );
  });

  it('rejects a scenario file that does not parse', async () => {
    const loading = loadScenario('fixtures/scenarios/does-not-parse.ts');
    await expect(loading).rejects.toBeInstanceOf(ScenarioInvalidError);
    await expect(loading).rejects.toThrow('does-not-parse.ts: the module does not load');
  });

  it('rejects a path that does not exist', async () => {
    await expect(loadScenario('./nowhere/scenario.ts')).rejects.toBeInstanceOf(
      ScenarioNotFoundError,
    );
  });
});
