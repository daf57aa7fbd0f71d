import { priceFor } from '../../server/metrics/model-prices';
import { computeRunCost, perThousandTasks, sumUsage } from './compute-run-cost';

describe('sumUsage', () => {
  it('adds reported counts; a missing usage or count adds nothing', () => {
    expect(sumUsage([{ inputTokens: 1000, outputTokens: 50 }, null, { inputTokens: 200, outputTokens: null }])).toEqual({ inputTokens: 1200, outputTokens: 50 });
  });
});

describe('computeRunCost', () => {
  it.each([
    // 5,000 × $2.50 / M + 250 × $10 / M = $0.0125 + $0.0025; over 6 tasks, $2.50 per 1,000
    ['gpt-4o', 5000, 250, 6, 0.015, 2.5],
    ['gpt-4o-2024-08-06', 5000, 250, 6, 0.015, 2.5],
    // 1,000,000 × $0.15 / M + 100,000 × $0.60 / M
    ['gpt-4o-mini', 1_000_000, 100_000, 1000, 0.21, 0.21],
  ])('%s: %d in, %d out over %d tasks → $%d, $%d per 1,000 tasks', (model, inputTokens, outputTokens, tasks, usd, perThousand) => {
    const cost = computeRunCost({ inputTokens, outputTokens }, priceFor(model), tasks);
    expect(cost.usd).toBeCloseTo(usd, 10);
    expect(cost.usdPerThousandTasks).toBeCloseTo(perThousand, 10);
  });

  it('has no figure for a model without a known price', () => {
    expect(computeRunCost({ inputTokens: 5000, outputTokens: 250 }, priceFor('llama-3.1-8b-local'), 6)).toEqual({ price: null, usd: null, usdPerThousandTasks: null });
  });

  it('uses the project price when set', () => {
    const cost = computeRunCost({ inputTokens: 2_000_000, outputTokens: 0 }, priceFor('llama-3.1-8b-local', { inputPerMillion: 0.1, outputPerMillion: 0.2 }), 4);
    expect(cost.usd).toBeCloseTo(0.2, 10);
  });
});

describe('perThousandTasks', () => {
  it.each([
    [5000, 6, 833_333.333],
    [3, 3, 1000],
    [10, 0, null],
  ])('%d over %d tasks → %s', (value, tasks, expected) => {
    if (expected === null) expect(perThousandTasks(value, tasks)).toBeNull();
    else expect(perThousandTasks(value, tasks)).toBeCloseTo(expected, 2);
  });
});
