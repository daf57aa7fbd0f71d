import { AzureOpenAI } from 'openai';
import { inject, injectable } from 'tsyringe';
import { ERROR_CODES, ProviderAccessError, ProviderCallError } from '../../core/errors';
import type {
  LanguageModel,
  LanguageModelCallOptions,
  LanguageModelResult,
  ModelAccess,
  StructuredOutputMode,
} from '../../core/spec/language-model';
import type { ProjectSettings, ProviderSettings } from '../../core/spec/project-settings';
import type { ProviderSettingsContext, ProviderSettingsProblem } from '../../core/spec/provider-settings-check';
import { TOKENS } from '../../core/tokens';
import { convertOpenAIProviderOptions } from '../shared/convert-openai-provider-options';
import { createAccessCheckKey } from '../shared/create-access-check-key';
import { generateChatCompletion, type ChatCompletionTarget } from '../shared/generate-chat-completion';
import { nonEmpty } from '../shared/non-empty';
import { supportsOpenAILogprobs } from '../shared/supports-openai-logprobs';
import { resolveOpenAIImageInput } from '../shared/resolve-openai-image-input';
import { AZURE_OPENAI_PROVIDER } from './azure-openai-provider-name';
import { isApiVersionBefore } from './is-api-version-before';
import { AZURE_OPENAI_OPTION_NAMES, readAzureOpenAIOptions } from './read-azure-openai-options';
import { resolveAzureOpenAIBaseModel } from './resolve-azure-openai-base-model';
import type { AzureOpenAICredentials } from './resolve-azure-openai-credentials';
import { resolveAzureOpenAIEndpoint } from './resolve-azure-openai-endpoint';
import { denyAccessFor } from '../shared/deny-access-for';
import { resolveAzureOpenAIStructuredOutput } from './resolve-azure-openai-structured-output';
import { ownProperty } from '../../core/shared/own-property';

export { AZURE_OPENAI_PROVIDER } from './azure-openai-provider-name';

/** The newest generally available data-plane api-version: it takes json_schema and max_completion_tokens. */
export const DEFAULT_AZURE_OPENAI_API_VERSION = '2024-10-21';

const NOT_CONFIGURED: ProviderSettingsProblem = { field: '', code: 'PROJECT_CONFIG_INVALID', message: 'the Azure OpenAI client is not configured' };

/**
 * The `azure-openai` provider: Chat Completions on an Azure OpenAI deployment through the SDK's `AzureOpenAI` client,
 * authenticated with an API key (`api-key` header) or an Entra ID token read from a named environment variable.
 */
