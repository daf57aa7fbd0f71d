import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { ExampleStore, LabeledExample, LabeledRegion } from '../../core/spec/example-store';

export interface SqliteExampleStoreOptions {
  /** The database file (its folder is created), or `:memory:`. */
  file: string;
}

const IN_MEMORY = ':memory:';
const DEFAULT_DATA_DIRECTORY = '.prelabel-data';
export const EXAMPLE_STORE_FILE_NAME = 'examples.sqlite';

/** `${PRELABEL_DATA_DIR}/examples.sqlite`, next to the response cache. */
export function exampleStoreFile(environment: NodeJS.ProcessEnv = process.env): string {
  return join(environment.PRELABEL_DATA_DIR || DEFAULT_DATA_DIRECTORY, EXAMPLE_STORE_FILE_NAME);
}

interface ExampleRow {
  project_id: string;
  annotation_id: string;
  task_id: string;
  data: string;
  result: string;
  updated_at: number;
}

/** Ids keep their JSON type (17 stays a number, "a1" a string); the key compares them as text, so 17 and "17" are one annotation. */
function idKey(id: number | string): string {
  return String(id);
}

function rowToExample(row: ExampleRow): LabeledExample {
  return {
    projectId: row.project_id,
    annotationId: JSON.parse(row.annotation_id) as number | string,
    taskId: JSON.parse(row.task_id) as number | string,
    data: JSON.parse(row.data) as Record<string, unknown>,
    result: JSON.parse(row.result) as LabeledRegion[],
    updatedAt: row.updated_at,
  };
}

/**
 * Reviewed examples in one SQLite file (WAL). Writes are synchronous and transactional; an older version of an
 * annotation (webhooks may arrive out of order) never replaces a newer one. Generations are stored, so a consumer
 * caching per generation stays right across restarts.
 */
export class SqliteExampleStore implements ExampleStore {
  readonly #database: Database.Database;
  readonly #upsertExample: Database.Statement<[string, string, string, string, string, string, number]>;
  readonly #deleteExample: Database.Statement<[string, string]>;
  readonly #deleteNotNewerExample: Database.Statement<[string, string, number]>;
  readonly #deleteProject: Database.Statement<[string]>;
  readonly #selectProject: Database.Statement<[string], ExampleRow>;
  readonly #selectGeneration: Database.Statement<[string], { generation: number }>;
  readonly #bumpGeneration: Database.Statement<[string]>;
  readonly #upsertTransaction: (examples: LabeledExample[]) => void;
  readonly #removeTransaction: (projectId: string, annotationIds: Array<number | string>) => void;
  readonly #replaceTransaction: (projectId: string, examples: LabeledExample[]) => void;

  constructor(options: SqliteExampleStoreOptions) {
    if (options.file !== IN_MEMORY) mkdirSync(dirname(options.file), { recursive: true });
    this.#database = new Database(options.file);
    this.#database.pragma('journal_mode = WAL');
    this.#database.pragma('synchronous = NORMAL');
    this.#database.exec(`
      CREATE TABLE IF NOT EXISTS labeled_examples (
        project_id TEXT NOT NULL,
        annotation_key TEXT NOT NULL,
        annotation_id TEXT NOT NULL CHECK (json_valid(annotation_id)),
        task_id TEXT NOT NULL CHECK (json_valid(task_id)),
        data TEXT NOT NULL CHECK (json_valid(data)),
        result TEXT NOT NULL CHECK (json_valid(result)),
        updated_at INTEGER NOT NULL, -- Unix time in milliseconds
        PRIMARY KEY (project_id, annotation_key)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS example_generations (
        project_id TEXT PRIMARY KEY,
        generation INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
    this.#upsertExample = this.#database.prepare(`
      INSERT INTO labeled_examples (project_id, annotation_key, annotation_id, task_id, data, result, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (project_id, annotation_key) DO UPDATE SET
        annotation_id = excluded.annotation_id, task_id = excluded.task_id, data = excluded.data,
        result = excluded.result, updated_at = excluded.updated_at
      WHERE excluded.updated_at >= labeled_examples.updated_at
    `);
    this.#deleteExample = this.#database.prepare('DELETE FROM labeled_examples WHERE project_id = ? AND annotation_key = ?');
    this.#deleteNotNewerExample = this.#database.prepare(
      'DELETE FROM labeled_examples WHERE project_id = ? AND annotation_key = ? AND updated_at <= ?',
    );
    this.#deleteProject = this.#database.prepare('DELETE FROM labeled_examples WHERE project_id = ?');
    this.#selectProject = this.#database.prepare(
      'SELECT * FROM labeled_examples WHERE project_id = ? ORDER BY updated_at DESC, annotation_key ASC',
    );
    this.#selectGeneration = this.#database.prepare('SELECT generation FROM example_generations WHERE project_id = ?');
    this.#bumpGeneration = this.#database.prepare(`
      INSERT INTO example_generations (project_id, generation) VALUES (?, 1)
      ON CONFLICT (project_id) DO UPDATE SET generation = generation + 1
    `);

    this.#upsertTransaction = this.#database.transaction((examples: LabeledExample[]) => {
      const changedProjects = new Set<string>();
      for (const example of examples) {
        if (this.#write(example)) changedProjects.add(example.projectId);
      }
      for (const projectId of changedProjects) this.#bumpGeneration.run(projectId);
    });
    this.#removeTransaction = this.#database.transaction((projectId: string, annotationIds: Array<number | string>) => {
      let changes = 0;
      for (const annotationId of annotationIds) changes += this.#deleteExample.run(projectId, idKey(annotationId)).changes;
      if (changes > 0) this.#bumpGeneration.run(projectId);
    });
    this.#replaceTransaction = this.#database.transaction((projectId: string, examples: LabeledExample[]) => {
      this.#deleteProject.run(projectId);
      for (const example of examples) {
        if (example.projectId === projectId) this.#write(example);
      }
      this.#bumpGeneration.run(projectId);
    });
  }

  /** True when a row changed. */
  #write(example: LabeledExample): boolean {
    const key = idKey(example.annotationId);
    if (example.result.length === 0) {
      return this.#deleteNotNewerExample.run(example.projectId, key, example.updatedAt).changes > 0;
    }
    const changes = this.#upsertExample.run(
      example.projectId,
      key,
      JSON.stringify(example.annotationId),
      JSON.stringify(example.taskId),
      JSON.stringify(example.data),
      JSON.stringify(example.result),
      example.updatedAt,
    ).changes;
    return changes > 0;
  }

  upsert(examples: LabeledExample[]): void {
    if (examples.length > 0) this.#upsertTransaction(examples);
  }

  remove(projectId: string, annotationIds: Array<number | string>): void {
    if (annotationIds.length > 0) this.#removeTransaction(projectId, annotationIds);
  }

  replaceProject(projectId: string, examples: LabeledExample[]): void {
    this.#replaceTransaction(projectId, examples);
  }

  list(projectId: string): LabeledExample[] {
    return this.#selectProject.all(projectId).map(rowToExample);
  }

  generation(projectId: string): number {
    return this.#selectGeneration.get(projectId)?.generation ?? 0;
  }

  close(): void {
    if (this.#database.open) this.#database.close();
  }
}
