import type { ProjectSettings } from '../core/spec/project-settings';
import { settingsCheckOf, type ProviderSettingsProblem } from '../core/spec/provider-settings-check';
import type { Registry } from '../core/registry';
import { formatFieldPath, type ConfigProblem, type FieldPath } from './config-problem';

/** Where a field path is in the YAML file: its line and column (at the nearest node the file has). */
export type LocateField = (fieldPath: FieldPath, message: string) => ConfigProblem;

/** A provider problem found at load, located in the file, with its code (`PROVIDER_KEY_MISSING` for a missing key). */
export interface ProviderConfigProblem extends ConfigProblem {
  code: ProviderSettingsProblem['code'];
}

/**
 * The registered settings check of the provider and of each fallback (a missing key, a base URL that is not a URL),
 * as problems located in the project file: `file:line:column: provider.api_key: OPENAI_API_KEY is not set …`.
 * Providers without a check (plugins that register none) and unknown names (reported elsewhere) give none.
 */
export function checkProviderSettings(options: {
  settings: Pick<ProjectSettings, 'provider' | 'fallbacks' | 'sourceFile'>;
  environment: NodeJS.ProcessEnv;
  registry: Registry;
  locate: LocateField;
}): ProviderConfigProblem[] {
  const { settings, environment, registry, locate } = options;
  const sections = [
    { path: ['provider'], provider: settings.provider },
    ...settings.fallbacks.map((provider, index) => ({ path: ['fallbacks', index], provider })),
  ];
  return sections.flatMap(({ path, provider }) => {
    if (!registry.has('provider', provider.name)) return [];
    const check = settingsCheckOf(registry.get('provider', provider.name));
    if (!check) return [];
    return check(provider, { environment, sourceFile: settings.sourceFile }).map((problem) => {
      const fieldPath = [...path, ...problem.field.split('.').filter(Boolean)];
      return { ...locate(fieldPath, problem.message), field: formatFieldPath(fieldPath), code: problem.code };
    });
  });
}
