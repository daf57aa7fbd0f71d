import { inject, injectable } from 'tsyringe';
import { ProviderCallError } from '../../core/errors';
import type { LanguageModel, LanguageModelCallOptions, LanguageModelResult, ModelAccess, StructuredOutputMode } from '../../core/spec/language-model';
import type { ProjectSettings, ProviderSettings } from '../../core/spec/project-settings';
import type { ProviderSettingsContext, ProviderSettingsProblem } from '../../core/spec/provider-settings-check';
import { TOKENS } from '../../core/tokens';
import { checkOpenAIModelAccess, type OpenAIModelAccessTarget } from '../shared/check-openai-model-access';
import { createAccessCheckKey } from '../shared/create-access-check-key';
import { createOpenAIClient } from '../shared/create-openai-client';
import { describeModelSetting, describeSettingsFile } from '../shared/describe-settings-file';
import { generateChatCompletion, type ChatCompletionTarget } from '../shared/generate-chat-completion';
import { denyAccessFor } from '../shared/deny-access-for';
import { resolveProviderEndpoint, type ProviderEndpointSource } from '../shared/resolve-provider-endpoint';
import { convertOpenAICompatibleProviderOptions } from './convert-openai-compatible-provider-options';
import { OPENAI_COMPATIBLE_PROVIDER } from './openai-compatible-provider-name';
import { resolveOpenAICompatibleStructuredOutput } from './resolve-openai-compatible-structured-output';

export { OPENAI_COMPATIBLE_PROVIDER } from './openai-compatible-provider-name';

const NOT_CONFIGURED: ProviderSettingsProblem = { field: '', code: 'PROJECT_CONFIG_INVALID', message: 'the OpenAI-compatible client is not configured' };

/** Only `provider.base_url` and `provider.api_key`: never OPENAI_API_KEY, so an OpenAI key does not reach another server. */
const OPENAI_COMPATIBLE_ENDPOINT: ProviderEndpointSource = {
  httpOnly: true,
  baseUrlRequired:
    'provider.base_url is required for the openai-compatible provider: the Chat Completions base URL of the server, e.g. http://localhost:11434/v1 (Ollama) or http://localhost:8000/v1 (vLLM)',
};

/**
 * The `openai-compatible` provider: any server speaking OpenAI Chat Completions at `provider.base_url` (Ollama, vLLM,
 * llama.cpp, LM Studio, OpenRouter, Groq). The model id is sent as it is; the key is optional and only ever
 * `provider.api_key` (never OPENAI_API_KEY, so an OpenAI key does not reach another server); what the server supports
 * is declared, not guessed: `provider.structured_output` (`auto` = `json_object`) and `provider.accepts_images`
 * (default false). The token limit goes in `max_tokens`, the field every such server reads.
 */
@injectable()
export class OpenAICompatibleLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider = OPENAI_COMPATIBLE_PROVIDER;
  readonly modelId: string;
  readonly structuredOutput: StructuredOutputMode;
  readonly acceptsImages: boolean;
  /** Only when the YAML says the server returns them (`provider.options.logprobs: true`). */
  readonly returnsLogprobs: boolean;
  readonly accessCheckKey: string;

  /** Null when the settings cannot work; `generate` then throws the first of `problems`. */
  private readonly target: ChatCompletionTarget | null;
  private readonly problems: ProviderSettingsProblem[];
  private readonly accessTarget: OpenAIModelAccessTarget | null;

  /** An http(s) `provider.base_url`; the key is optional. Checked when a project file loads. */
  static checkSettings(provider: ProviderSettings, context: ProviderSettingsContext): ProviderSettingsProblem[] {
    return resolveProviderEndpoint(provider, context, OPENAI_COMPATIBLE_ENDPOINT).problems;
  }

  constructor(
    @inject(TOKENS.ProjectSettings) settings: ProjectSettings,
    @inject(TOKENS.Environment) environment: NodeJS.ProcessEnv,
  ) {
    const { provider } = settings;
    this.modelId = provider.model;
    this.structuredOutput = resolveOpenAICompatibleStructuredOutput(provider.structuredOutput);
    this.acceptsImages = provider.acceptsImages ?? false;
    this.returnsLogprobs = provider.options.logprobs === true;

    const { apiKey, baseURL, problems } = resolveProviderEndpoint(
      provider,
      { environment, sourceFile: settings.sourceFile },
      OPENAI_COMPATIBLE_ENDPOINT,
    );
    const { options: providerOptions, extraBody, warnings } = convertOpenAICompatibleProviderOptions(provider.options);
    this.problems = problems;

    this.target =
      problems.length > 0 || baseURL === undefined
        ? null
        : {
            client: createOpenAIClient({ apiKey, baseURL, timeoutMs: provider.timeoutMs }),
            provider: this.provider,
            apiName: 'the OpenAI-compatible server',
            baseURL,
            timeoutMs: provider.timeoutMs,
            secrets: apiKey ? [apiKey] : [],
            modelId: this.modelId,
            providerOptions,
            extraBody,
            maxTokensParameter: 'max_tokens',
            warnings,
          };
    const settingsFile = describeSettingsFile(settings.sourceFile);
    this.accessCheckKey = createAccessCheckKey({ provider: this.provider, baseURL: baseURL ?? '', apiKey, modelId: this.modelId });
    this.accessTarget = this.target && {
      ...this.target,
      keySetting: `provider.api_key: \${VAR} in ${settingsFile} (the key of the server at provider.base_url)`,
      modelSetting: describeModelSetting(settings.sourceFile),
      listFallback: true,
    };
  }

  /** Retrieves the model, or lists the server's models when it has no `GET /models/{id}` (vLLM, llama.cpp). */
  async checkAccess(signal: AbortSignal): Promise<ModelAccess> {
    if (!this.accessTarget) return denyAccessFor(this.problems[0] ?? NOT_CONFIGURED, this.provider);
    return checkOpenAIModelAccess(this.accessTarget, signal);
  }

  async generate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    if (!this.target) throw new ProviderCallError((this.problems[0] ?? NOT_CONFIGURED).message, { provider: this.provider });
    return generateChatCompletion(this.target, options);
  }
}
