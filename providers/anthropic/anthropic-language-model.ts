import Anthropic from '@anthropic-ai/sdk';
import { inject, injectable } from 'tsyringe';
import { ProviderCallError } from '../../core/errors';
import type {
  LanguageModel,
  LanguageModelCallOptions,
  LanguageModelResult,
  LanguageModelWarning,
  ModelAccess,
  StructuredOutputMode,
} from '../../core/spec/language-model';
import type { ProjectSettings, ProviderSettings } from '../../core/spec/project-settings';
import type { ProviderSettingsContext, ProviderSettingsProblem } from '../../core/spec/provider-settings-check';
import { TOKENS } from '../../core/tokens';
import { classifyAccessFailure, type AccessCheckContext } from '../shared/classify-access-failure';
import { createAccessCheckKey } from '../shared/create-access-check-key';
import { createCallDeadline } from '../shared/create-call-deadline';
import { describeModelSetting, describeSettingsFile } from '../shared/describe-settings-file';
import { denyAccessFor } from '../shared/deny-access-for';
import { resolveProviderEndpoint, type ProviderEndpointSource } from '../shared/resolve-provider-endpoint';
import { PLACEHOLDER_API_KEY } from '../shared/placeholder-api-key';
import { ANTHROPIC_PROVIDER } from './anthropic-provider-name';
import { convertAnthropicMessage, isAnthropicMessage } from './convert-anthropic-message';
import { convertAnthropicProviderOptions, type AnthropicProviderOptions } from './convert-anthropic-provider-options';
import { convertToAnthropicRequest } from './convert-to-anthropic-request';
import { mapAnthropicError } from './map-anthropic-error';
import { resolveAnthropicImageInput } from './resolve-anthropic-image-input';
import { resolveAnthropicStructuredOutput } from './resolve-anthropic-structured-output';

export { ANTHROPIC_PROVIDER } from './anthropic-provider-name';

const NOT_CONFIGURED: ProviderSettingsProblem = { field: '', code: 'PROJECT_CONFIG_INVALID', message: 'the Anthropic client is not configured' };

const ANTHROPIC_ENDPOINT: ProviderEndpointSource = {
  keyVariable: 'ANTHROPIC_API_KEY',
  baseUrlVariable: 'ANTHROPIC_BASE_URL',
  defaultBaseUrl: 'https://api.anthropic.com',
  keyRequiredHost: 'api.anthropic.com',
};

/** The `anthropic` provider: the Anthropic Messages API, or any server that speaks it (`provider.baseUrl`). */
@injectable()
export class AnthropicLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider = ANTHROPIC_PROVIDER;
  readonly modelId: string;
  readonly structuredOutput: StructuredOutputMode;
  readonly acceptsImages: boolean;
  readonly accessCheckKey: string;

  private readonly baseURL: string;
  private readonly accessContext: AccessCheckContext;
  private readonly timeoutMs: number;
  private readonly secrets: string[];
  private readonly providerOptions: AnthropicProviderOptions;
  private readonly warnings: LanguageModelWarning[];
  /** Null when the settings cannot work; `generate` then throws the first of `problems`. */
  private readonly client: Anthropic | null;
  private readonly problems: ProviderSettingsProblem[];

  /** A key, when api.anthropic.com is the server, and a base URL that is a URL; checked when a project file loads. */
  static checkSettings(provider: ProviderSettings, context: ProviderSettingsContext): ProviderSettingsProblem[] {
    return resolveProviderEndpoint(provider, context, ANTHROPIC_ENDPOINT).problems;
  }

  constructor(
    @inject(TOKENS.ProjectSettings) settings: ProjectSettings,
    @inject(TOKENS.Environment) environment: NodeJS.ProcessEnv,
  ) {
    const { provider } = settings;
    this.modelId = provider.model;
    this.structuredOutput = resolveAnthropicStructuredOutput(provider);
    this.acceptsImages = resolveAnthropicImageInput(provider);
    this.timeoutMs = provider.timeoutMs;

    const endpoint = resolveProviderEndpoint(provider, { environment, sourceFile: settings.sourceFile }, ANTHROPIC_ENDPOINT);
    const { apiKey } = endpoint;
    this.baseURL = endpoint.baseURL ?? '';
    this.problems = endpoint.problems;
    this.secrets = apiKey ? [apiKey] : [];
    ({ options: this.providerOptions, warnings: this.warnings } = convertAnthropicProviderOptions(provider.options));

    const settingsFile = describeSettingsFile(settings.sourceFile);
    this.accessCheckKey = createAccessCheckKey({ provider: this.provider, baseURL: this.baseURL, apiKey, modelId: this.modelId });
    this.accessContext = {
      provider: this.provider,
      apiName: 'the Anthropic API',
      baseURL: this.baseURL,
      modelId: this.modelId,
      secrets: this.secrets,
      keySetting: `ANTHROPIC_API_KEY in the environment of prelabel, or provider.api_key: \${VAR} in ${settingsFile}`,
      modelSetting: describeModelSetting(settings.sourceFile),
    };

    this.client =
      this.problems.length > 0
      ? null
      : new Anthropic({
          // An explicit key and base URL, so the SDK reads neither process.env nor credential profiles on disk.
          apiKey: apiKey ?? PLACEHOLDER_API_KEY,
          baseURL: this.baseURL,
          maxRetries: 0,
          timeout: provider.timeoutMs,
          webhookKey: null,
          logLevel: 'off',
          ...(!apiKey && { defaultHeaders: { Authorization: null, 'X-Api-Key': null } }),
        });
  }

  /** `GET /v1/models/{model_id}` (aliases such as `claude-sonnet-4-5` included) with the project's key. */
  async checkAccess(signal: AbortSignal): Promise<ModelAccess> {
    if (!this.client) return denyAccessFor(this.problems[0] ?? NOT_CONFIGURED, this.provider);
    try {
      await this.client.models.retrieve(this.modelId, {}, { signal, maxRetries: 0 });
      return { status: 'granted' };
    } catch (error) {
      if (signal.aborted) return { status: 'unverified', reason: 'the Anthropic API did not answer the model check in time' };
      // Anthropic answers an unknown route with not_found_error too: only one naming the model is definite.
      return classifyAccessFailure(
        error,
        this.accessContext,
        (failure) => failure.type === 'not_found_error' && String((failure as { apiMessage?: unknown }).apiMessage ?? '').includes(this.modelId),
      );
    }
  }

  async generate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    if (!this.client) throw new ProviderCallError((this.problems[0] ?? NOT_CONFIGURED).message, { provider: this.provider });
    const { deadlineSignal, signal, release } = createCallDeadline(this.timeoutMs, options.abortSignal);
    const { body, requestOptions, answerToolName, warnings } = convertToAnthropicRequest({
      modelId: this.modelId,
      callOptions: { ...options, abortSignal: signal },
      providerOptions: this.providerOptions,
    });

    const startedAt = Date.now();
    let message: unknown;
    try {
      message = await this.client.messages.create(body, requestOptions);
    } catch (error) {
      throw mapAnthropicError(error, {
        abortSignal: options.abortSignal,
        deadlineSignal,
        timeoutMs: this.timeoutMs,
        elapsedMs: Date.now() - startedAt,
        baseURL: this.baseURL,
        secrets: this.secrets,
      });
    } finally {
      release();
    }

    if (!isAnthropicMessage(message)) {
      throw new ProviderCallError('the Anthropic API answered without a message', { provider: this.provider, isRetryable: true });
    }
    return { ...convertAnthropicMessage(message, answerToolName), warnings: [...this.warnings, ...warnings] };
  }
}
