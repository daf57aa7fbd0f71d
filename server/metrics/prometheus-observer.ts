import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { AnswerSource } from '../../core/spec/language-model-middleware';
import type { CallLabels, PipelineObserver, RepairOutcome, TaskStatus } from '../../core/spec/pipeline-observer';
import type { LanguageModelUsage } from '../../core/spec/language-model';
import type { ProjectSettings } from '../../core/spec/project-settings';
import { priceFor, type ModelPrice } from './model-prices';
import { MAX_REASON_LENGTH, normalizeReason } from './normalize-reason';

export const METRIC_PREFIX = 'prelabel_';

/** From a cache hit (milliseconds) to a slow reasoning model (minutes). */
export const ANSWER_DURATION_BUCKETS = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];

const CALL_LABELS = ['project', 'provider', 'model'] as const;

export interface PrometheusObserverOptions {
  /** Default: a new registry of its own, never prom-client's global one. */
  registry?: Registry;
  /** Process metrics (CPU, memory, event loop, GC) on the same registry; default true. */
  defaultMetrics?: boolean;
}

function isCount(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * The pipeline's reports as Prometheus metrics, on a registry of its own (so several apps and tests coexist in one
 * process). Label values are project id, provider name, model id, answer source, status, error codes and
 * normalised reasons: nothing secret, and nothing unbounded.
 */
export class PrometheusObserver implements PipelineObserver {
  readonly registry: Registry;
  private readonly priceOverrides = new Map<string, ModelPrice | null>();
  private readonly answers: Counter<(typeof CALL_LABELS)[number] | 'source'>;
  private readonly tokens: Counter<(typeof CALL_LABELS)[number] | 'type'>;
  private readonly cost: Counter<(typeof CALL_LABELS)[number]>;
  private readonly retries: Counter<(typeof CALL_LABELS)[number] | 'code'>;
  private readonly callFailures: Counter<(typeof CALL_LABELS)[number] | 'code'>;
  private readonly tasks: Counter<(typeof CALL_LABELS)[number] | 'status' | 'reason'>;
  private readonly droppedResults: Counter<(typeof CALL_LABELS)[number] | 'reason'>;
  private readonly abstentions: Counter<(typeof CALL_LABELS)[number] | 'control' | 'reason'>;
  private readonly answerDuration: Histogram<'provider' | 'model' | 'source'>;
  private readonly repairs: Counter<(typeof CALL_LABELS)[number] | 'outcome'>;

  constructor(options: PrometheusObserverOptions = {}) {
    this.registry = options.registry ?? new Registry();
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    const registers = [this.registry];
    this.answers = new Counter({
      name: `${METRIC_PREFIX}llm_answers_total`,
      help: 'LLM answers obtained, by source: provider (a paid call), cache, or shared (an identical call in flight)',
      labelNames: [...CALL_LABELS, 'source'],
      registers,
    });
    this.tokens = new Counter({
      name: `${METRIC_PREFIX}llm_tokens_total`,
      help: 'Tokens the provider reported for its answers (cache and shared answers cost none), by type: input or output',
      labelNames: [...CALL_LABELS, 'type'],
      registers,
    });
    this.cost = new Counter({
      name: `${METRIC_PREFIX}llm_cost_usd_total`,
      help: "Cost of provider answers in US dollars: tokens times the model's price (provider.prices or config/model-prices.json); models without a known price are not counted",
      labelNames: [...CALL_LABELS],
      registers,
    });
    this.retries = new Counter({
      name: `${METRIC_PREFIX}llm_retries_total`,
      help: 'Provider calls that failed and were retried, by error code',
      labelNames: [...CALL_LABELS, 'code'],
      registers,
    });
    this.callFailures = new Counter({
      name: `${METRIC_PREFIX}llm_call_failures_total`,
      help: 'Provider calls that failed for good (not retried, or retries exhausted), by error code',
      labelNames: [...CALL_LABELS, 'code'],
      registers,
    });
    this.tasks = new Counter({
      name: `${METRIC_PREFIX}tasks_total`,
      help: 'Tasks settled, by status (answered, empty, failed, timed-out) and, for failed tasks, reason',
      labelNames: [...CALL_LABELS, 'status', 'reason'],
      registers,
    });
    this.droppedResults = new Counter({
      name: `${METRIC_PREFIX}results_dropped_total`,
      help: 'Results dropped because they were invalid for the labeling config, by normalised reason',
      labelNames: [...CALL_LABELS, 'reason'],
      registers,
    });
    this.abstentions = new Counter({
      name: `${METRIC_PREFIX}abstentions_total`,
      help: 'Controls left empty because the model answered, but not usably (an invented label, a schema violation, out of range), by control and normalised reason',
      labelNames: [...CALL_LABELS, 'control', 'reason'],
      registers,
    });
    this.repairs = new Counter({
      name: `${METRIC_PREFIX}repairs_total`,
      help: 'Repair calls for unusable answers (not JSON, cut off, invalid for the schema or the labels), by outcome: repaired, failed (still unusable), error (the call failed); their tokens and cost are in the llm_ counters',
      labelNames: [...CALL_LABELS, 'outcome'],
      registers,
    });
    this.answerDuration = new Histogram({
      name: `${METRIC_PREFIX}llm_answer_duration_seconds`,
      help: 'Time to obtain an LLM answer, retries and provider gate waits included, by source',
      labelNames: ['provider', 'model', 'source'],
      buckets: ANSWER_DURATION_BUCKETS,
      registers,
    });
  }

