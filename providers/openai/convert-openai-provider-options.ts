import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { LanguageModelWarning } from '../../core/language-model';

type OpenAIProviderOptionName = 'seed' | 'top_p' | 'presence_penalty' | 'frequency_penalty' | 'user' | 'logprobs' | 'top_logprobs';

export type OpenAIProviderOptions = Pick<ChatCompletionCreateParamsNonStreaming, OpenAIProviderOptionName>;

const EXPECTED_TYPES: Record<OpenAIProviderOptionName, 'number' | 'string' | 'boolean'> = {
  seed: 'number',
  top_p: 'number',
  presence_penalty: 'number',
  frequency_penalty: 'number',
  user: 'string',
  logprobs: 'boolean',
  top_logprobs: 'number',
};

function isKnownOption(name: string): name is OpenAIProviderOptionName {
  return Object.hasOwn(EXPECTED_TYPES, name);
}

/**
 * `provider.options` from project settings → the Chat Completions parameters we pass through. Anything else is
 * reported as a warning and not sent.
 */
export function convertOpenAIProviderOptions(options: Record<string, unknown>): {
  options: OpenAIProviderOptions;
  warnings: LanguageModelWarning[];
} {
  const converted: Record<string, unknown> = {};
  const warnings: LanguageModelWarning[] = [];
  for (const [name, value] of Object.entries(options)) {
    const setting = `provider.options.${name}`;
    if (!isKnownOption(name)) {
      warnings.push({
        type: 'unsupported-setting',
        setting,
        message: `${setting} is not an OpenAI option prelabel passes on, so it was not sent (known: ${Object.keys(EXPECTED_TYPES).join(', ')})`,
      });
    } else if (typeof value !== EXPECTED_TYPES[name]) {
      warnings.push({
        type: 'unsupported-setting',
        setting,
        message: `${setting} must be a ${EXPECTED_TYPES[name]}, so it was not sent`,
      });
    } else {
      converted[name] = value;
    }
  }
  return { options: converted as OpenAIProviderOptions, warnings };
}
