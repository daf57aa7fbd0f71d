import type { ProviderSettings } from '../../core/spec/project-settings';
import type { ProviderSettingsContext, ProviderSettingsProblem } from '../../core/spec/provider-settings-check';
import { describeSettingsFile } from './describe-settings-file';
import { nonEmpty } from './non-empty';

/** Where a provider takes its key and base URL from, besides `provider.api_key` and `provider.base_url`. */
export interface ProviderEndpointSource {
  /** The environment variable holding the key (OPENAI_API_KEY); none when only `provider.api_key` is read. */
  keyVariable?: string;
  /** The environment variable holding the base URL (OPENAI_BASE_URL). */
  baseUrlVariable?: string;
  /** The vendor's own API; without one, `provider.base_url` is required (`baseUrlRequired` says why). */
  defaultBaseUrl?: string;
  /** The message when no base URL is set and there is no default. */
  baseUrlRequired?: string;
  /** The base URL must be http(s), not just a URL. */
  httpOnly?: boolean;
  /** The host that needs a key (the vendor's own API); elsewhere (a local server, a proxy) the key is optional. */
  keyRequiredHost?: string;
}

export interface ProviderEndpoint {
  apiKey: string | undefined;
  /** Undefined only when none is set and there is no default (a problem then says so). */
  baseURL: string | undefined;
  /** Empty when the endpoint can be used; the first is the one `generate` reports. */
  problems: ProviderSettingsProblem[];
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}

/**
 * A provider's key and base URL from its settings and the environment, and what makes them unusable: the one place
 * the built-in providers resolve their endpoint, used by both their load-time `checkSettings` and their constructor.
 */
export function resolveProviderEndpoint(
  provider: Pick<ProviderSettings, 'apiKey' | 'baseUrl'>,
  context: ProviderSettingsContext,
  source: ProviderEndpointSource,
): ProviderEndpoint {
  const { environment } = context;
  const apiKey = nonEmpty(provider.apiKey) ?? (source.keyVariable ? nonEmpty(environment[source.keyVariable]) : undefined);
  const configured = nonEmpty(provider.baseUrl) ?? (source.baseUrlVariable ? nonEmpty(environment[source.baseUrlVariable]) : undefined);
  const baseURL = source.httpOnly ? (configured?.trim() ?? source.defaultBaseUrl) : (configured ?? source.defaultBaseUrl);
  const baseUrlSetting = source.baseUrlVariable ? `provider.base_url (or ${source.baseUrlVariable})` : 'provider.base_url';

  if (baseURL === undefined) {
    return { apiKey, baseURL, problems: [{ field: 'base_url', code: 'PROJECT_CONFIG_INVALID', message: source.baseUrlRequired ?? `${baseUrlSetting} is required` }] };
  }
  if (source.httpOnly ? !isHttpUrl(baseURL) : !URL.canParse(baseURL)) {
    const kind = source.httpOnly ? 'a valid http(s) URL' : 'a valid URL';
    return { apiKey, baseURL, problems: [{ field: 'base_url', code: 'PROJECT_CONFIG_INVALID', message: `${baseUrlSetting} is not ${kind}` }] };
  }
  if (!apiKey && source.keyVariable && source.keyRequiredHost !== undefined && new URL(baseURL).hostname === source.keyRequiredHost) {
    const settingsFile = describeSettingsFile(context.sourceFile);
    const message = `${source.keyVariable} is not set: set it in the environment of prelabel, or provider.api_key: \${VAR} in ${settingsFile}`;
    return { apiKey, baseURL, problems: [{ field: 'api_key', code: 'PROVIDER_KEY_MISSING', message }] };
  }
  return { apiKey, baseURL, problems: [] };
}
