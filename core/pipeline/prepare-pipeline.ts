import { createAnswerSchema } from './create-answer-schema';
import type { ControlTag } from '../spec/label-config';
import type { ResponseFormat } from '../spec/language-model';
import type { CallLabels } from '../spec/pipeline-observer';
import type { ModelCandidate } from '../model-calls/model-candidate';
import type { ProjectSettings } from '../spec/project-settings';
import type { Registry } from '../registry';
import { isPromptTextArea, selectTargets, withoutImageTargets, type SkippedControl } from './select-targets';
import type { CompiledPrompt, ConfigParser, PromptRenderer, PromptTarget } from '../spec/stages';
import { computeModelVersion } from './compute-model-version';

/** A provider the pipeline asks, with the prompt and answer format its model needs. */
export interface PreparedCandidate extends ModelCandidate {
  prompt: CompiledPrompt;
  responseFormat: ResponseFormat;
  labels: CallLabels;
}

/** What a project's pipeline works from, made once per project and labeling config. */
export interface PreparedPipeline {
  projectId: string;
  targets: PromptTarget[];
  skipped: SkippedControl[];
  /** The project's provider, then its fallbacks. */
  candidates: PreparedCandidate[];
  /** The config's prompt TextAreas (interactive mode): the only controls an instruction is echoed into. */
  promptControls: ControlTag[];
  /** The text fields the controls read: what examples show and what `similar` examples are matched on. */
  textFields: string[];
  /** The version of everything but the examples; the pipeline adds the example generation when examples are on. */
  pipelineVersion: string;
}

export interface PreparePipelineOptions {
  settings: ProjectSettings;
  labelConfigXml: string;
  registry: Registry;
  configParser: ConfigParser;
  promptRenderer: PromptRenderer;
  candidates: readonly ModelCandidate[];
  projectId: string;
}

/**
 * Stage 1 (the labeling config parsed), the controls to fill (image controls dropped when the model takes no
 * images), the answer schema, each candidate's compiled prompt, and the pipeline's version. Throws LabelConfigError.
 */
export function preparePipeline(options: PreparePipelineOptions): PreparedPipeline {
  const { settings, labelConfigXml, projectId } = options;
  const labelConfig = options.configParser.parse({ xml: labelConfigXml });
  const promptControls = labelConfig.controls.filter((control) => isPromptTextArea(control.type, control.name, settings.interactive.promptPrefix));
  const selection = selectTargets(labelConfig, options.registry, settings);
  const { model, provider } = options.candidates[0] as ModelCandidate;
  const { targets, skipped } = model.acceptsImages ? selection : withoutImageTargets(selection, `${provider.name} model ${provider.model} takes no images`);
  const schema = createAnswerSchema(targets);
  const candidates = options.candidates.map((candidate): PreparedCandidate => {
    const outputMode = candidate.model.structuredOutput;
    const responseFormat: ResponseFormat =
      outputMode === 'none' ? { type: 'text' } : { type: 'json', mode: outputMode, name: 'label_studio_prediction', schema };
    const prompt = options.promptRenderer.compile({ labelConfig, targets, prompt: settings.prompt, outputMode, schema });
    const labels = { project: projectId, provider: candidate.provider.name, model: candidate.provider.model };
    return { ...candidate, prompt, responseFormat, labels };
  });
  const textFields = [
    ...new Set(targets.flatMap((target) => target.objects.filter((object) => object.type !== 'Image' && object.dataField).map((object) => object.dataField as string))),
  ];
  const pipelineVersion = computeModelVersion({
    settings,
    labelConfigXml,
    prompts: candidates.map((candidate) => ({ fingerprint: candidate.prompt.fingerprint, responseFormat: candidate.responseFormat })),
    tasks: targets.map((target) => `${target.control.name}=${target.task.name}`),
  });
  return { projectId, targets, skipped, candidates, promptControls, textFields, pipelineVersion };
}

/** How a candidate's answers are read: as JSON, or as text. */
export function formatOf(candidate: Pick<PreparedCandidate, 'responseFormat'>): 'json' | 'text' {
  return candidate.responseFormat.type === 'json' ? 'json' : 'text';
}
