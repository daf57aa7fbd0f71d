import { inject, injectable } from 'tsyringe';
import { createAnswerSchema } from './create-answer-schema';
import { describeError } from './errors';
import { computeModelVersion } from './compute-model-version';
import { addUsage, usableText } from './language-model-result';
import type { LabelStudioPrediction, LabelStudioTask } from './label-studio';
import { describeRegion, readInteractiveContext, repeatsRegion } from './interactive-context';
import { createResultId } from './label-studio-result-mapper';
import type { ChatMessage, LanguageModel, LanguageModelResult, LanguageModelUsage, ResponseFormat } from './language-model';
import { mergeCallAnswers, planCalls } from './plan-calls';
import type { Logger } from './logger';
import type { ProjectSettings } from './project-settings';
import type { Registry } from './registry';
import { withRetry } from './retry';
import { selectTargets, type SkippedControl } from './select-targets';
import type {
  CompiledPrompt,
  ConfigParser,
  DroppedResult,
  ParsedResponse,
  PromptRenderer,
  PromptTarget,
  ResponseParser,
  ResultMapper,
} from './stages';
import { TOKENS } from './tokens';

export interface PredictionOutcome {
  prediction: LabelStudioPrediction;
  /** Controls the model abstained on, and why. */
  abstentions: { control: string; reason: string }[];
  /** Results dropped because they were invalid for the labeling config. */
  dropped: DroppedResult[];
  usage: LanguageModelUsage | null;
  /** Set when the task failed; its prediction is then empty. */
  error?: unknown;
}

export interface PredictTaskOptions {
  signal?: AbortSignal;
  /** Label Studio's `params.context` (interactive pre-annotation), when present. */
  context?: unknown;
}

export interface PredictOptions extends PredictTaskOptions {
  /** Called as each task settles, in completion order. */
  onSettled?: (index: number, outcome: PredictionOutcome) => void;
}

/**
 * One project's pipeline: config parser → prompt renderer → LLM provider → response parser → result mapper.
 * Built once per project and labeling config (in the project's child container), run once per task.
 */
@injectable()
export class Pipeline {
  readonly modelVersion: string;
  readonly targets: PromptTarget[];
  readonly skipped: SkippedControl[];
  private readonly prompt: CompiledPrompt;
  private readonly responseFormat: ResponseFormat;
  /** Provider warnings already logged: each is logged once per pipeline, not once per task. */
  private readonly loggedWarnings = new Set<string>();