@injectable()
export class AzureOpenAILanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider = AZURE_OPENAI_PROVIDER;
  readonly modelId: string;
  readonly deployment: string;
  readonly apiVersion: string;
  readonly structuredOutput: StructuredOutputMode;
  readonly acceptsImages: boolean;
  readonly returnsLogprobs: boolean;
  readonly accessCheckKey: string;

  private readonly environment: NodeJS.ProcessEnv;
  private readonly credentials: AzureOpenAICredentials | null;
  /** Null when the settings cannot work; `generate` then throws the first of `problems`. */
  private readonly target: ChatCompletionTarget | null;
  private readonly problems: ProviderSettingsProblem[];

  /** An http(s) endpoint and one kind of credentials; checked when a project file loads. */
  static checkSettings(provider: ProviderSettings, context: ProviderSettingsContext): ProviderSettingsProblem[] {
    return resolveAzureOpenAIEndpoint(provider, context.environment).problems;
  }

  constructor(
    @inject(TOKENS.ProjectSettings) settings: ProjectSettings,
    @inject(TOKENS.Environment) environment: NodeJS.ProcessEnv,
  ) {
    const { provider } = settings;
    this.environment = environment;
    this.modelId = provider.model;

    const { azureOptions, warnings: azureOptionWarnings } = readAzureOpenAIOptions(provider.options);
    const { options: providerOptions, warnings: optionWarnings } = convertOpenAIProviderOptions(provider.options, {
      description: 'an Azure OpenAI option prelabel passes on',
      adapterOptionNames: AZURE_OPENAI_OPTION_NAMES,
    });
    this.deployment = azureOptions.deployment ?? provider.model;
    this.apiVersion = azureOptions.apiVersion ?? nonEmpty(environment.OPENAI_API_VERSION)?.trim() ?? DEFAULT_AZURE_OPENAI_API_VERSION;

    const baseModel = resolveAzureOpenAIBaseModel(provider.model, azureOptions.baseModel);
    const structuredOutput = resolveAzureOpenAIStructuredOutput({
      structuredOutput: provider.structuredOutput,
      baseModel,
      apiVersion: this.apiVersion,
    });
    this.structuredOutput = structuredOutput.mode;
    this.acceptsImages = resolveOpenAIImageInput({ model: baseModel, acceptsImages: provider.acceptsImages });
    this.returnsLogprobs = supportsOpenAILogprobs(baseModel);

    const { endpoint, credentials, problems } = resolveAzureOpenAIEndpoint(provider, environment);
    this.credentials = 'credentials' in credentials ? credentials.credentials : null;
    this.problems = problems;
    this.accessCheckKey = createAccessCheckKey({
      provider: this.provider,
      baseURL: 'baseURL' in endpoint ? endpoint.baseURL : '',
      apiKey: this.credentials?.kind === 'api-key' ? this.credentials.apiKey : this.credentials?.tokenVariable,
      modelId: this.deployment,
    });

    this.target =
      'baseURL' in endpoint && this.credentials
        ? {
            client: this.createClient(this.credentials, endpoint.baseURL, provider.timeoutMs),
            provider: this.provider,
            apiName: 'the Azure OpenAI API',
            baseURL: endpoint.baseURL,
            timeoutMs: provider.timeoutMs,
            secrets: this.credentials.kind === 'api-key' ? [this.credentials.apiKey] : [],
            modelId: this.deployment,
            providerOptions,
            maxTokensParameter: isApiVersionBefore(this.apiVersion, '2024-09-01') ? 'max_tokens' : 'max_completion_tokens',
            warnings: [...azureOptionWarnings, ...optionWarnings, ...structuredOutput.warnings],
          }
        : null;
  }

  async generate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    if (!this.target) throw new ProviderCallError((this.problems[0] ?? NOT_CONFIGURED).message, { provider: this.provider });
    if (this.credentials?.kind !== 'entra-id') return generateChatCompletion(this.target, options);
    const token = this.readToken(this.credentials.tokenVariable);
    if (token === undefined) {
      throw new ProviderCallError(
        `${this.credentials.tokenVariable} (named by provider.options.azure_ad_token_env) is not set: it must hold an Entra ID token`,
        { provider: this.provider },
      );
    }
    return generateChatCompletion({ ...this.target, secrets: [token] }, options);
  }

  /**
   * Credentials only: the data-plane API has no cheap deployment lookup (the deployments route is gone from current
   * api-versions), so whether the deployment exists is left to the first prediction.
   */
  async checkAccess(_signal: AbortSignal): Promise<ModelAccess> {
    if (!this.target) return denyAccessFor(this.problems[0] ?? NOT_CONFIGURED, this.provider);
    if (this.credentials?.kind === 'entra-id' && this.readToken(this.credentials.tokenVariable) === undefined) {
      const message = `${this.credentials.tokenVariable} (named by provider.options.azure_ad_token_env) is not set: it must hold an Entra ID token`;
      return { status: 'denied', error: new ProviderAccessError(ERROR_CODES.PROVIDER_KEY_MISSING, message, { provider: this.provider }) };
    }
    return { status: 'unverified', reason: `Azure OpenAI deployment '${this.deployment}' is not checked at setup (no cheap deployment lookup); the first prediction tells` };
  }

  private readToken(tokenVariable: string): string | undefined {
    return nonEmpty(ownProperty(this.environment, tokenVariable) as string | undefined)?.trim();
  }

  private createClient(credentials: AzureOpenAICredentials, baseURL: string, timeoutMs: number): AzureOpenAI {
    const tokenVariable = credentials.kind === 'entra-id' ? credentials.tokenVariable : '';
    return new AzureOpenAI({
      ...(credentials.kind === 'api-key'
        ? { apiKey: credentials.apiKey }
        : {
            azureADTokenProvider: async () => this.readToken(tokenVariable) ?? '',
            // null, not undefined: undefined would make the SDK read AZURE_OPENAI_API_KEY from process.env.
            apiKey: null as unknown as undefined,
          }),
      baseURL,
      deployment: encodeURIComponent(this.deployment),
      apiVersion: this.apiVersion,
      maxRetries: 0,
      timeout: timeoutMs,
      // Explicit values, so the SDK does not fall back to process.env.
      organization: null,
      project: null,
      adminAPIKey: null,
      webhookSecret: null,
    });
  }
}
