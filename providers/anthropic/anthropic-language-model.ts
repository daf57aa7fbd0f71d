import Anthropic from '@anthropic-ai/sdk';
import { inject, injectable } from 'tsyringe';
import { ProviderCallError } from '../../core/errors';
import type {
  LanguageModel,
  LanguageModelCallOptions,
  LanguageModelResult,
  LanguageModelWarning,
  StructuredOutputMode,
} from '../../core/language-model';
import type { ProjectSettings } from '../../core/project-settings';
import { TOKENS } from '../../core/tokens';
import { createCallDeadline } from '../shared/create-call-deadline';
import { nonEmpty } from '../shared/non-empty';
import { PLACEHOLDER_API_KEY } from '../shared/placeholder-api-key';
import { ANTHROPIC_PROVIDER } from './anthropic-provider-name';
import { convertAnthropicMessage, isAnthropicMessage } from './convert-anthropic-message';
import { convertAnthropicProviderOptions, type AnthropicProviderOptions } from './convert-anthropic-provider-options';
import { convertToAnthropicRequest } from './convert-to-anthropic-request';
import { mapAnthropicError } from './map-anthropic-error';
import { resolveAnthropicImageInput } from './resolve-anthropic-image-input';
import { resolveAnthropicStructuredOutput } from './resolve-anthropic-structured-output';

export { ANTHROPIC_PROVIDER } from './anthropic-provider-name';

const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

function isAnthropicHost(baseURL: string): boolean {
  return URL.canParse(baseURL) && new URL(baseURL).hostname === 'api.anthropic.com';
}

/** The `anthropic` provider: the Anthropic Messages API, or any server that speaks it (`provider.baseUrl`). */
@injectable()
export class AnthropicLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider = ANTHROPIC_PROVIDER;
  readonly modelId: string;
  readonly structuredOutput: StructuredOutputMode;
  readonly acceptsImages: boolean;

  private readonly baseURL: string;
  private readonly timeoutMs: number;
  private readonly secrets: string[];
  private readonly providerOptions: AnthropicProviderOptions;
  private readonly warnings: LanguageModelWarning[];
  /** Null when the settings cannot work; `generate` then throws `configurationError`. */
  private readonly client: Anthropic | null;
  private readonly configurationError: string | null;

  constructor(
    @inject(TOKENS.ProjectSettings) settings: ProjectSettings,
    @inject(TOKENS.Environment) environment: NodeJS.ProcessEnv,
  ) {
    const { provider } = settings;
    this.modelId = provider.model;
    this.structuredOutput = resolveAnthropicStructuredOutput(provider);
    this.acceptsImages = resolveAnthropicImageInput(provider);
    this.timeoutMs = provider.timeoutMs;

    const apiKey = nonEmpty(provider.apiKey) ?? nonEmpty(environment.ANTHROPIC_API_KEY);
    this.baseURL = nonEmpty(provider.baseUrl) ?? nonEmpty(environment.ANTHROPIC_BASE_URL) ?? ANTHROPIC_BASE_URL;
    this.secrets = apiKey ? [apiKey] : [];
    ({ options: this.providerOptions, warnings: this.warnings } = convertAnthropicProviderOptions(provider.options));

    this.configurationError = !URL.canParse(this.baseURL)
      ? 'provider.baseUrl (or ANTHROPIC_BASE_URL) is not a valid URL'
      : !apiKey && isAnthropicHost(this.baseURL)
        ? 'ANTHROPIC_API_KEY is not set: set it in the environment, or provider.apiKey in the project settings'
        : null;

    this.client = this.configurationError
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

  async generate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    if (!this.client) {
      throw new ProviderCallError(this.configurationError ?? 'the Anthropic client is not configured', {
        provider: this.provider,
      });
    }
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
