import OpenAI from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
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
import { convertOpenAIProviderOptions, type OpenAIProviderOptions } from './convert-openai-provider-options';
import { convertToOpenAIRequest } from './convert-to-openai-request';
import { mapOpenAIError } from './map-openai-error';
import { mapOpenAIFinishReason } from './map-openai-finish-reason';
import { OPENAI_PROVIDER } from './openai-provider-name';
import { resolveOpenAIImageInput } from './resolve-openai-image-input';
import { resolveOpenAIStructuredOutput } from './resolve-openai-structured-output';

export { OPENAI_PROVIDER } from './openai-provider-name';

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * The SDK refuses to build a client without a key. Servers such as Ollama or vLLM need none, so the client gets this
 * placeholder and the Authorization header is removed from every request.
 */
const PLACEHOLDER_API_KEY = 'no-api-key';

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}

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

  private readonly baseURL: string;
  private readonly timeoutMs: number;
  private readonly secrets: string[];
  private readonly providerOptions: OpenAIProviderOptions;
  private readonly warnings: LanguageModelWarning[];
  /** Null when the settings cannot work; `generate` then throws `configurationError`. */
  private readonly client: OpenAI | null;
  private readonly configurationError: string | null;

  constructor(
    @inject(TOKENS.ProjectSettings) settings: ProjectSettings,
    @inject(TOKENS.Environment) environment: NodeJS.ProcessEnv,
  ) {
    const { provider } = settings;
    this.modelId = provider.model;
    this.structuredOutput = resolveOpenAIStructuredOutput(provider);
    this.acceptsImages = resolveOpenAIImageInput(provider);
    this.timeoutMs = provider.timeoutMs;

    const apiKey = nonEmpty(provider.apiKey) ?? nonEmpty(environment.OPENAI_API_KEY);
    const customBaseURL = nonEmpty(provider.baseUrl) ?? nonEmpty(environment.OPENAI_BASE_URL);
    this.baseURL = customBaseURL ?? OPENAI_BASE_URL;
    this.secrets = apiKey ? [apiKey] : [];
    ({ options: this.providerOptions, warnings: this.warnings } = convertOpenAIProviderOptions(provider.options));

    this.configurationError = !URL.canParse(this.baseURL)
      ? 'provider.baseUrl (or OPENAI_BASE_URL) is not a valid URL'
      : !apiKey && isOpenAIHost(this.baseURL)
        ? 'OPENAI_API_KEY is not set: set it in the environment, or provider.apiKey in the project settings'
        : null;

    this.client = this.configurationError
      ? null
      : new OpenAI({
          apiKey: apiKey ?? PLACEHOLDER_API_KEY,
          baseURL: this.baseURL,
          maxRetries: 0,
          timeout: provider.timeoutMs,
          // Explicit values, so the SDK does not fall back to process.env.
          organization: nonEmpty(environment.OPENAI_ORG_ID) ?? null,
          project: nonEmpty(environment.OPENAI_PROJECT_ID) ?? null,
          adminAPIKey: null,
          webhookSecret: null,
          ...(!apiKey && { defaultHeaders: { Authorization: null } }),
        });
  }

  async generate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    if (!this.client) {
      throw new ProviderCallError(this.configurationError ?? 'the OpenAI client is not configured', {
        provider: this.provider,
      });
    }
    // The SDK's timeout ends when the headers arrive; this deadline also covers reading the body.
    const deadlineSignal = AbortSignal.timeout(this.timeoutMs);
    const { body, requestOptions } = convertToOpenAIRequest({
      modelId: this.modelId,
      callOptions: {
        ...options,
        abortSignal: options.abortSignal ? AbortSignal.any([options.abortSignal, deadlineSignal]) : deadlineSignal,
      },
      providerOptions: this.providerOptions,
    });

    const startedAt = Date.now();
    let completion: ChatCompletion;
    try {
      completion = await this.client.chat.completions.create(body, requestOptions);
    } catch (error) {
      throw mapOpenAIError(error, {
        abortSignal: options.abortSignal,
        deadlineSignal,
        timeoutMs: this.timeoutMs,
        elapsedMs: Date.now() - startedAt,
        baseURL: this.baseURL,
        secrets: this.secrets,
      });
    }

    const choice =
      typeof completion === 'object' && completion !== null && Array.isArray(completion.choices)
        ? completion.choices[0]
        : undefined;
    if (!choice?.message) {
      throw new ProviderCallError('the OpenAI API answered without a chat completion choice', {
        provider: this.provider,
        isRetryable: true,
      });
    }

    const refusal = choice.message.refusal;
    return {
      text: choice.message.content ?? '',
      finishReason: { unified: mapOpenAIFinishReason(choice.finish_reason), raw: choice.finish_reason ?? undefined },
      ...(refusal && { refusal }),
      usage: {
        inputTokens: completion.usage?.prompt_tokens ?? null,
        outputTokens: completion.usage?.completion_tokens ?? null,
      },
      warnings: [...this.warnings],
      responseModelId: completion.model,
    };
  }
}
