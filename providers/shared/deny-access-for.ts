import { ERROR_CODES, ProjectConfigError, ProviderAccessError } from '../../core/errors';
import type { ModelAccess } from '../../core/spec/language-model';
import type { ProviderSettingsProblem } from '../../core/spec/provider-settings-check';

/** The access check's answer for settings that cannot work: a missing key, or a configuration problem. */
export function denyAccessFor(problem: ProviderSettingsProblem, provider: string): ModelAccess {
  const error =
    problem.code === 'PROVIDER_KEY_MISSING'
      ? new ProviderAccessError(ERROR_CODES.PROVIDER_KEY_MISSING, problem.message, { provider })
      : new ProjectConfigError([problem.message]);
  return { status: 'denied', error };
}
