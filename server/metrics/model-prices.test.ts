import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadModelPrices, priceFor, type ModelPrice } from './model-prices';

const price = (inputPerMillion: number, outputPerMillion: number): ModelPrice => ({ inputPerMillion, outputPerMillion });

describe('priceFor', () => {
  it.each([
    ['gpt-4o', price(2.5, 10)],
    ['gpt-4o-mini', price(0.15, 0.6)],
    ['gpt-4.1', price(2, 8)],
    ['gpt-4.1-mini', price(0.4, 1.6)],
    ['gpt-4.1-nano', price(0.1, 0.4)],
    ['gpt-4-turbo', price(10, 30)],
    ['gpt-4', price(30, 60)],
    ['gpt-3.5-turbo', price(0.5, 1.5)],
    ['o3-mini', price(1.1, 4.4)],
    ['o4-mini', price(1.1, 4.4)],
    ['claude-3-5-sonnet', price(3, 15)],
    ['claude-3-5-haiku', price(0.8, 4)],
    ['claude-3-7-sonnet', price(3, 15)],
    ['claude-sonnet-4', price(3, 15)],
    ['claude-opus-4', price(15, 75)],
    ['claude-3-haiku', price(0.25, 1.25)],
  ])('knows %s', (model, expected) => {
    expect(priceFor(model)).toEqual(expected);
  });

  it.each([
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
    ['gpt-4.1-mini-2025-04-14', 'gpt-4.1-mini'],
    ['gpt-4-turbo-2024-04-09', 'gpt-4-turbo'],
    ['gpt-4-0613', 'gpt-4'],
    ['gpt-3.5-turbo-0125', 'gpt-3.5-turbo'],
    ['o3-mini-2025-01-31', 'o3-mini'],
    ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet'],
    ['claude-3-5-haiku-latest', 'claude-3-5-haiku'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['claude-opus-4-20250514', 'claude-opus-4'],
    ['GPT-4o', 'gpt-4o'],
  ])('prices the dated or aliased id %s as %s (the longest listed prefix)', (model, listed) => {
    expect(priceFor(model)).toEqual(priceFor(listed));
  });

  it('never gives gpt-4o-mini the price of gpt-4o, nor gpt-4o the price of gpt-4', () => {
    expect(priceFor('gpt-4o-mini')).not.toEqual(priceFor('gpt-4o'));
    expect(priceFor('gpt-4o-mini-2024-07-18')?.inputPerMillion).toBe(0.15);
    expect(priceFor('gpt-4o')?.inputPerMillion).toBe(2.5);
  });

  it('takes the longest prefix whatever the order of the table', () => {
    const table = new Map([
      ['model', price(1, 1)],
      ['model-large-turbo', price(3, 3)],
      ['model-large', price(2, 2)],
    ]);
    expect(priceFor('model-large-turbo-2025', null, table)).toEqual(price(3, 3));
    expect(priceFor('model-large-2025', null, table)).toEqual(price(2, 2));
    expect(priceFor('model-small', null, table)).toEqual(price(1, 1));
  });

  it.each(['llama3.1:8b', 'mistral-large', 'gpt-4.5-preview', 'gpt-40', 'my-gpt-4o', ''])('knows no price for %j', (model) => {
    expect(priceFor(model)).toBeNull();
  });

  it("uses the project's provider.prices over the table, for known and unknown models", () => {
    expect(priceFor('gpt-4o', price(1, 2))).toEqual(price(1, 2));
    expect(priceFor('llama3.1:8b', price(0, 0))).toEqual(price(0, 0));
    expect(priceFor('gpt-4o', null)).toEqual(price(2.5, 10));
  });
});

describe('config/model-prices.json', () => {
  const file = path.join(__dirname, '..', '..', 'config', 'model-prices.json');
  const table = JSON.parse(readFileSync(file, 'utf8'));

  it('says where its prices come from and when they were checked', () => {
    expect(table.source).toMatch(/openai\.com/);
    expect(table.source).toMatch(/anthropic\.com/);
    expect(table.checked).toMatch(/^\d{4}-\d{2}/);
  });

  it('lists lower-case model ids with non-negative prices per million tokens', () => {
    const models = Object.entries(table.models) as Array<[string, ModelPrice]>;
    expect(models.length).toBeGreaterThanOrEqual(16);
    for (const [model, listed] of models) {
      expect(model).toBe(model.toLowerCase());
      expect(Object.keys(listed).sort()).toEqual(['inputPerMillion', 'outputPerMillion']);
      expect(listed.inputPerMillion).toBeGreaterThanOrEqual(0);
      expect(listed.outputPerMillion).toBeGreaterThanOrEqual(listed.inputPerMillion);
      expect(loadModelPrices().get(model)).toEqual(listed);
    }
  });
});
