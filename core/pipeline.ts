import { inject, injectable } from 'tsyringe';
import { createAnswerSchema } from './create-answer-schema';
import { AbortedError, describeError, PrelabelError, RetryExhaustedError, TaskDataError, type ProviderCallError } from './errors';
import type { ImageSource, MediaLoader } from './media-loader';
import type { ExampleSource } from './example-store';
import { computeLogprobConfidence, type LogprobConfidence, type MentionConfidence } from './compute-confidence';
import { computeSelfConsistency } from './self-consistency';
import { computeModelVersion } from './compute-model-version';
import { addUsage, isUsableAnswer } from './language-model-result';
import { callWithAdaptiveTimeout, DEFAULT_ADAPTIVE_TIMEOUT } from './call-with-adaptive-timeout';
import { AnswerReader, repairAnswer, type AnswerPart, type RepairedAnswer } from './repair-answer';
import { createCacheKey, type AnswerCache } from './answer-cache';
import type { CallLabels, PipelineObserver } from './pipeline-observer';
import type { ProviderGate } from './provider-gate';
import type { LabelStudioPrediction, LabelStudioResult, LabelStudioTask, TaskData } from './label-studio';
import type { ControlTag } from './label-config';
import { describeRegion, readInteractiveContext, repeatsRegion } from './interactive-context';
import { createResultId } from './label-studio-result-mapper';
import { messageText, type ChatMessage, type LanguageModel, type LanguageModelResult, type LanguageModelUsage, type ResponseFormat } from './language-model';
import { mergeCallAnswers, planCalls } from './plan-calls';
import type { Logger } from './logger';
import type { ProjectSettings, ProviderSettings } from './project-settings';
import type { Registry } from './registry';
import { LogRateLimiter } from './log-rate-limiter';
import { withRetry } from './retry';
import { isPromptTextArea, selectTargets, withoutImageTargets, type SkippedControl } from './select-targets';
import type {
  CompiledPrompt,
  ConfigParser,
  DroppedResult,
  ParsedResponse,
  PromptExamples,
  PromptInteraction,
  PromptRenderer,
  PromptTarget,
  ResponseParser,
  ResultMapper,
} from './stages';
import { TOKENS } from './tokens';
import { ownProperty } from './own-property';

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

/** A provider the pipeline may ask, in order: the project's provider, then its fallbacks. */
export interface ModelCandidate {
  model: LanguageModel;
  gate: ProviderGate;
  provider: ProviderSettings;
}

interface PreparedCandidate extends ModelCandidate {
  prompt: CompiledPrompt;
  responseFormat: ResponseFormat;
  labels: CallLabels;
}

/** A failure that says the provider is down rather than that the request is wrong: worth asking a fallback. */
function isProviderDown(error: unknown): boolean {
  if (RetryExhaustedError.isInstance(error) && error.code === 'RETRY_EXHAUSTED') {
    const last = (error as RetryExhaustedError).lastError;
    return PrelabelError.isInstance(last) && last.isRetryable;
  }
  if (!PrelabelError.isInstance(error) || error.code !== 'PROVIDER_CALL_FAILED') return false;
  return error.isRetryable || (error as ProviderCallError).unavailable;
}

/**
 * Gives each span result the confidence of the mention it came from (same control, label and quote; each mention
 * used once), so Label Studio shows a score per region.
 */
function withRegionScores(results: LabelStudioResult[], mentions: Array<{ control: string } & MentionConfidence>): LabelStudioResult[] {
  if (mentions.length === 0) return results;
  const unused = [...mentions];
  return results.map((result) => {
    const labels = Object.values(result.value).find((value) => Array.isArray(value)) as unknown[] | undefined;
    const index = unused.findIndex(
      (mention) => mention.control === result.from_name && mention.text === result.value.text && labels?.includes(mention.label),
    );
    if (index < 0) return result;
    const [mention] = unused.splice(index, 1);
    return { ...result, score: (mention as MentionConfidence).confidence };
  });
}