  /** Tells the observer a project's provider settings, for its price override; called whenever its pipeline is built. */
  registerProject(projectId: string, settings: Pick<ProjectSettings, 'provider'>): void {
    this.priceOverrides.set(projectId, settings.provider.prices ?? null);
  }

  answerObtained(labels: CallLabels & { source: AnswerSource; usage: LanguageModelUsage | null; latencyMs: number }): void {
    const call = callLabelsOf(labels);
    this.answers.inc({ ...call, source: labels.source });
    if (isCount(labels.latencyMs)) {
      this.answerDuration.observe({ provider: call.provider, model: call.model, source: labels.source }, labels.latencyMs / 1000);
    }
    if (labels.usage) this.countUsage(call, labels.usage);
  }

  callFailed(labels: CallLabels & { code: string; retrying: boolean }): void {
    (labels.retrying ? this.retries : this.callFailures).inc({ ...callLabelsOf(labels), code: boundedCode(labels.code) });
  }

  taskSettled(labels: CallLabels & { status: TaskStatus; reason?: string }): void {
    const reason = labels.status === 'failed' ? normalizeReason(labels.reason ?? '') : '';
    this.tasks.inc({ ...callLabelsOf(labels), status: labels.status, reason });
  }

  resultsDropped(labels: CallLabels & { reasons: string[] }): void {
    const call = callLabelsOf(labels);
    for (const reason of labels.reasons) this.droppedResults.inc({ ...call, reason: normalizeReason(reason) });
  }

  controlAbstained(labels: CallLabels & { control: string; reason: string }): void {
    this.abstentions.inc({ ...callLabelsOf(labels), control: boundedName(labels.control), reason: normalizeReason(labels.reason) });
  }

  answerRepaired(labels: CallLabels & { outcome: RepairOutcome }): void {
    this.repairs.inc({ ...callLabelsOf(labels), outcome: labels.outcome });
  }

  private countUsage(call: CallLabels, usage: LanguageModelUsage): void {
    const inputTokens = isCount(usage.inputTokens) ? usage.inputTokens : null;
    const outputTokens = isCount(usage.outputTokens) ? usage.outputTokens : null;
    if (inputTokens !== null) this.tokens.inc({ ...call, type: 'input' }, inputTokens);
    if (outputTokens !== null) this.tokens.inc({ ...call, type: 'output' }, outputTokens);
    if (inputTokens === null && outputTokens === null) return;
    const price = priceFor(call.model, this.priceOverrides.get(call.project));
    if (!price) return;
    const dollars = ((inputTokens ?? 0) * price.inputPerMillion + (outputTokens ?? 0) * price.outputPerMillion) / 1_000_000;
    if (isCount(dollars)) this.cost.inc(call, dollars);
  }
}

/** Error codes are constants such as `PROVIDER_CALL_FAILED`; anything else is counted as `OTHER`. */
function boundedCode(code: string): string {
  return /^[\w.-]{1,64}$/.test(code) ? code : 'OTHER';
}

/** Control names come from the labeling config: bounded in length like reasons. */
function boundedName(name: string): string {
  return name.length > MAX_REASON_LENGTH ? `${name.slice(0, MAX_REASON_LENGTH - 1)}…` : name;
}

function callLabelsOf(labels: CallLabels): CallLabels {
  return { project: labels.project, provider: labels.provider, model: labels.model };
}

/** Tells the process's observer a project's settings when it is a PrometheusObserver (any other observer needs none). */
export function registerProjectWith(observer: PipelineObserver, projectId: string, settings: Pick<ProjectSettings, 'provider'>): void {
  if (observer instanceof PrometheusObserver) observer.registerProject(projectId, settings);
}
