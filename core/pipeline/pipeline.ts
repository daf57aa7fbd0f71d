import { inject, injectable } from 'tsyringe';
import { describeError } from '../errors';
import type { ExampleSource } from '../spec/example-store';
import type { LabelStudioTask, TaskData } from '../spec/label-studio';
import type { ChatMessage, LanguageModelCallOptions, LanguageModelUsage } from '../spec/language-model';
import type { Logger } from '../spec/logger';
import type { MediaLoader } from '../spec/media-loader';
import type { CallContext, ContextualLanguageModel } from '../spec/language-model-middleware';
import type { FallbackLanguageModel } from '../model-calls/fallback-language-model';
import type { PipelineObserver } from '../spec/pipeline-observer';
import type { PredictionOutcome, PredictOptions, PredictTaskOptions, ProjectPipeline } from '../spec/project-pipeline';
import type { ProjectSettings } from '../spec/project-settings';
import type { PromptInteraction, ResultMapper } from '../spec/stages';
import { TOKENS } from '../tokens';
import { computeAnswerConfidence, wantsLogprobs } from './answer-confidence';
import { abstentionsOf, lowestScore, mergeSamples, mergeTaskAnswer, NOTHING_ASKED, type CallAnswer, type TaskAnswer } from './call-answer';
import { collectPromptInteraction } from './collect-prompt-interaction';
import { decorateResults } from './decorate-results';
import { readInteractiveContext, type InteractiveContext } from './interactive-context';
import { addUsage } from './language-model-result';
import { planCalls } from './plan-calls';
import { formatOf, type PreparedCandidate, type PreparedPipeline } from './prepare-pipeline';
import { repairAnswer, type AnswerReader } from './repair-answer';
import { BatchRunner } from './run-batch';

export type { PredictionOutcome, PredictOptions, PredictTaskOptions } from '../spec/project-pipeline';
export { FAILED_SUFFIX, INCOMPLETE_SUFFIX } from './run-batch';

/**
 * One project's pipeline: config parser → prompt renderer → LLM provider → response parser → result mapper. Stage 1
 * ran once, in preparePipeline; `predict` runs the other four for one Label Studio task, then decorates the results.
 */
@injectable()
export class Pipeline implements ProjectPipeline {
  readonly targets: PreparedPipeline['targets'];
  readonly skipped: PreparedPipeline['skipped'];
  private readonly batch: BatchRunner;

