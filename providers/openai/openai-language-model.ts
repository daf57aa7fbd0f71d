import { inject, injectable } from 'tsyringe';
import { ProviderCallError } from '../../core/errors';
import type { LanguageModel, LanguageModelCallOptions, LanguageModelResult, StructuredOutputMode } from '../../core/language-model';
import type { ProjectSettings } from '../../core/project-settings';
import { TOKENS } from '../../core/tokens';
import { convertOpenAIProviderOptions } from '../shared/convert-openai-provider-options';
import { createOpenAIClient } from '../shared/create-openai-client';
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

  /** Null when the settings cannot work; `generate` then throws `configurationError`. */
  private readonly target: ChatCompletionTarget | null;
  private readonly configurationError: string | null;

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

    this.configurationError = !URL.canParse(baseURL)
      ? 'provider.baseUrl (or OPENAI_BASE_URL) is not a valid URL'
      : !apiKey && isOpenAIHost(baseURL)
        ? 'OPENAI_API_KEY is not set: set it in the environment, or provider.apiKey in the project settings'
        : null;

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
