import { register as globalRegistry } from 'prom-client';
import { PrometheusObserver, registerProjectWith } from './prometheus-observer';
import { silentObserver } from '../../core/spec/pipeline-observer';
import { parsePrometheusText, sumSamples } from '../../test/helpers/parse-prometheus-text';

const call = { project: '7', provider: 'openai', model: 'gpt-4o-mini' };

async function samplesOf(observer: PrometheusObserver) {
  return parsePrometheusText(await observer.registry.metrics());
}

describe('PrometheusObserver', () => {
  it('counts answers by source, and tokens and cost only for provider answers', async () => {
    const observer = new PrometheusObserver({ defaultMetrics: false });
    observer.answerObtained({ ...call, source: 'provider', usage: { inputTokens: 1000, outputTokens: 500 }, latencyMs: 1500 });
    observer.answerObtained({ ...call, source: 'provider', usage: { inputTokens: 3000, outputTokens: 500 }, latencyMs: 500 });
    observer.answerObtained({ ...call, source: 'cache', usage: null, latencyMs: 2 });
    observer.answerObtained({ ...call, source: 'shared', usage: null, latencyMs: 800 });
    const samples = await samplesOf(observer);

    expect(sumSamples(samples, 'prelabel_llm_answers_total', { ...call, source: 'provider' })).toBe(2);
    expect(sumSamples(samples, 'prelabel_llm_answers_total', { ...call, source: 'cache' })).toBe(1);
    expect(sumSamples(samples, 'prelabel_llm_answers_total', { ...call, source: 'shared' })).toBe(1);
    expect(sumSamples(samples, 'prelabel_llm_tokens_total', { ...call, type: 'input' })).toBe(4000);
    expect(sumSamples(samples, 'prelabel_llm_tokens_total', { ...call, type: 'output' })).toBe(1000);
    // gpt-4o-mini: $0.15 per million input tokens, $0.60 per million output tokens
    expect(sumSamples(samples, 'prelabel_llm_cost_usd_total', call)).toBeCloseTo((4000 * 0.15 + 1000 * 0.6) / 1_000_000, 12);
  });

  it('records answer latency in seconds by provider, model and source', async () => {
    const observer = new PrometheusObserver({ defaultMetrics: false });
    observer.answerObtained({ ...call, source: 'provider', usage: null, latencyMs: 1500 });
    observer.answerObtained({ ...call, source: 'cache', usage: null, latencyMs: 2 });
    const samples = await samplesOf(observer);
    const labels = { provider: 'openai', model: 'gpt-4o-mini' };
    expect(sumSamples(samples, 'prelabel_llm_answer_duration_seconds_sum', { ...labels, source: 'provider' })).toBeCloseTo(1.5);
    expect(sumSamples(samples, 'prelabel_llm_answer_duration_seconds_count', { ...labels, source: 'cache' })).toBe(1);
    expect(sumSamples(samples, 'prelabel_llm_answer_duration_seconds_bucket', { ...labels, source: 'cache', le: '0.005' })).toBe(1);
    expect(samples.find((sample) => sample.name.startsWith('prelabel_llm_answer_duration') && 'project' in sample.labels)).toBeUndefined();
  });

  it("prices a project's answers with its provider.prices, set when its pipeline is built", async () => {
    const observer = new PrometheusObserver({ defaultMetrics: false });
    const prices = { inputPerMillion: 1, outputPerMillion: 2 };
    registerProjectWith(observer, '8', { provider: { name: 'openai', model: 'local-llama', prices, timeoutMs: 1, structuredOutput: 'auto', options: {} } });
    observer.registerProject('9', { provider: { name: 'openai', model: 'gpt-4o-mini', timeoutMs: 1, structuredOutput: 'auto', options: {} } });
    observer.answerObtained({ project: '8', provider: 'openai', model: 'local-llama', source: 'provider', usage: { inputTokens: 2_000_000, outputTokens: 1_000_000 }, latencyMs: 1 });
    observer.answerObtained({ project: '9', provider: 'openai', model: 'gpt-4o-mini', source: 'provider', usage: { inputTokens: 1_000_000, outputTokens: 0 }, latencyMs: 1 });
    const samples = await samplesOf(observer);
    expect(sumSamples(samples, 'prelabel_llm_cost_usd_total', { project: '8' })).toBeCloseTo(4);
    expect(sumSamples(samples, 'prelabel_llm_cost_usd_total', { project: '9' })).toBeCloseTo(0.15);
  });

  it('counts the tokens of a model without a known price but no cost series for it', async () => {
    const observer = new PrometheusObserver({ defaultMetrics: false });
    const unknown = { project: '7', provider: 'openai', model: 'llama3.1:8b' };
    observer.answerObtained({ ...unknown, source: 'provider', usage: { inputTokens: 100, outputTokens: 10 }, latencyMs: 1 });
    const samples = await samplesOf(observer);
    expect(sumSamples(samples, 'prelabel_llm_tokens_total', unknown)).toBe(110);
    expect(sumSamples(samples, 'prelabel_llm_cost_usd_total')).toBeUndefined();
  });

  it('counts missing token counts as unknown, not as zero, and prices what is known', async () => {
    const observer = new PrometheusObserver({ defaultMetrics: false });
    observer.answerObtained({ ...call, source: 'provider', usage: { inputTokens: null, outputTokens: null }, latencyMs: 1 });
    let samples = await samplesOf(observer);
    expect(sumSamples(samples, 'prelabel_llm_tokens_total')).toBeUndefined();
    expect(sumSamples(samples, 'prelabel_llm_cost_usd_total')).toBeUndefined();
    observer.answerObtained({ ...call, source: 'provider', usage: { inputTokens: 1_000_000, outputTokens: null }, latencyMs: 1 });
    samples = await samplesOf(observer);
    expect(sumSamples(samples, 'prelabel_llm_tokens_total', { type: 'output' })).toBeUndefined();
    expect(sumSamples(samples, 'prelabel_llm_cost_usd_total', call)).toBeCloseTo(0.15);
  });

  it('counts retries and call failures by code, apart', async () => {
    const observer = new PrometheusObserver({ defaultMetrics: false });
    observer.callFailed({ ...call, code: 'PROVIDER_CALL_FAILED', retrying: true });
    observer.callFailed({ ...call, code: 'PROVIDER_CALL_FAILED', retrying: true });
    observer.callFailed({ ...call, code: 'RETRY_EXHAUSTED', retrying: false });
    observer.callFailed({ ...call, code: 'Bearer sk-secret failed with "x"', retrying: false });
    const samples = await samplesOf(observer);
    expect(sumSamples(samples, 'prelabel_llm_retries_total', { ...call, code: 'PROVIDER_CALL_FAILED' })).toBe(2);
    expect(sumSamples(samples, 'prelabel_llm_call_failures_total', { ...call, code: 'RETRY_EXHAUSTED' })).toBe(1);
    expect(sumSamples(samples, 'prelabel_llm_call_failures_total', { ...call, code: 'OTHER' })).toBe(1);
    expect(sumSamples(samples, 'prelabel_llm_call_failures_total', { code: 'PROVIDER_CALL_FAILED' })).toBeUndefined();
  });

  it('counts tasks by status, with a normalised reason for failed ones only', async () => {
    const observer = new PrometheusObserver({ defaultMetrics: false });
    observer.taskSettled({ ...call, status: 'answered' });
    observer.taskSettled({ ...call, status: 'empty' });
    observer.taskSettled({ ...call, status: 'timed-out' });
    observer.taskSettled({ ...call, status: 'failed', reason: 'truncated' });
    observer.taskSettled({ ...call, status: 'failed', reason: 'TASK_DATA_INVALID' });
    observer.taskSettled({ ...call, status: 'failed' });
    const samples = await samplesOf(observer);
    for (const status of ['answered', 'empty', 'timed-out']) {
      expect(sumSamples(samples, 'prelabel_tasks_total', { ...call, status })).toBe(1);
    }
    expect(sumSamples(samples, 'prelabel_tasks_total', { status: 'failed', reason: 'truncated' })).toBe(1);
    expect(sumSamples(samples, 'prelabel_tasks_total', { status: 'failed', reason: 'TASK_DATA_INVALID' })).toBe(1);
    expect(sumSamples(samples, 'prelabel_tasks_total', { status: 'failed', reason: 'unknown' })).toBe(1);
    expect(samples.filter((sample) => sample.name === 'prelabel_tasks_total' && sample.labels.status !== 'failed').every((sample) => !sample.labels.reason)).toBe(true);
  });

  it('counts dropped results by normalised reason, one each', async () => {
    const observer = new PrometheusObserver({ defaultMetrics: false });
    observer.resultsDropped({ ...call, reasons: ['"Maybe" is not a label of "sentiment"', '"Perhaps" is not a label of "sentiment"', 'value is not an object'] });
    observer.resultsDropped({ ...call, reasons: [] });
    const samples = await samplesOf(observer);
    expect(sumSamples(samples, 'prelabel_results_dropped_total', { ...call, reason: '<value> is not a label of <value>' })).toBe(2);
    expect(sumSamples(samples, 'prelabel_results_dropped_total', { ...call, reason: 'value is not an object' })).toBe(1);
    expect(samples.filter((sample) => sample.name === 'prelabel_results_dropped_total')).toHaveLength(2);
  });

  it('never throws, whatever the numbers', () => {
    const observer = new PrometheusObserver({ defaultMetrics: false });
    expect(() => {
      observer.answerObtained({ ...call, source: 'provider', usage: { inputTokens: Number.NaN, outputTokens: -5 }, latencyMs: Number.POSITIVE_INFINITY });
      observer.answerObtained({ ...call, source: 'provider', usage: { inputTokens: 10, outputTokens: 1 }, latencyMs: -1 });
    }).not.toThrow();
  });

  it('keeps its metrics on its own registry, so several observers coexist and the global registry stays empty', async () => {
    const first = new PrometheusObserver();
    const second = new PrometheusObserver();
    first.taskSettled({ ...call, status: 'answered' });
    const samples = await samplesOf(first);
    expect(sumSamples(samples, 'prelabel_tasks_total')).toBe(1);
    expect(sumSamples(await samplesOf(second), 'prelabel_tasks_total')).toBeUndefined();
    expect(sumSamples(samples, 'prelabel_process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
    expect(samples.some((sample) => sample.name.startsWith('prelabel_nodejs_'))).toBe(true);
    expect(globalRegistry.getMetricsAsArray().filter((metric) => metric.name.startsWith('prelabel_'))).toEqual([]);
  });

  it('lets registerProjectWith ignore observers that are not Prometheus ones', () => {
    expect(() => registerProjectWith(silentObserver, '1', { provider: { name: 'openai', model: 'gpt-4o', timeoutMs: 1, structuredOutput: 'auto', options: {} } })).not.toThrow();
  });
});
