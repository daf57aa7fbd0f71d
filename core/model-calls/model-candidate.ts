import type { LanguageModel } from '../spec/language-model';
import type { ProviderSettings } from '../spec/project-settings';
import type { ProviderGate } from './provider-gate';

/** A provider the pipeline may ask, in order: the project's provider, then its fallbacks. */
export interface ModelCandidate {
  model: LanguageModel;
  gate: ProviderGate;
  provider: ProviderSettings;
}
