import type { ExampleSettings } from './project-settings';

/** One region of a reviewer's annotation, as Label Studio stores it. */
export interface LabeledRegion {
  from_name: string;
  to_name: string;
  type: string;
  value: Record<string, unknown>;
}

/** A reviewer's annotation of a task: a candidate few-shot example for later prompts of the same project. */
export interface LabeledExample {
  projectId: string;
  annotationId: number | string;
  taskId: number | string;
  data: Record<string, unknown>;
  result: LabeledRegion[];
  /** Epoch ms of the annotation's last change. */
  updatedAt: number;
}

/** The reviewed examples of every project, fed by webhooks and by START_TRAINING. */
export interface ExampleStore {
  /** Adds or replaces examples by (projectId, annotationId); an example with an empty result removes its annotation. */
  upsert(examples: LabeledExample[]): void;
  remove(projectId: string, annotationIds: Array<number | string>): void;
  /** Makes `examples` the project's whole set. */
  replaceProject(projectId: string, examples: LabeledExample[]): void;
  /** Newest first. */
  list(projectId: string): LabeledExample[];
  /** Bumps on every change to that project's examples; 0 for a project never seen. */
  generation(projectId: string): number;
  close(): void;
}

/** Chooses the few-shot examples of one task; implemented in server/ over an ExampleStore. */
export interface ExampleSource {
  /** Bumps whenever the project's examples change: part of `model_version` when a project uses examples. */
  generation(projectId: string): number;
  select(options: {
    projectId: string;
    task: { id: number | string | undefined; data: Record<string, unknown> };
    /** The task data fields the examples' text comes from. */
    textFields: string[];
    settings: ExampleSettings;
  }): LabeledExample[];
}