  constructor(
    @inject(TOKENS.ProjectSettings) private readonly settings: ProjectSettings,
    @inject(TOKENS.PreparedPipeline) private readonly prepared: PreparedPipeline,
    @inject(TOKENS.ModelCalls) private readonly model: FallbackLanguageModel,
    @inject(TOKENS.AnswerReader) private readonly reader: AnswerReader,
    @inject(TOKENS.ResultMapper) private readonly resultMapper: ResultMapper,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.PipelineObserver) private readonly observer: PipelineObserver,
    @inject(TOKENS.MediaLoader) private readonly mediaLoader: MediaLoader,
    @inject(TOKENS.ExampleSource) private readonly exampleSource: ExampleSource,
  ) {
    ({ targets: this.targets, skipped: this.skipped } = prepared);
    const labels = (prepared.candidates[0] as PreparedCandidate).labels;
    this.batch = new BatchRunner({ predict: (task, options) => this.predict(task, options), concurrency: settings.concurrency, modelVersion: () => this.modelVersion, labels, observer, logger });
  }

  /**
   * `model_version`: the pipeline's hash, plus the generation of the project's examples when prompts show examples,
   * so a new or changed annotation gives a new version and Retrieve Predictions predicts again with what was learnt.
   */
  get modelVersion(): string {
    if (this.settings.examples.count === 0) return this.prepared.pipelineVersion;
    return `${this.prepared.pipelineVersion}-examples${this.exampleSource.generation(this.prepared.projectId)}`;
  }

  /** Predicts every task, `concurrency` at a time (core/pipeline/run-batch.ts): one failed task never fails the batch. */
  predictAll(tasks: LabelStudioTask[], options: PredictOptions = {}): Promise<PredictionOutcome[]> {
    return this.batch.predictAll(tasks, options);
  }

  /** Predicts one task; throws when the task fails. With an interactive context, follows the annotator's lead. */
  async predict(task: LabelStudioTask, options: PredictTaskOptions = {}): Promise<PredictionOutcome> {
    const { targets, candidates } = this.prepared;
    const interactive = readInteractiveContext(options.context, this.settings.interactive.promptPrefix, this.prepared.promptControls);
    // 2. render, 3. generate, and parse: each call of the task (its chunks and samples), repaired when unusable
    const answer = targets.length > 0 ? await this.answerTask(task, interactive, options.signal) : NOTHING_ASKED;
    // 4. map: the answers as Label Studio results, those invalid for the labeling config dropped
    const mapped = this.resultMapper.map({ parsed: answer.parsed, targets, data: task.data ?? {} });
    // 5. decorate: region scores, the fallback that answered, the interactive echo
    const results = decorateResults(mapped.results, { ...answer, interactive });
    if (mapped.dropped.length > 0) {
      this.observer.resultsDropped({ ...(candidates[0] as PreparedCandidate).labels, reasons: mapped.dropped.map((dropped) => dropped.reason) });
      this.logger.warn({ taskId: task.id, dropped: mapped.dropped }, 'invalid results dropped');
    }
    const prediction = { result: results, score: lowestScore(answer.scores), model_version: this.modelVersion };
    return { prediction, abstentions: abstentionsOf(answer.parsed), dropped: mapped.dropped, usage: answer.usage };
  }

  /** The task's calls (one per chunk of its data) answered in turn, and their answers merged. */
  private async answerTask(task: LabelStudioTask, interactive: InteractiveContext | null, signal?: AbortSignal): Promise<TaskAnswer> {
    const { targets } = this.prepared;
    const { mediaLoader, exampleSource } = this;
    const interaction = await collectPromptInteraction({ task, interactive, prepared: this.prepared, examples: this.settings.examples, mediaLoader, exampleSource, signal });
    const calls = planCalls(task.data ?? {}, targets, this.settings.chunking);
    const answers: CallAnswer[] = [];
    for (const call of calls) answers.push(await this.answerCall(call.data, interaction, task.id, signal));
    return mergeTaskAnswer(answers, calls, targets);
  }

  /** One call of a task (a chunk of its data): one answer, or a consensus of self-consistency samples. */
  private async answerCall(data: TaskData, interaction: PromptInteraction, taskId: LabelStudioTask['id'], signal?: AbortSignal): Promise<CallAnswer> {
    const { confidence } = this.settings;
    const samples = confidence.method === 'self-consistency' ? confidence.samples : 1;
    const answers = await Promise.all(Array.from({ length: samples }, (_, sample) => this.answer(data, interaction, { taskId, signal, sample: samples > 1 ? sample : undefined })));
    return samples === 1 ? (answers[0] as CallAnswer) : mergeSamples(answers);
  }

  /** 2. render → 3. generate (cache, retries, gate, fallbacks: core/model-calls/) → parse, repaired when unusable. */
  private async answer(data: TaskData, interaction: PromptInteraction, context: CallContext): Promise<CallAnswer> {
    const render = (index: number) => this.callOptions(this.prepared.candidates[index] as PreparedCandidate, data, interaction, context.sample);
    const { result, index, params } = await this.model.answer(render, context);
    const candidate = this.prepared.candidates[index] as PreparedCandidate;
    const repaired = await repairAnswer({
      messages: params.messages,
      first: result,
      format: formatOf(candidate),
      reader: this.reader,
      maxAttempts: this.settings.repair.maxAttempts,
      // Repair calls go to the provider that answered, through its cache, retries and gate like any call.
      ask: (messages: ChatMessage[]) => (this.model.candidates[index] as ContextualLanguageModel).generate({ ...params, messages }, context),
      onRepair: ({ outcome, attempt, problems, error }) => {
        this.observer.answerRepaired({ ...candidate.labels, outcome });
        this.logger.info({ taskId: context.taskId, attempt, outcome, problems, ...(error !== undefined && { error: describeError(error) }) }, 'repair call for an unusable answer');
      },
    });
    const confidence = computeAnswerConfidence(wantsLogprobs(this.settings.confidence, candidate.model), repaired.parts);
    return {
      parsed: repaired.parsed,
      score: confidence?.score ?? null,
      mentionScores: [...(confidence?.perSpan ?? [])].flatMap(([control, mentions]) => mentions.map((mention) => ({ control, ...mention }))),
      usage: repaired.results.reduce<LanguageModelUsage | null>((total, answer) => addUsage(total, answer.usage), null),
      answeredBy: index > 0 ? candidate.labels : null,
    };
  }

  /** 2. render: the candidate's prompt for this data, and its answer format and settings. */
  private callOptions(candidate: PreparedCandidate, data: TaskData, interaction: PromptInteraction, sample: number | undefined): LanguageModelCallOptions {
    const { provider } = candidate;
    return {
      messages: candidate.prompt.render(data, interaction),
      responseFormat: candidate.responseFormat,
      // Self-consistency needs different answers: its samples are drawn at a temperature of at least 0.7.
      temperature: sample === undefined ? provider.temperature : Math.max(provider.temperature ?? 0, SAMPLE_TEMPERATURE),
      maxOutputTokens: provider.maxOutputTokens,
      ...(wantsLogprobs(this.settings.confidence, candidate.model) && { logprobs: true }),
    };
  }
}

/** The lowest temperature self-consistency samples are drawn at. */
const SAMPLE_TEMPERATURE = 0.7;
