import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleStoreFile, SqliteExampleStore } from './sqlite-example-store';
import { choiceExample } from '../../test/helpers/labeled-example-fixtures';

describe('SqliteExampleStore', () => {
  let directory: string;
  let store: SqliteExampleStore;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'prelabel-examples-'));
    store = new SqliteExampleStore({ file: join(directory, 'nested', 'examples.sqlite') });
  });

  afterEach(() => {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('stores examples per project, newest first, with their id types', () => {
    store.upsert([
      choiceExample({ annotationId: 1, taskId: 10, updatedAt: 1_000 }),
      choiceExample({ annotationId: 'a2', taskId: 'task-11', updatedAt: 3_000, label: 'Negative' }),
      choiceExample({ projectId: '3', annotationId: 1, taskId: 12 }),
    ]);
    expect(store.list('2')).toEqual([
      choiceExample({ annotationId: 'a2', taskId: 'task-11', updatedAt: 3_000, label: 'Negative' }),
      choiceExample({ annotationId: 1, taskId: 10, updatedAt: 1_000 }),
    ]);
    expect(store.list('3')).toHaveLength(1);
    expect(store.list('4')).toEqual([]);
  });

  it('updates an annotation in place, ignoring an older version that arrives late', () => {
    store.upsert([choiceExample({ annotationId: 5, updatedAt: 2_000, label: 'Negative' })]);
    store.upsert([choiceExample({ annotationId: '5', updatedAt: 3_000, label: 'Positive' })]);
    store.upsert([choiceExample({ annotationId: 5, updatedAt: 1_000, label: 'Neutral' })]);
    expect(store.list('2').map((example) => [example.annotationId, example.result[0]?.value])).toEqual([['5', { choices: ['Positive'] }]]);
  });

  it('removes an annotation whose result became empty, and by id', () => {
    store.upsert([choiceExample({ annotationId: 1 }), choiceExample({ annotationId: 2, taskId: 2 })]);
    store.upsert([choiceExample({ annotationId: 1, result: [], updatedAt: 2_000 })]);
    expect(store.list('2').map((example) => example.annotationId)).toEqual([2]);
    store.remove('2', [2, 99]);
    expect(store.list('2')).toEqual([]);
  });

  it('does not store an empty result', () => {
    store.upsert([choiceExample({ result: [] })]);
    expect(store.list('2')).toEqual([]);
    expect(store.generation('2')).toBe(0);
  });

  it('bumps the generation of the changed project only, on every change', () => {
    expect(store.generation('2')).toBe(0);
    store.upsert([choiceExample({ annotationId: 1 })]);
    expect(store.generation('2')).toBe(1);
    store.upsert([choiceExample({ annotationId: 1, updatedAt: 2_000 })]);
    expect(store.generation('2')).toBe(2);
    store.upsert([choiceExample({ annotationId: 1, updatedAt: 500 })]);
    store.remove('2', [404]);
    expect(store.generation('2')).toBe(2);
    store.remove('2', [1]);
    expect(store.generation('2')).toBe(3);
    store.replaceProject('2', []);
    expect(store.generation('2')).toBe(4);
    expect(store.generation('3')).toBe(0);
  });

  it('replaces a project without touching the others', () => {
    store.upsert([choiceExample({ annotationId: 1 }), choiceExample({ projectId: '3', annotationId: 1 })]);
    store.replaceProject('2', [choiceExample({ annotationId: 7, taskId: 7 }), choiceExample({ projectId: '3', annotationId: 8 })]);
    expect(store.list('2').map((example) => example.annotationId)).toEqual([7]);
    expect(store.list('3').map((example) => example.annotationId)).toEqual([1]);
  });

  it('keeps examples and generations across a restart', () => {
    const file = join(directory, 'nested', 'examples.sqlite');
    store.upsert([choiceExample({ annotationId: 1, data: { text: 'kept', nested: { list: [1, 2] } } })]);
    store.remove('2', [1]);
    store.upsert([choiceExample({ annotationId: 2 })]);
    store.close();
    store = new SqliteExampleStore({ file });
    expect(store.list('2')).toEqual([choiceExample({ annotationId: 2 })]);
    expect(store.generation('2')).toBe(3);
  });

  it('lives in PRELABEL_DATA_DIR', () => {
    expect(exampleStoreFile({ PRELABEL_DATA_DIR: '/data' })).toBe(join('/data', 'examples.sqlite'));
    expect(exampleStoreFile({})).toBe(join('.prelabel-data', 'examples.sqlite'));
  });
});
