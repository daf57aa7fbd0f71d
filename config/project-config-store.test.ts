import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ERROR_CODES, PrelabelError, type ProjectConfigError } from '../core/errors';
import type { Logger } from '../core/spec/logger';
import { createTestRegistry } from '../test/helpers/create-test-registry';
import { createDefaultProjectSettings } from './default-project-settings';
import { BUILT_IN_DEFAULT_SOURCE, ProjectConfigStore } from './project-config-store';


function createRecordingLogger() {
  const logger = {
    debug: jest.fn<void, [Record<string, unknown>, string]>(),
    info: jest.fn<void, [Record<string, unknown>, string]>(),
    warn: jest.fn<void, [Record<string, unknown>, string]>(),
    error: jest.fn<void, [Record<string, unknown>, string]>(),
    child: (): Logger => logger,
  };
  return logger;
}

const environment = { PRELABEL_MODEL: 'built-in-model' };
let directory: string;
let logger: ReturnType<typeof createRecordingLogger>;
let modificationTime = Date.now() / 1000;

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'prelabel-project-config-store-'));
  logger = createRecordingLogger();
});
afterEach(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

/** Writes a file with a modification time of its own, so a rewrite is seen even within one clock tick. */
function write(name: string, lines: string[]): string {
  const file = path.join(directory, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  modificationTime += 10;
  fs.utimesSync(file, modificationTime, modificationTime);
  return file;
}

function createStore(folder = directory): ProjectConfigStore {
  return new ProjectConfigStore({ directory: folder, environment, registry: createTestRegistry(), logger });
}

function loadAllError(store: ProjectConfigStore): ProjectConfigError {
  try {
    store.loadAll();
  } catch (error) {
    if (PrelabelError.isInstance(error) && error.code === ERROR_CODES.PROJECT_CONFIG_INVALID) return error as ProjectConfigError;
    throw error;
  }
  throw new Error('loadAll succeeded');
}

function modelFor(store: ProjectConfigStore, projectId: string | null): { model: string; source: string } {
  const { settings, source } = store.settingsFor(projectId);
  return { model: settings.provider.model, source };
}

describe('ProjectConfigStore.loadAll', () => {
  it('accepts a missing folder and gives every project the built-in default', () => {
    const store = createStore(path.join(directory, 'missing'));
    store.loadAll();
    expect(store.files()).toEqual([]);
    expect(store.settingsFor('3')).toEqual({ settings: createDefaultProjectSettings(environment), source: BUILT_IN_DEFAULT_SOURCE });
    expect(store.settingsFor('3').settings.provider.model).toBe('built-in-model');
  });

  it('reads .yaml and .yml files only, skipping hidden ones', () => {
    const sentiment = write('sentiment.yaml', ['projects: [3]']);
    const topics = write('topics.yml', ['projects: [4]']);
    write('notes.txt', ['not: yaml']);
    write('.#sentiment.yaml', ['broken: [']);
    write('backup.yaml.bak', ['projects: [3]']);
    const store = createStore();
    store.loadAll();
    expect(store.files().map((loaded) => loaded.file)).toEqual([sentiment, topics]);
  });

  const precedenceFiles = {
    'a-sentiment.yaml': ['projects: [3, 7]', 'provider:', '  model: sentiment-model'],
    'b-default.yaml': ['default: true', 'provider:', '  model: default-model'],
  };

  it.each<[string, Record<string, string[]>, string | null, string, string]>([
    ['a file listing the project', precedenceFiles, '7', 'sentiment-model', 'a-sentiment.yaml'],
    ['the default file for another project', precedenceFiles, '4', 'default-model', 'b-default.yaml'],
    ['the default file for no project', precedenceFiles, null, 'default-model', 'b-default.yaml'],
    [
      'a file listing the project over a default file that lists it too',
      { ...precedenceFiles, 'b-default.yaml': ['default: true', 'projects: [9]', 'provider:', '  model: default-model'] },
      '3',
      'sentiment-model',
      'a-sentiment.yaml',
    ],
    ['the built-in default without a default file', { 'a-sentiment.yaml': precedenceFiles['a-sentiment.yaml'] }, '4', 'built-in-model', BUILT_IN_DEFAULT_SOURCE],
  ])('gives precedence to %s', (_name, files, projectId, model, source) => {
    for (const [name, lines] of Object.entries(files)) write(name, lines);
    const store = createStore();
    store.loadAll();
    const expectedSource = source === BUILT_IN_DEFAULT_SOURCE ? source : path.join(directory, source);
    expect(modelFor(store, projectId)).toEqual({ model, source: expectedSource });
  });

  it('refuses two files claiming project 3, naming both', () => {
    const first = write('a.yaml', ['projects: [1, 3]']);
    const second = write('b.yaml', ['projects:', '  - 2', '  - 3']);
    expect(loadAllError(createStore()).problems).toEqual([`${second}:3:5: projects[1]: project 3 is already claimed by ${first}:1`]);
  });

  it('refuses two default files', () => {
    const first = write('a.yaml', ['default: true']);
    const second = write('b.yaml', ['projects: [5]', 'default: true']);
    expect(loadAllError(createStore()).problems).toEqual([
      `${second}:2:1: default: ${first}:1 is already the default file; only one file may say default: true`,
    ]);
  });

  it('combines the problems of every bad file into one error and keeps the store as it was', () => {
    const good = write('a.yaml', ['projects: [1]', 'provider:', '  model: good-model']);
    const store = createStore();
    store.loadAll();
    const unknownKey = write('b.yaml', ['projects: [2]', 'provider:', '  modle: x']);
    const literalKey = write('c.yaml', ['projects: [3]', 'provider:', '  api_key: sk-literal']);
    const error = loadAllError(store);
    expect(error.problems).toEqual([
      `${unknownKey}:3:3: provider.modle: unknown key "modle"; did you mean "model"?`,
      expect.stringMatching(new RegExp(`^${escapeRegExp(literalKey)}:3:12: provider\\.api_key: API keys only from the environment`)),
    ]);
    expect(store.files().map((loaded) => loaded.file)).toEqual([good]);
  });
});

describe('ProjectConfigStore.refresh', () => {
  it('reloads a changed file, keeps the last good version of a broken one, and drops a deleted one', () => {
    const file = write('sentiment.yaml', ['projects: [3]', 'provider:', '  model: first-model']);
    const store = createStore();
    store.loadAll();
    expect(modelFor(store, '3')).toEqual({ model: 'first-model', source: file });
    expect(store.refresh()).toBe(false);

    write('sentiment.yaml', ['projects: [3]', 'provider:', '  model: second-model']);
    expect(store.refresh()).toBe(true);
    expect(modelFor(store, '3')).toEqual({ model: 'second-model', source: file });
    expect(store.refresh()).toBe(false);

    write('sentiment.yaml', ['projects: [3]', 'provider:', '  model: third-model', '  temperature: hot']);
    expect(store.refresh()).toBe(true);
    expect(modelFor(store, '3')).toEqual({ model: 'second-model', source: file });
    expect(logger.error).toHaveBeenCalledTimes(1);
    const [fields, message] = logger.error.mock.calls[0] ?? [];
    expect(fields).toEqual({ file, problems: [`${file}:4:16: provider.temperature: must be number`] });
    expect(message).toContain('keeping its last good version');
    expect(message).toContain(`${file}:4:16: provider.temperature: must be number`);
    expect(store.refresh()).toBe(false);
    expect(logger.error).toHaveBeenCalledTimes(1);

    write('sentiment.yaml', ['projects: [3]', 'provider:', '  model: fourth-model']);
    store.refresh();
    expect(modelFor(store, '3')).toEqual({ model: 'fourth-model', source: file });

    fs.rmSync(file);
    expect(store.refresh()).toBe(true);
    expect(modelFor(store, '3')).toEqual({ model: 'built-in-model', source: BUILT_IN_DEFAULT_SOURCE });
    expect(store.files()).toEqual([]);
  });

  it('picks up a new file and ignores a new invalid one, logging it', () => {
    const store = createStore();
    store.loadAll();
    const added = write('added.yaml', ['projects: [3]', 'provider:', '  model: added-model']);
    const broken = write('broken.yaml', ['projects: [4]', 'provider:', '  model: broken-model', '  bogus: 1']);
    store.refresh();
    expect(modelFor(store, '3')).toEqual({ model: 'added-model', source: added });
    expect(modelFor(store, '4')).toEqual({ model: 'built-in-model', source: BUILT_IN_DEFAULT_SOURCE });
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ file: broken }),
      expect.stringContaining(`the file is ignored:\n${broken}:4:3: provider.bogus: unknown key "bogus"`),
    );
  });

  it('reloads a file when its template file changes, appears or disappears', () => {
    write('sentiment.yaml', ['projects: [3]', 'prompt:', '  template_file: prompts/sentiment.txt']);
    write('prompts/sentiment.txt', ['First {text}']);
    const store = createStore();
    store.loadAll();
    const templateText = () => store.settingsFor('3').settings.prompt.template?.text;
    expect(templateText()).toBe('First {text}\n');

    write('prompts/sentiment.txt', ['Second {text}']);
    expect(store.refresh()).toBe(true);
    expect(templateText()).toBe('Second {text}\n');

    fs.rmSync(path.join(directory, 'prompts/sentiment.txt'));
    expect(store.refresh()).toBe(true);
    expect(templateText()).toBe('Second {text}\n');
    expect(logger.error).toHaveBeenCalledWith(expect.anything(), expect.stringContaining('no such file'));
    expect(store.refresh()).toBe(false);

    write('prompts/sentiment.txt', ['Third {text}']);
    expect(store.refresh()).toBe(true);
    expect(templateText()).toBe('Third {text}\n');
  });

  it('refuses a file that starts claiming a taken project, and takes it once the project is free', () => {
    const first = write('a.yaml', ['projects: [3]', 'provider:', '  model: a-model']);
    const second = write('b.yaml', ['projects: [4]', 'provider:', '  model: b-model']);
    const store = createStore();
    store.loadAll();

    write('b.yaml', ['projects: [4, 3]', 'provider:', '  model: b2-model']);
    store.refresh();
    expect(modelFor(store, '3')).toEqual({ model: 'a-model', source: first });
    expect(modelFor(store, '4')).toEqual({ model: 'b-model', source: second });
    expect(logger.error).toHaveBeenCalledWith(
      { file: second },
      `${second}:1:15: projects[1]: project 3 is already claimed by ${first}:1; keeping its last good version`,
    );

    write('a.yaml', ['projects: [5]', 'provider:', '  model: a-model']);
    store.refresh();
    expect(modelFor(store, '3')).toEqual({ model: 'b2-model', source: second });
    expect(modelFor(store, '5')).toEqual({ model: 'a-model', source: first });
  });

  it('lets a file move a project to another file changed at the same time', () => {
    write('a.yaml', ['projects: [3]', 'provider:', '  model: a-model']);
    const second = write('b.yaml', ['projects: [4]', 'provider:', '  model: b-model']);
    const store = createStore();
    store.loadAll();
    write('a.yaml', ['projects: [5]', 'provider:', '  model: a-model']);
    write('b.yaml', ['projects: [4, 3]', 'provider:', '  model: b-model']);
    store.refresh();
    expect(modelFor(store, '3')).toEqual({ model: 'b-model', source: second });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('lets a file take a project that a file later by path gives up at the same time', () => {
    const first = write('a.yaml', ['projects: [3]', 'provider:', '  model: a-model']);
    write('b.yaml', ['projects: [4]', 'provider:', '  model: b-model']);
    const store = createStore();
    store.loadAll();
    write('a.yaml', ['projects: [3, 4]', 'provider:', '  model: a-model']);
    write('b.yaml', ['projects: [5]', 'provider:', '  model: b-model']);
    store.refresh();
    expect(modelFor(store, '4')).toEqual({ model: 'a-model', source: first });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('works without loadAll', () => {
    const file = write('a.yaml', ['default: true', 'provider:', '  model: a-model']);
    const store = createStore();
    expect(store.refresh()).toBe(true);
    expect(modelFor(store, '42')).toEqual({ model: 'a-model', source: file });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
