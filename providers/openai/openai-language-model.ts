import { inject, injectable } from 'tsyringe';
import { ProviderCallError } from '../../core/errors';
import type { LanguageModel, LanguageModelCallOptions, LanguageModelResult, ModelAccess, StructuredOutputMode } from '../../core/spec/language-model';
import type { ProjectSettings, ProviderSettings } from '../../core/spec/project-settings';
import type { ProviderSettingsContext, ProviderSettingsProblem } from '../../core/spec/provider-settings-check';
import { TOKENS } from '../../core/tokens';
import { convertOpenAIProviderOptions } from '../shared/convert-openai-provider-options';
import { checkOpenAIModelAccess, type OpenAIModelAccessTarget } from '../shared/check-openai-model-access';
import { createAccessCheckKey } from '../shared/create-access-check-key';
import { createOpenAIClient } from '../shared/create-openai-client';
import { describeModelSetting, describeSettingsFile } from '../shared/describe-settings-file';
import { generateChatCompletion, type ChatCompletionTarget } from '../shared/generate-chat-completion';
import { denyAccessFor } from '../shared/deny-access-for';
import { nonEmpty } from '../shared/non-empty';
import { resolveProviderEndpoint, type ProviderEndpointSource } from '../shared/resolve-provider-endpoint';
import { resolveOpenAIImageInput } from '../shared/resolve-openai-image-input';
import { resolveOpenAIStructuredOutput } from '../shared/resolve-openai-structured-output';
import { supportsOpenAILogprobs } from '../shared/supports-openai-logprobs';
import { OPENAI_PROVIDER } from './openai-provider-name';

export { OPENAI_PROVIDER } from './openai-provider-name';

const NOT_CONFIGURED: ProviderSettingsProblem = { field: '', code: 'PROJECT_CONFIG_INVALID', message: 'the OpenAI client is not configured' };

const OPENAI_ENDPOINT: ProviderEndpointSource = {
  keyVariable: 'OPENAI_API_KEY',
  baseUrlVariable: 'OPENAI_BASE_URL',
  defaultBaseUrl: 'https://api.openai.com/v1',
  keyRequiredHost: 'api.openai.com',
};

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

  /** Null when the settings cannot work; `generate` then throws the first of `problems`. */
  private readonly target: ChatCompletionTarget | null;
  private readonly problems: ProviderSettingsProblem[];
  private readonly accessTarget: OpenAIModelAccessTarget | null;

  /** A key, when api.openai.com is the server, and a base URL that is a URL; checked when a project file loads. */
  static checkSettings(provider: ProviderSettings, context: ProviderSettingsContext): ProviderSettingsProblem[] {
    return resolveProviderEndpoint(provider, context, OPENAI_ENDPOINT).problems;
  }

  constructor(
    @inject(TOKENS.ProjectSettings) settings: ProjectSettings,
    @inject(TOKENS.Environment) environment: NodeJS.ProcessEnv,
  ) {
    const { provider } = settings;
    this.modelId = provider.model;
    this.structuredOutput = resolveOpenAIStructuredOutput(provider);
    this.acceptsImages = resolveOpenAIImageInput(provider);
    this.returnsLogprobs = supportsOpenAILogprobs(provider.model);

    const endpoint = resolveProviderEndpoint(provider, { environment, sourceFile: settings.sourceFile }, OPENAI_ENDPOINT);
    const { apiKey, problems } = endpoint;
    const baseURL = endpoint.baseURL ?? '';
    this.problems = problems;
    const { options: providerOptions, warnings } = convertOpenAIProviderOptions(provider.options);

    const settingsFile = describeSettingsFile(settings.sourceFile);
    const keySetting = `OPENAI_API_KEY in the environment of prelabel, or provider.api_key: \${VAR} in ${settingsFile}`;
    this.accessCheckKey = createAccessCheckKey({ provider: this.provider, baseURL, apiKey, modelId: this.modelId });

    this.target =
      problems.length > 0
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
    if (!this.accessTarget) return denyAccessFor(this.problems[0] ?? NOT_CONFIGURED, this.provider);
    return checkOpenAIModelAccess(this.accessTarget, signal);
  }

  async generate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    if (!this.target) {
      throw new ProviderCallError((this.problems[0] ?? NOT_CONFIGURED).message, { provider: this.provider });
    }
    return generateChatCompletion(this.target, options);
  }
}