  constructor(
    @inject(TOKENS.ProjectSettings) private readonly settings: ProjectSettings,
    @inject(TOKENS.LabelConfigXml) labelConfigXml: string,
    @inject(TOKENS.Registry) registry: Registry,
    @inject(TOKENS.ConfigParser) configParser: ConfigParser,
    @inject(TOKENS.PromptRenderer) promptRenderer: PromptRenderer,
    @inject(TOKENS.LanguageModel) private readonly model: LanguageModel,
    @inject(TOKENS.ResponseParser) private readonly responseParser: ResponseParser,
    @inject(TOKENS.ResultMapper) private readonly resultMapper: ResultMapper,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {
    const labelConfig = configParser.parse({ xml: labelConfigXml });
    ({ targets: this.targets, skipped: this.skipped } = selectTargets(labelConfig, registry.tasks(), settings));
    const outputMode = model.structuredOutput;
    const schema = createAnswerSchema(this.targets);
    this.prompt = promptRenderer.compile({ labelConfig, targets: this.targets, prompt: settings.prompt, outputMode, schema });
    this.responseFormat =
      outputMode === 'none' ? { type: 'text' } : { type: 'json', mode: outputMode, name: 'label_studio_prediction', schema };
    this.modelVersion = computeModelVersion({
      settings,
      labelConfigXml,
      promptFingerprint: this.prompt.fingerprint,
      responseFormat: this.responseFormat,
      tasks: this.targets.map((target) => `${target.control.name}=${target.task.name}`),
    });
  }

  /** Predicts one task; throws when the task fails. With an interactive context, follows the annotator's lead. */
  async predict(task: LabelStudioTask, options: PredictTaskOptions = {}): Promise<PredictionOutcome> {
    const interactive = readInteractiveContext(options.context, this.settings.interactive.promptPrefix);
    const data = task.data ?? {};
    let usage: LanguageModelUsage | null = null;
    let parsed: ParsedResponse = { answers: new Map() };
    if (this.targets.length > 0) {
      const interaction = interactive ? { instruction: interactive.instruction, hints: interactive.regions.map(describeRegion) } : {};
      const calls = planCalls(data, this.targets, this.settings.chunking);
      const parsedPerCall: ParsedResponse[] = [];
      for (const call of calls) {
        const result = await this.generate(this.prompt.render(call.data, interaction), task.id, options.signal);
        usage = addUsage(usage, result.usage);
        parsedPerCall.push(this.responseParser.parse({ text: usableText(result), targets: this.targets }));
      }
      parsed = mergeCallAnswers(parsedPerCall, calls, this.targets);
    }
    const mapped = this.resultMapper.map({ parsed, targets: this.targets, data });
    let results = mapped.results;
    if (interactive) {
      results = results.filter((result) => !repeatsRegion(result, interactive.regions));
      if (interactive.promptControl && interactive.instruction) {
        const { name, toName } = interactive.promptControl;
        results.push({ id: createResultId(), from_name: name, to_name: toName, type: 'textarea', value: { text: [interactive.instruction] } });
      }
    }
    const abstentions = [...parsed.answers].flatMap(([control, answer]) =>
      answer.status === 'abstained' ? [{ control, reason: answer.reason }] : [],
    );
    if (mapped.dropped.length > 0) this.logger.warn({ taskId: task.id, dropped: mapped.dropped }, 'invalid results dropped');
    return {
      prediction: { result: results, score: null, model_version: this.modelVersion },
      abstentions,
      dropped: mapped.dropped,
      usage,
    };
  }

  private async generate(messages: ChatMessage[], taskId: LabelStudioTask['id'], signal?: AbortSignal): Promise<LanguageModelResult> {
    const { provider } = this.settings;
    const result = await withRetry(
      () =>
        this.model.generate({
          messages,
          responseFormat: this.responseFormat,
          temperature: provider.temperature,
          maxOutputTokens: provider.maxOutputTokens,
          abortSignal: signal,
        }),
      this.settings.retry,
      signal,
      {
        onRetry: ({ attempt, delayMs, error }) =>
          this.logger.warn({ taskId, attempt, delayMs, error: describeError(error) }, 'provider call failed; retrying'),
      },
    );
    for (const warning of result.warnings) {
      if (this.loggedWarnings.has(warning.message)) continue;
      this.loggedWarnings.add(warning.message);
      this.logger.warn({ setting: warning.setting }, warning.message);
    }
    return result;
  }

  /**
   * Predicts every task, `concurrency` at a time. Outcomes keep task order; a task that fails gets an empty
   * prediction and its error is logged with the task id, so one bad task never fails the batch.
   */
  async predictAll(tasks: LabelStudioTask[], options: PredictOptions = {}): Promise<PredictionOutcome[]> {
    const outcomes = new Array<PredictionOutcome>(tasks.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < tasks.length) {
        const index = next++;
        const task = tasks[index] as LabelStudioTask;
        let outcome: PredictionOutcome;
        try {
          outcome = await this.predict(task, { signal: options.signal, context: options.context });
        } catch (error) {
          this.logger.error({ taskId: task.id, error: describeError(error) }, 'task failed; returning an empty prediction');
          outcome = {
            prediction: { result: [], score: null, model_version: this.modelVersion },
            abstentions: [],
            dropped: [],
            usage: null,
            error,
          };
        }
        outcomes[index] = outcome;
        options.onSettled?.(index, outcome);
      }
    };
    const workers = Math.max(1, Math.min(this.settings.concurrency, tasks.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return outcomes;
  }
}