/** Says in each result which fallback answered (Label Studio shows result meta with the region). */
function markAnsweredBy(results: LabelStudioResult[], labels: CallLabels): LabelStudioResult[] {
  const note = `answered by fallback ${labels.provider} ${labels.model}`;
  return results.map((result) => ({ ...result, meta: { text: [note] } }));
}

/**
 * One project's pipeline: config parser → prompt renderer → LLM provider → response parser → result mapper.
 * Built once per project and labeling config (in the project's child container), run once per task.
 */
@injectable()
export class Pipeline {
  /** The version of everything but the examples; `modelVersion` adds the example generation when examples are on. */
  private readonly pipelineVersion: string;
  readonly targets: PromptTarget[];
  readonly skipped: SkippedControl[];
  /** The project's provider, then its fallbacks, each with the prompt and answer format its model needs. */
  private readonly candidates: PreparedCandidate[];
  /** Provider warnings already logged: each is logged once per pipeline, not once per task. */
  private readonly loggedWarnings = new Set<string>();
  /** Abstention warnings: at most ABSTENTION_LOG_LIMIT a minute for the project, then one summary line. */
  private readonly abstentionLog: LogRateLimiter;
  /** Reads each model answer once, for the cache (only sound answers are stored) and for repairs. */
  private readonly reader: AnswerReader;
  /** The config's prompt TextAreas (interactive mode): the only controls an instruction is echoed into. */
  private readonly promptControls: ControlTag[];

