import type { LanguageModelUsage } from '../../core/spec/language-model';
import type { ModelPrice } from '../../server/metrics/model-prices';
import type { RunCost } from './evaluation-report';

/** A figure scaled to 1,000 tasks; null without tasks. */
export function perThousandTasks(value: number, tasks: number): number | null {
  return tasks === 0 ? null : (value / tasks) * 1000;
}

/** Input and output tokens the provider reported, summed; a count it did not report adds nothing. */
export function sumUsage(usages: Array<LanguageModelUsage | null>): { inputTokens: number; outputTokens: number } {
  return usages.reduce<{ inputTokens: number; outputTokens: number }>(
    (total, usage) => ({ inputTokens: total.inputTokens + (usage?.inputTokens ?? 0), outputTokens: total.outputTokens + (usage?.outputTokens ?? 0) }),
    { inputTokens: 0, outputTokens: 0 },
  );
}

/** US dollars at the model's price per million tokens; no price, no figure. */
export function computeRunCost(tokens: { inputTokens: number; outputTokens: number }, price: ModelPrice | null, tasks: number): RunCost {
  if (!price) return { price: null, usd: null, usdPerThousandTasks: null };
  const usd = (tokens.inputTokens * price.inputPerMillion + tokens.outputTokens * price.outputPerMillion) / 1_000_000;
  return { price, usd, usdPerThousandTasks: perThousandTasks(usd, tasks) };
}
