import { createDefaultProjectSettings } from '../../config/default-project-settings';
import type { ProjectSettings, ProviderSettings } from '../../core/spec/project-settings';

/** The built-in default project settings with the `provider` block overridden, for building a model in a test. */
export function createTestProjectSettings(provider: Partial<ProviderSettings>): ProjectSettings {
  const defaults = createDefaultProjectSettings({});
  return { ...defaults, provider: { ...defaults.provider, ...provider } };
}
