import { TaskDataError } from '../errors';
import type { ExampleSource } from '../spec/example-store';
import type { LabelStudioTask, TaskData } from '../spec/label-studio';
import type { ImageSource, MediaLoader } from '../spec/media-loader';
import { ownProperty } from '../shared/own-property';
import type { ProjectSettings } from '../spec/project-settings';
import type { PromptExamples, PromptInteraction } from '../spec/stages';
import { describeRegion, type InteractiveContext } from './interactive-context';
import type { PreparedPipeline } from './prepare-pipeline';

export interface CollectPromptInteractionOptions {
  task: LabelStudioTask;
  interactive: InteractiveContext | null;
  prepared: PreparedPipeline;
  examples: ProjectSettings['examples'];
  mediaLoader: MediaLoader;
  exampleSource: ExampleSource;
  signal?: AbortSignal;
}

/** What a task's prompt shows beside its data: the annotator's instruction and regions, the images, the examples. */
export async function collectPromptInteraction(options: CollectPromptInteractionOptions): Promise<PromptInteraction> {
  const { interactive } = options;
  return {
    ...(interactive && { instruction: interactive.instruction, hints: interactive.regions.map(describeRegion) }),
    images: await loadImages(options),
    examples: examplesFor(options),
  };
}

/** The reviewed tasks shown as examples: shared by every task (system prefix) unless chosen by similarity. */
function examplesFor({ task, prepared, examples: settings, exampleSource }: CollectPromptInteractionOptions): PromptExamples | undefined {
  if (settings.count === 0) return undefined;
  const chosen = exampleSource.select({ projectId: prepared.projectId, task: { id: task.id, data: task.data ?? {} }, textFields: prepared.textFields, settings });
  if (chosen.length === 0) return undefined;
  return {
    items: chosen.map((example) => ({ data: example.data, labels: example.result.map(describeRegion) })),
    placement: settings.strategy === 'similar' ? 'user' : 'system',
  };
}

/** Downloads the images the prompt shows (Label Studio uploads, allowed hosts), once per task. */
async function loadImages({ task, prepared, mediaLoader, signal }: CollectPromptInteractionOptions): Promise<Map<string, ImageSource>> {
  const data: TaskData = task.data ?? {};
  const images = new Map<string, ImageSource>();
  for (const field of (prepared.candidates[0] as PreparedPipeline['candidates'][number]).prompt.imageFields) {
    const url = ownProperty(data, field);
    if (typeof url !== 'string' || url === '') {
      throw new TaskDataError(`task data has no image URL in field "${field}"`, { location: { field: `data.${field}` } });
    }
    images.set(field, await mediaLoader.load({ url, taskId: task.id, signal }));
  }
  return images;
}
