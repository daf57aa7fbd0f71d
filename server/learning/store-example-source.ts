import type { ExampleSource, ExampleStore, LabeledExample } from '../../core/spec/example-store';
import type { ExampleSettings } from '../../core/spec/project-settings';
import { selectExamples } from './select-examples';

/** Few-shot examples from the example store, each project's list read once per generation. */
export class StoreExampleSource implements ExampleSource {
  private readonly lists = new Map<string, { generation: number; examples: LabeledExample[] }>();

  constructor(private readonly store: ExampleStore) {}

  generation(projectId: string): number {
    return this.store.generation(projectId);
  }

  select(options: {
    projectId: string;
    task: { id: number | string | undefined; data: Record<string, unknown> };
    textFields: string[];
    settings: ExampleSettings;
  }): LabeledExample[] {
    const { projectId, task, textFields, settings } = options;
    if (settings.count === 0) return [];
    const generation = this.store.generation(projectId);
    let known = this.lists.get(projectId);
    if (!known || known.generation !== generation) {
      known = { generation, examples: this.store.list(projectId) };
      this.lists.set(projectId, known);
    }
    return selectExamples({
      examples: known.examples,
      task,
      strategy: settings.strategy,
      count: settings.count,
      textFields,
      maxCharacters: settings.maxCharacters,
    });
  }
}