  constructor(
    @inject(TOKENS.ProjectSettings) private readonly settings: ProjectSettings,
    @inject(TOKENS.LabelConfigXml) labelConfigXml: string,
    @inject(TOKENS.Registry) registry: Registry,
    @inject(TOKENS.ConfigParser) configParser: ConfigParser,
    @inject(TOKENS.PromptRenderer) promptRenderer: PromptRenderer,
    @inject(TOKENS.ModelCandidates) candidates: ModelCandidate[],
    @inject(TOKENS.ResponseParser) private readonly responseParser: ResponseParser,
    @inject(TOKENS.ResultMapper) private readonly resultMapper: ResultMapper,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.ProjectId) projectId: string,
    @inject(TOKENS.AnswerCache) private readonly answers: AnswerCache,
    @inject(TOKENS.PipelineObserver) private readonly observer: PipelineObserver,
    @inject(TOKENS.MediaLoader) private readonly mediaLoader: MediaLoader,
    @inject(TOKENS.ExampleSource) private readonly exampleSource: ExampleSource,
  ) {
    this.reader = new AnswerReader((text, format) => responseParser.parse({ text, targets: this.targets, format }));
    const labelConfig = configParser.parse({ xml: labelConfigXml });
    this.promptControls = labelConfig.controls.filter((control) => isPromptTextArea(control.type, control.name, settings.interactive.promptPrefix));
    const selection = selectTargets(labelConfig, registry, settings);
    const { model, provider } = candidates[0] as ModelCandidate;
    ({ targets: this.targets, skipped: this.skipped } = model.acceptsImages
      ? selection
      : withoutImageTargets(selection, `${provider.name} model ${provider.model} takes no images`));
    const schema = createAnswerSchema(this.targets);
    this.candidates = candidates.map((candidate) => {
      const outputMode = candidate.model.structuredOutput;
      const responseFormat: ResponseFormat =
        outputMode === 'none' ? { type: 'text' } : { type: 'json', mode: outputMode, name: 'label_studio_prediction', schema };
      const prompt = promptRenderer.compile({ labelConfig, targets: this.targets, prompt: settings.prompt, outputMode, schema });
      const labels = { project: projectId, provider: candidate.provider.name, model: candidate.provider.model };
      return { ...candidate, prompt, responseFormat, labels };
    });
    this.projectId = projectId;
    this.abstentionLog = new LogRateLimiter({
      limit: ABSTENTION_LOG_LIMIT,
      windowMs: 60_000,
      onSuppressed: (count) => logger.warn({ project: projectId, suppressed: count }, `… ${count} more abstentions suppressed in the last minute (all are counted in /metrics)`),
    });
    this.textFields = [...new Set(this.targets.flatMap((target) => target.objects.filter((object) => object.type !== 'Image' && object.dataField).map((object) => object.dataField as string)))];
    this.pipelineVersion = computeModelVersion({
      settings,
      labelConfigXml,
      prompts: this.candidates.map((candidate) => ({ fingerprint: candidate.prompt.fingerprint, responseFormat: candidate.responseFormat })),
      tasks: this.targets.map((target) => `${target.control.name}=${target.task.name}`),
    });
  }

  private readonly projectId: string;
  /** The text fields the controls read: what examples show and what `similar` examples are matched on. */
  private readonly textFields: string[];

  /**
   * `model_version`: the pipeline's hash, plus the generation of the project's examples when prompts show examples,
   * so a new or changed annotation gives a new version and Retrieve Predictions predicts again with what was learnt.
   */
  get modelVersion(): string {
    if (this.settings.examples.count === 0) return this.pipelineVersion;
    return `${this.pipelineVersion}-examples${this.exampleSource.generation(this.projectId)}`;
  }

  private get labels(): CallLabels {
    return (this.candidates[0] as PreparedCandidate).labels;
  }

  /** Predicts one task; throws when the task fails. With an interactive context, follows the annotator's lead. */
  async predict(task: LabelStudioTask, options: PredictTaskOptions = {}): Promise<PredictionOutcome> {
    const interactive = readInteractiveContext(options.context, this.settings.interactive.promptPrefix, this.promptControls);
    const data = task.data ?? {};
    let usage: LanguageModelUsage | null = null;
    let parsed: ParsedResponse = { answers: new Map() };
    let answeredBy: CallLabels | null = null;
    /** One confidence per call; the task's score is the lowest, and unknown when any is. */
    const scores: Array<number | null> = [];
    /** Per-mention confidences of span controls, for per-region scores. */
    const mentionScores: Array<{ control: string } & MentionConfidence> = [];
    if (this.targets.length > 0) {
      const interaction: PromptInteraction = {
        ...(interactive && { instruction: interactive.instruction, hints: interactive.regions.map(describeRegion) }),
        images: await this.loadImages(data, task.id, options.signal),
        examples: this.examplesFor(task),
      };
      const calls = planCalls(data, this.targets, this.settings.chunking);
      const parsedPerCall: ParsedResponse[] = [];
      for (const call of calls) {
        const samples = this.settings.confidence.method === 'self-consistency' ? this.settings.confidence.samples : 1;
        const answers = await Promise.all(
          Array.from({ length: samples }, async (_, sample) => {
            const { candidate, repaired } = await this.answerAndRepair(call.data, interaction, task.id, options.signal, samples > 1 ? sample : undefined);
            if (candidate !== this.candidates[0]) answeredBy = candidate.labels;
            for (const result of repaired.results) usage = addUsage(usage, result.usage);
            return { parsedCall: repaired.parsed, confidence: this.partsConfidence(candidate, repaired.parts) };
          }),
        );
        if (samples > 1) {
          const consensus = computeSelfConsistency(answers.map((answer) => answer.parsedCall.answers));
          parsedPerCall.push({ answers: consensus.answers });
          scores.push(consensus.score);
        } else {
          parsedPerCall.push((answers[0] as (typeof answers)[number]).parsedCall);
          const { confidence } = answers[0] as (typeof answers)[number];
          scores.push(confidence?.score ?? null);
          for (const [control, mentions] of confidence?.perSpan ?? []) mentionScores.push(...mentions.map((mention) => ({ control, ...mention })));
        }
      }
      parsed = mergeCallAnswers(parsedPerCall, calls, this.targets);
    }
    const mapped = this.resultMapper.map({ parsed, targets: this.targets, data });
    let results = withRegionScores(answeredBy ? markAnsweredBy(mapped.results, answeredBy) : mapped.results, mentionScores);
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
      prediction: { result: results, score: scores.length > 0 && !scores.includes(null) ? Math.min(...(scores as number[])) : null, model_version: this.modelVersion },
      abstentions,
      dropped: mapped.dropped,
      usage,
    };
  }

  private wantsLogprobs(candidate: ModelCandidate): boolean {
    const { method } = this.settings.confidence;
    return (method === 'auto' || method === 'logprobs') && candidate.model.returnsLogprobs === true;
  }

  /**
   * The confidence of a (possibly repaired) answer: each control measured on the model answer it came from, the lowest
   * score overall, unknown when any part's is.
   */
  private partsConfidence(candidate: ModelCandidate, parts: AnswerPart[]): LogprobConfidence | null {
    if (parts.length === 1) {
      const [part] = parts as [AnswerPart];
      return this.logprobConfidence(candidate, part.result, { answers: part.answers });
    }
    const measured = parts.filter((part) => part.answers.size > 0).map((part) => this.logprobConfidence(candidate, part.result, { answers: part.answers }));
    if (measured.length === 0 || measured.some((confidence) => confidence === null || confidence.score === null)) return null;
    const confidences = measured as LogprobConfidence[];
    return {
      score: Math.min(...confidences.map((confidence) => confidence.score as number)),
      perControl: new Map(confidences.flatMap((confidence) => [...confidence.perControl])),
      perSpan: new Map(confidences.flatMap((confidence) => [...confidence.perSpan])),
    };
  }

  /** The confidence of one answer from its tokens' log-probabilities, or null when they are not there. */
  private logprobConfidence(candidate: ModelCandidate, result: LanguageModelResult, parsed: ParsedResponse): LogprobConfidence | null {
    if (!this.wantsLogprobs(candidate) || !result.tokenLogprobs) return null;
    return computeLogprobConfidence({ text: result.text, tokenLogprobs: result.tokenLogprobs, answers: parsed.answers });
  }

  /** The reviewed tasks shown as examples: shared by every task (system prefix) unless chosen by similarity. */
  private examplesFor(task: LabelStudioTask): PromptExamples | undefined {
    const { examples: settings } = this.settings;
    if (settings.count === 0) return undefined;
    const chosen = this.exampleSource.select({ projectId: this.projectId, task: { id: task.id, data: task.data ?? {} }, textFields: this.textFields, settings });
    if (chosen.length === 0) return undefined;
    return {
      items: chosen.map((example) => ({ data: example.data, labels: example.result.map(describeRegion) })),
      placement: settings.strategy === 'similar' ? 'user' : 'system',
    };
  }

  /** Downloads the images the prompt shows (Label Studio uploads, allowed hosts), once per task. */
  private async loadImages(data: TaskData, taskId: LabelStudioTask['id'], signal?: AbortSignal): Promise<Map<string, ImageSource>> {
    const images = new Map<string, ImageSource>();
    for (const field of (this.candidates[0] as PreparedCandidate).prompt.imageFields) {
      const url = ownProperty(data, field);
      if (typeof url !== 'string' || url === '') {
        throw new TaskDataError(`task data has no image URL in field "${field}"`, { location: { field: `data.${field}` } });
      }
      images.set(field, await this.mediaLoader.load({ url, taskId, signal }));
    }
    return images;
  }

  /**
   * One answer for a call, repaired when it is unusable (core/repair-answer.ts): the repair calls go to the provider
   * that answered, through `generate` like any call.
   */
  private async answerAndRepair(
    data: TaskData,
    interaction: PromptInteraction,
    taskId: LabelStudioTask['id'],
    signal: AbortSignal | undefined,
    sample: number | undefined,
  ): Promise<{ candidate: PreparedCandidate; repaired: RepairedAnswer }> {
    const { result, candidate, messages } = await this.answerWithFallbacks(data, interaction, taskId, signal, sample);
    const repaired = await repairAnswer({
      messages,
      first: result,
      format: formatOf(candidate),
      reader: this.reader,
      maxAttempts: this.settings.repair.maxAttempts,
      ask: (conversation) => this.generate(candidate, conversation, taskId, signal, sample),
      onRepair: ({ outcome, attempt, problems, error }) => {
        this.observer.answerRepaired({ ...candidate.labels, outcome });
        const details = { taskId, attempt, outcome, problems, ...(error !== undefined && { error: describeError(error) }) };
        this.logger.info(details, 'repair call for an unusable answer');
      },
    });
    return { candidate, repaired };
  }

  /**
   * Asks the project's provider; when it is down (a retryable failure after its retries, or its circuit is open),
   * asks each fallback in turn.
   */
  private async answerWithFallbacks(
    data: TaskData,
    interaction: PromptInteraction,
    taskId: LabelStudioTask['id'],
    signal?: AbortSignal,
    sample?: number,
  ): Promise<{ result: LanguageModelResult; candidate: PreparedCandidate; messages: ChatMessage[] }> {
    for (const [index, candidate] of this.candidates.entries()) {
      try {
        const messages = candidate.prompt.render(data, interaction);
        return { result: await this.generate(candidate, messages, taskId, signal, sample), candidate, messages };
      } catch (error) {
        const next = this.candidates[index + 1];
        if (!next || !isProviderDown(error)) throw error;
        this.logger.warn({ taskId, error: describeError(error), fallback: next.labels }, 'provider is down; asking the next one');
      }
    }
    throw new Error('a pipeline has at least one provider');
  }

  /** One answer for these messages: from the cache, a shared call in flight, or the provider (gated, retried). */
  private async generate(
    candidate: PreparedCandidate,
    messages: ChatMessage[],
    taskId: LabelStudioTask['id'],
    signal?: AbortSignal,
    sample?: number,
  ): Promise<LanguageModelResult> {
    const { provider, model, gate, labels } = candidate;
    const call = {
      messages,
      responseFormat: candidate.responseFormat,
      // Self-consistency needs different answers: its samples are drawn at a temperature of at least 0.7.
      temperature: sample === undefined ? provider.temperature : Math.max(provider.temperature ?? 0, SAMPLE_TEMPERATURE),
      maxOutputTokens: provider.maxOutputTokens,
      ...(this.wantsLogprobs(candidate) && { logprobs: true }),
    };
    const key = createCacheKey({ provider: provider.name, baseUrl: provider.baseUrl, model: provider.model, options: provider.options, sample, ...call });
    const estimatedTokens = Math.ceil(messages.reduce((total, message) => total + messageText(message).length, 0) / 4) + (provider.maxOutputTokens ?? 256);
    // A hung call is cut long before `timeout_ms`, from the latency of this provider and model's recent calls; each
    // time it is cut, its retry gets twice as long.
    let previousTimeouts = 0;
    const timeout = {
      tracker: gate.latency,
      settings: provider.adaptiveTimeout ?? DEFAULT_ADAPTIVE_TIMEOUT,
      ceilingMs: provider.timeoutMs,
      signal,
      provider: `${labels.provider} (${labels.model})`,
      onTimeout: () => (previousTimeouts += 1),
    };
    const started = performance.now();
    try {
      const { result, source } = await this.answers.answer(
        key,
        () =>
          withRetry(
            () =>
              gate.run(() => callWithAdaptiveTimeout((callSignal) => model.generate({ ...call, abortSignal: callSignal }), { ...timeout, previousTimeouts }), {
                estimatedTokens,
                usedTokens: (answer) => (answer.usage.inputTokens ?? 0) + (answer.usage.outputTokens ?? 0) || null,
                signal,
              }),
            this.settings.retry,
            signal,
            {
              onRetry: ({ attempt, delayMs, error }) => {
                this.observer.callFailed({ ...labels, code: describeError(error).code ?? 'UNKNOWN', retrying: true });
                this.logger.warn({ taskId, attempt, delayMs, error: describeError(error) }, 'provider call failed; retrying');
              },
            },
          ),
        // Never cache an answer that needs repairing: the next request asks again rather than repeat it.
        (result) => isUsableAnswer(result) && this.reader.isSound(result, formatOf(candidate)),
      );
      this.observer.answerObtained({ ...labels, source, usage: source === 'provider' ? result.usage : null, latencyMs: performance.now() - started });
      for (const warning of result.warnings) {
        if (this.loggedWarnings.has(warning.message)) continue;
        this.loggedWarnings.add(warning.message);
        this.logger.warn({ provider: labels.provider, setting: warning.setting }, warning.message);
      }
      return result;
    } catch (error) {
      this.observer.callFailed({ ...labels, code: describeError(error).code ?? 'UNKNOWN', retrying: false });
      throw error;
    }
  }

  /**
   * Predicts every task, `concurrency` at a time. Outcomes keep task order; a task that fails gets an empty
   * prediction marked failed (so Label Studio asks for it again) and its error is logged with the task id, so one bad
   * task never fails the batch. With a deadline, tasks not finished by then get an empty prediction marked incomplete
   * and go on in the background, so their answers land in the cache for the next request.
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
      this.reportAbstentions(task, outcome.abstentions);
      return outcome;
    } catch (error) {
      const reason = (error as { reason?: string }).reason ?? describeError(error).code ?? 'UNKNOWN';
      this.observer.taskSettled({ ...this.labels, status: 'failed', reason });
      this.logger.error({ taskId: task.id, error: describeError(error) }, 'task failed; returning an empty prediction');
      // Not the /setup version: Label Studio's "already predicted" filter then asks for the task again next time.
      return { prediction: this.emptyPrediction(`${this.modelVersion}${FAILED_SUFFIX}`), abstentions: [], dropped: [], usage: null, error };
    }
  }

  /**
   * Counts every abstention in /metrics and logs it with the task id, control and reason: at `warn` when the model
   * answered unusably (an invented label, a schema violation), at `debug` when it declined to answer; warnings are
   * rate-limited per project.
   */
  private reportAbstentions(task: LabelStudioTask, abstentions: PredictionOutcome['abstentions']): void {
    for (const { control, reason } of abstentions) {
      this.observer.controlAbstained({ ...this.labels, control, reason });
      const fields = { taskId: task.id, control, reason };
      if (DECLINED_REASONS.has(reason)) this.logger.debug(fields, 'the model gave no answer for a control');
      else if (this.abstentionLog.allow()) this.logger.warn(fields, 'the model answered unusably for a control; it is left empty');
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

function formatOf(candidate: ModelCandidate & { responseFormat: ResponseFormat }): 'json' | 'text' {
  return candidate.responseFormat.type === 'json' ? 'json' : 'text';
}

/** The lowest temperature self-consistency samples are drawn at. */
const SAMPLE_TEMPERATURE = 0.7;

/** Abstention warnings logged per project and minute; the rest are summed up in one line. */
const ABSTENTION_LOG_LIMIT = 20;

/** Reasons that say the model chose not to answer (null, an empty list), which is not an unusable answer. */
const DECLINED_REASONS = new Set(['no answer', 'no mentions']);

/** Appended to `model_version` of a prediction the request deadline cut off. */
export const INCOMPLETE_SUFFIX = '-incomplete';

/** Appended to `model_version` of the empty prediction of a task that failed (no key, provider down, bad task data). */
export const FAILED_SUFFIX = '-failed';
