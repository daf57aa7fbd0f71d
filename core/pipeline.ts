import { createHash } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { createAnswerSchema } from './create-answer-schema';
import { PrelabelError, ResponseUnusableError } from './errors';
import type { LabelStudioPrediction, LabelStudioTask } from './label-studio';
import type { LanguageModel, LanguageModelResult, LanguageModelUsage, ResponseFormat } from './language-model';
import type { Logger } from './logger';
import type { ProjectSettings } from './project-settings';
import type { Registry } from './registry';
import { withRetry } from './retry';
import { selectTargets, type SkippedControl } from './select-targets';
import type {
  CompiledPrompt,
  ConfigParser,
  DroppedResult,
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

export interface PredictOptions {
  signal?: AbortSignal;
  /** Called as each task settles, in completion order. */
  onSettled?: (index: number, outcome: PredictionOutcome) => void;
}

function usableText(result: LanguageModelResult): string {
  if (result.refusal) throw new ResponseUnusableError('refused', `the model refused: ${result.refusal}`);
  if (result.finishReason.unified === 'length') {
    throw new ResponseUnusableError('truncated', 'the answer was cut off at the output token limit (finish reason "length")');
  }
  if (result.finishReason.unified === 'content-filter') {
    throw new ResponseUnusableError('content-filter', 'the provider withheld the answer (content filter)');
  }
  return result.text;
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
    ({ targets: this.targets, skipped: this.skipped } = selectTargets(labelConfig, registry.tasks()));
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

  /** Predicts one task; throws when the task fails. */
  async predict(task: LabelStudioTask, signal?: AbortSignal): Promise<PredictionOutcome> {
    const empty = { result: [], score: null, model_version: this.modelVersion };
    if (this.targets.length === 0) return { prediction: empty, abstentions: [], dropped: [], usage: null };
    const messages = this.prompt.render(task.data ?? {});
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
          this.logger.warn({ taskId: task.id, attempt, delayMs, error: describeError(error) }, 'provider call failed; retrying'),
      },
    );
    for (const warning of result.warnings) {
      if (this.loggedWarnings.has(warning.message)) continue;
      this.loggedWarnings.add(warning.message);
      this.logger.warn({ setting: warning.setting }, warning.message);
    }
    const parsed = this.responseParser.parse({ text: usableText(result), targets: this.targets });
    const mapped = this.resultMapper.map({ parsed, targets: this.targets, data: task.data ?? {} });
    const abstentions = [...parsed.answers].flatMap(([control, answer]) =>
      answer.status === 'abstained' ? [{ control, reason: answer.reason }] : [],
    );
    return {
      prediction: { result: mapped.results, score: null, model_version: this.modelVersion },
      abstentions,
      dropped: mapped.dropped,
      usage: result.usage,
    };
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
          outcome = await this.predict(task, options.signal);
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

export function describeError(error: unknown): { code?: string; message: string } {
  if (PrelabelError.isInstance(error)) return { code: error.code, message: error.message };
  return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * `model_version`: a hash of everything that decides the answers (provider, model, parameters, prompt, schema,
 * labeling config, task versions), never of secrets or of settings that only change speed (retries, concurrency).
 */
export function computeModelVersion(input: {
  settings: ProjectSettings;
  labelConfigXml: string;
  promptFingerprint: string;
  responseFormat: ResponseFormat;
  tasks: string[];
}): string {
  const { provider, stages } = input.settings;
  const answerDeciding = {
    stages,
    provider: {
      name: provider.name,
      model: provider.model,
      baseUrl: provider.baseUrl ?? null,
      temperature: provider.temperature ?? null,
      maxOutputTokens: provider.maxOutputTokens ?? null,
      options: provider.options,
    },
    labelConfigXml: input.labelConfigXml,
    prompt: input.promptFingerprint,
    responseFormat: input.responseFormat,
    tasks: input.tasks,
  };
  const hash = createHash('sha256').update(JSON.stringify(answerDeciding)).digest('hex').slice(0, 12);
  return `prelabel-${provider.model}-${hash}`;
}
