import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findPackageRoot } from '../../core/shared/package-root';
import type { ProviderSettings } from '../../core/spec/project-settings';

export type ModelPrice = NonNullable<ProviderSettings['prices']>;

interface ModelPriceTable {
  models: Record<string, ModelPrice>;
}

let builtInPrices: Map<string, ModelPrice> | undefined;

/** The table in `config/model-prices.json`, read once (from the source tree, also when running from `dist/`). */
export function loadModelPrices(): Map<string, ModelPrice> {
  if (!builtInPrices) {
    const file = path.join(findPackageRoot(__dirname), 'config', 'model-prices.json');
    const table = JSON.parse(readFileSync(file, 'utf8')) as ModelPriceTable;
    builtInPrices = new Map(Object.entries(table.models).map(([model, price]) => [model.toLowerCase(), price]));
  }
  return builtInPrices;
}

/**
 * The price of a model in US dollars per million tokens: the project's `provider.prices` when set, else the table
 * entry equal to the model id or, failing that, the longest entry the id starts with followed by `-` (so
 * `gpt-4o-2024-08-06` costs what `gpt-4o` costs, `gpt-4o-mini` keeps its own price and `gpt-4.5` matches no `gpt-4`).
 * Null for a model the table does not know: its cost is not counted rather than guessed.
 */
export function priceFor(model: string, override?: ModelPrice | null, prices: Map<string, ModelPrice> = loadModelPrices()): ModelPrice | null {
  if (override) return override;
  const id = model.trim().toLowerCase();
  const exact = prices.get(id);
  if (exact) return exact;
  let best: { length: number; price: ModelPrice } | null = null;
  for (const [listed, price] of prices) {
    if (id.startsWith(`${listed}-`) && listed.length > (best?.length ?? 0)) best = { length: listed.length, price };
  }
  return best?.price ?? null;
}
