import { inject, injectable } from 'tsyringe';
import { ERROR_CODES, ProjectConfigError, ProviderAccessError, ProviderCallError } from '../../core/errors';
import type { LanguageModel, LanguageModelCallOptions, LanguageModelResult, ModelAccess, StructuredOutputMode } from '../../core/language-model';
import type { ProjectSettings } from '../../core/project-settings';
import { TOKENS } from '../../core/tokens';
import { convertOpenAIProviderOptions } from '../shared/convert-openai-provider-options';
import { checkOpenAIModelAccess, type OpenAIModelAccessTarget } from '../shared/check-openai-model-access';
import { createAccessCheckKey } from '../shared/create-access-check-key';
import { createOpenAIClient } from '../shared/create-openai-client';
import { describeModelSetting, describeSettingsFile } from '../shared/describe-settings-file';
import { generateChatCompletion, type ChatCompletionTarget } from '../shared/generate-chat-completion';
import { nonEmpty } from '../shared/non-empty';
import { resolveOpenAIImageInput } from '../shared/resolve-openai-image-input';
import { resolveOpenAIStructuredOutput } from '../shared/resolve-openai-structured-output';
import { supportsOpenAILogprobs } from '../shared/supports-openai-logprobs';
import { OPENAI_PROVIDER } from './openai-provider-name';

export { OPENAI_PROVIDER } from './openai-provider-name';

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

function isOpenAIHost(baseURL: string): boolean {
  return URL.canParse(baseURL) && new URL(baseURL).hostname === 'api.openai.com';
}

/** The `openai` provider: OpenAI Chat Completions, or any server that speaks it (`provider.baseUrl`). */
@injectable()
export class OpenAILanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider = OPENAI_PROVIDER;
  readonly modelId: string;
  readonly structuredOutput: StructuredOutputMode;
  readonly acceptsImages: boolean;
  readonly returnsLogprobs: boolean;
  readonly accessCheckKey: string;

  /** Null when the settings cannot work; `generate` then throws `configurationError`. */
  private readonly target: ChatCompletionTarget | null;
  private readonly configurationError: string | null;
  private readonly accessTarget: OpenAIModelAccessTarget | null;
  private readonly keyMissing: boolean;

  constructor(
    @inject(TOKENS.ProjectSettings) settings: ProjectSettings,
    @inject(TOKENS.Environment) environment: NodeJS.ProcessEnv,
  ) {
    const { provider } = settings;
    this.modelId = provider.model;
    this.structuredOutput = resolveOpenAIStructuredOutput(provider);
    this.acceptsImages = resolveOpenAIImageInput(provider);
    this.returnsLogprobs = supportsOpenAILogprobs(provider.model);

    const apiKey = nonEmpty(provider.apiKey) ?? nonEmpty(environment.OPENAI_API_KEY);
    const baseURL = nonEmpty(provider.baseUrl) ?? nonEmpty(environment.OPENAI_BASE_URL) ?? OPENAI_BASE_URL;
    const { options: providerOptions, warnings } = convertOpenAIProviderOptions(provider.options);

    const settingsFile = describeSettingsFile(settings.sourceFile);
    const keySetting = `OPENAI_API_KEY in the environment of prelabel, or provider.api_key: \${VAR} in ${settingsFile}`;
    this.keyMissing = URL.canParse(baseURL) && !apiKey && isOpenAIHost(baseURL);
    this.configurationError = !URL.canParse(baseURL)
      ? 'provider.base_url (or OPENAI_BASE_URL) is not a valid URL'
      : this.keyMissing
        ? `OPENAI_API_KEY is not set: set it in the environment of prelabel, or provider.api_key: \${VAR} in ${settingsFile}`
        : null;
    this.accessCheckKey = createAccessCheckKey({ provider: this.provider, baseURL, apiKey, modelId: this.modelId });

    this.target = this.configurationError
      ? null
      : {
          client: createOpenAIClient({
            apiKey,
            baseURL,
            timeoutMs: provider.timeoutMs,
            organization: nonEmpty(environment.OPENAI_ORG_ID) ?? null,
            project: nonEmpty(environment.OPENAI_PROJECT_ID) ?? null,
          }),
          provider: this.provider,
          apiName: 'the OpenAI API',
          baseURL,
          timeoutMs: provider.timeoutMs,
          secrets: apiKey ? [apiKey] : [],
          modelId: this.modelId,
          providerOptions,
          warnings,
        };
    this.accessTarget = this.target && {
      ...this.target,
      keySetting,
      modelSetting: describeModelSetting(settings.sourceFile),
      listFallback: false,
    };
  }

  async checkAccess(signal: AbortSignal): Promise<ModelAccess> {
    if (!this.accessTarget) {
      const message = this.configurationError ?? 'the OpenAI client is not configured';
      const error = this.keyMissing
        ? new ProviderAccessError(ERROR_CODES.PROVIDER_KEY_MISSING, message, { provider: this.provider })
        : new ProjectConfigError([message]);
      return { status: 'denied', error };
    }
    return checkOpenAIModelAccess(this.accessTarget, signal);
  }

  async generate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    if (!this.target) {
      throw new ProviderCallError(this.configurationError ?? 'the OpenAI client is not configured', {
        provider: this.provider,
      });
    }
    return generateChatCompletion(this.target, options);
  }
}
