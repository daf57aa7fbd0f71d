import type { LanguageModel, ModelAccess } from '../core/spec/language-model';
import { errorMessageOf } from '../core/shared/error-message-of';

/** Short enough that `/setup` answers within Label Studio's 3 s with checks of several providers running at once. */
export const ACCESS_CHECK_TIMEOUT_MS = 2000;

/** How long an answer is kept, by status: a working key and model are checked again rarely, a problem sooner. */
const TIME_TO_LIVE_MS: Record<ModelAccess['status'], number> = {
  granted: 10 * 60_000,
  denied: 2 * 60_000,
  unverified: 60_000,
};

/** Far more than the providers, keys and models of one server. */
const MAX_ENTRIES = 1000;

interface Entry {
  access: Promise<ModelAccess>;
  expiresAt: number;
}

export interface ModelAccessCheck {
  access: ModelAccess;
  /** False when the answer came from the cache (or a check in flight): its warning was already logged. */
  fresh: boolean;
}

/**
 * Runs each model's access check (`LanguageModel.checkAccess`) at most once per `accessCheckKey` (provider, base URL,
 * hash of the key, model) for minutes, bounded by a timeout: a check that does not answer in time is `unverified`.
 */
export class ModelAccessChecks {
  private readonly entries = new Map<string, Entry>();
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(options: { timeoutMs?: number; now?: () => number } = {}) {
    this.timeoutMs = options.timeoutMs ?? ACCESS_CHECK_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  /** Null for a model without a check (a plugin provider may have none). */
  async check(model: LanguageModel): Promise<ModelAccessCheck | null> {
    if (!model.checkAccess || model.accessCheckKey === undefined) return null;
    const key = model.accessCheckKey;
    const known = this.entries.get(key);
    if (known && known.expiresAt > this.now()) return { access: await known.access, fresh: false };

    const entry: Entry = { access: this.run(model), expiresAt: Number.POSITIVE_INFINITY };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    const access = await entry.access;
    entry.expiresAt = this.now() + TIME_TO_LIVE_MS[access.status];
    return { access, fresh: true };
  }

  private async run(model: LanguageModel): Promise<ModelAccess> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<ModelAccess>((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new DOMException('the model check took too long', 'TimeoutError'));
        resolve({ status: 'unverified', reason: `${model.provider} did not answer the model check within ${this.timeoutMs} ms` });
      }, this.timeoutMs);
    });
    try {
      // A check that ignores its signal still cannot hold /setup past the timeout.
      return await Promise.race([
        (model.checkAccess as (signal: AbortSignal) => Promise<ModelAccess>).call(model, controller.signal).catch(
          (error: unknown): ModelAccess => ({ status: 'unverified', reason: `the model check failed: ${errorMessageOf(error)}` }),
        ),
        timedOut,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
