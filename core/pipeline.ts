import { inject, injectable } from 'tsyringe';
import { createAnswerSchema } from './create-answer-schema';
import { AbortedError, describeError, ResponseUnusableError } from './errors';
import { computeModelVersion } from './compute-model-version';
import { addUsage, isUsableAnswer, usableText } from './language-model-result';
import { createCacheKey, type AnswerCache } from './answer-cache';
import type { CallLabels, PipelineObserver } from './pipeline-observer';
import type { ProviderGate } from './provider-gate';
import type { LabelStudioPrediction, LabelStudioTask } from './label-studio';
import { describeRegion, readInteractiveContext, repeatsRegion } from './interactive-context';
import { createResultId } from './label-studio-result-mapper';
import { messageText, type ChatMessage, type LanguageModel, type LanguageModelResult, type LanguageModelUsage, type ResponseFormat } from './language-model';
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
  /** Answer after this long with what is finished; the rest goes on in the background. */
  deadlineMs?: number;
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
  private readonly labels: CallLabels;
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
    @inject(TOKENS.ProjectId) projectId: string,
    @inject(TOKENS.ProviderGate) private readonly gate: ProviderGate,
    @inject(TOKENS.AnswerCache) private readonly answers: AnswerCache,
    @inject(TOKENS.PipelineObserver) private readonly observer: PipelineObserver,
  ) {
    this.labels = { project: projectId, provider: settings.provider.name, model: settings.provider.model };
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
        const format = this.responseFormat.type === 'json' ? 'json' : 'text';
        const parsedCall = this.responseParser.parse({ text: usableText(result), targets: this.targets, format });
        if (parsedCall.unparseable) throw new ResponseUnusableError('unparseable', parsedCall.unparseable);
        parsedPerCall.push(parsedCall);
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
    if (mapped.dropped.length > 0) {
      this.observer.resultsDropped({ ...this.labels, reasons: mapped.dropped.map((dropped) => dropped.reason) });
      this.logger.warn({ taskId: task.id, dropped: mapped.dropped }, 'invalid results dropped');
    }
    return {
      prediction: { result: results, score: null, model_version: this.modelVersion },
      abstentions,
      dropped: mapped.dropped,
      usage,
    };
  }

  /** One answer for these messages: from the cache, a shared call in flight, or the provider (gated, retried). */
  private async generate(messages: ChatMessage[], taskId: LabelStudioTask['id'], signal?: AbortSignal): Promise<LanguageModelResult> {
    const { provider } = this.settings;
    const call = {
      messages,
      responseFormat: this.responseFormat,
      temperature: provider.temperature,
      maxOutputTokens: provider.maxOutputTokens,
    };
    const key = createCacheKey({ provider: provider.name, baseUrl: provider.baseUrl, model: provider.model, options: provider.options, ...call });
    const estimatedTokens = Math.ceil(messages.reduce((total, message) => total + messageText(message).length, 0) / 4) + (provider.maxOutputTokens ?? 256);
    const started = performance.now();
    try {
      const { result, source } = await this.answers.answer(
        key,
        () =>
          withRetry(
            () =>
              this.gate.run(() => this.model.generate({ ...call, abortSignal: signal }), {
                estimatedTokens,
                usedTokens: (answer) => (answer.usage.inputTokens ?? 0) + (answer.usage.outputTokens ?? 0) || null,
                signal,
              }),
            this.settings.retry,
            signal,
            {
              onRetry: ({ attempt, delayMs, error }) => {
                this.observer.callFailed({ ...this.labels, code: describeError(error).code ?? 'UNKNOWN', retrying: true });
                this.logger.warn({ taskId, attempt, delayMs, error: describeError(error) }, 'provider call failed; retrying');
              },
            },
          ),
        isUsableAnswer,
      );
      this.observer.answerObtained({ ...this.labels, source, usage: source === 'provider' ? result.usage : null, latencyMs: performance.now() - started });
      for (const warning of result.warnings) {
        if (this.loggedWarnings.has(warning.message)) continue;
        this.loggedWarnings.add(warning.message);
        this.logger.warn({ setting: warning.setting }, warning.message);
      }
      return result;
    } catch (error) {
      this.observer.callFailed({ ...this.labels, code: describeError(error).code ?? 'UNKNOWN', retrying: false });
      throw error;
    }
  }

  /**
   * Predicts every task, `concurrency` at a time. Outcomes keep task order; a task that fails gets an empty
   * prediction and its error is logged with the task id, so one bad task never fails the batch. With a deadline,
   * tasks not finished by then get an empty prediction marked incomplete and go on in the background, so their
   * answers land in the cache for the next request.
   */
  async predictAll(tasks: LabelStudioTask[], options: PredictOptions = {}): Promise<PredictionOutcome[]> {
    const outcomes = new Array<PredictionOutcome | undefined>(tasks.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < tasks.length) {
        const index = next++;
        const outcome = await this.settle(tasks[index] as LabelStudioTask, options);
        outcomes[index] = outcome;
        options.onSettled?.(index, outcome);
      }
    };
    const workers = Math.max(1, Math.min(this.settings.concurrency, tasks.length));
    const finished = Promise.all(Array.from({ length: workers }, worker));
    if (options.deadlineMs === undefined) {
      await finished;
    } else {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([finished, new Promise((resolve) => (timer = setTimeout(resolve, options.deadlineMs)))]);
      clearTimeout(timer);
    }
    return tasks.map((task, index) => outcomes[index] ?? this.incomplete(task));
  }

  private async settle(task: LabelStudioTask, options: PredictTaskOptions): Promise<PredictionOutcome> {
    try {
      const outcome = await this.predict(task, options);
      this.observer.taskSettled({ ...this.labels, status: outcome.prediction.result.length > 0 ? 'answered' : 'empty' });
      return outcome;
    } catch (error) {
      const reason = (error as { reason?: string }).reason ?? describeError(error).code ?? 'UNKNOWN';
      this.observer.taskSettled({ ...this.labels, status: 'failed', reason });
      this.logger.error({ taskId: task.id, error: describeError(error) }, 'task failed; returning an empty prediction');
      return { prediction: this.emptyPrediction(this.modelVersion), abstentions: [], dropped: [], usage: null, error };
    }
  }

  /**
   * A task the deadline cut off. Its version differs from the pipeline's, so Label Studio's "already predicted"
   * filter does not skip the task next time, when the answer comes from the cache.
   */
  private incomplete(task: LabelStudioTask): PredictionOutcome {
    this.observer.taskSettled({ ...this.labels, status: 'timed-out' });
    this.logger.warn({ taskId: task.id }, 'task not finished by the deadline; it goes on in the background');
    return {
      prediction: this.emptyPrediction(`${this.modelVersion}${INCOMPLETE_SUFFIX}`),
      abstentions: [],
      dropped: [],
      usage: null,
      error: new AbortedError('not finished by the request deadline'),
    };
  }

  private emptyPrediction(modelVersion: string): LabelStudioPrediction {
    return { result: [], score: null, model_version: modelVersion };
  }
}

/** Appended to `model_version` of a prediction the request deadline cut off. */
export const INCOMPLETE_SUFFIX = '-incomplete';
