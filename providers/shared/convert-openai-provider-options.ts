import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { LanguageModelWarning } from '../../core/spec/language-model';

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

export const OPENAI_PROVIDER_OPTION_NAMES = Object.keys(EXPECTED_TYPES) as readonly OpenAIProviderOptionName[];

function isKnownOption(name: string): name is OpenAIProviderOptionName {
  return Object.hasOwn(EXPECTED_TYPES, name);
}

/** Which options an adapter knows, for the warning about the others. */
export interface ProviderOptionsVocabulary {
  /** How the warning names the options, e.g. `an OpenAI option prelabel passes on`. */
  description: string;
  /** Options the adapter reads itself: skipped here, listed as known. */
  adapterOptionNames: readonly string[];
  /** Added to the warning about an unknown option. */
  hint?: string;
}

const OPENAI_VOCABULARY: ProviderOptionsVocabulary = { description: 'an OpenAI option prelabel passes on', adapterOptionNames: [] };

/**
 * `provider.options` from project settings → the Chat Completions parameters we pass through. Anything else, except
 * the adapter's own options, is reported as a warning and not sent.
 */
export function convertOpenAIProviderOptions(
  options: Record<string, unknown>,
  vocabulary: ProviderOptionsVocabulary = OPENAI_VOCABULARY,
): {
  options: OpenAIProviderOptions;
  warnings: LanguageModelWarning[];
} {
  const converted: Record<string, unknown> = {};
  const warnings: LanguageModelWarning[] = [];
  const knownNames = [...vocabulary.adapterOptionNames, ...OPENAI_PROVIDER_OPTION_NAMES].join(', ');
  for (const [name, value] of Object.entries(options)) {
    if (vocabulary.adapterOptionNames.includes(name)) continue;
    const setting = `provider.options.${name}`;
    if (!isKnownOption(name)) {
      warnings.push({
        type: 'unsupported-setting',
        setting,
        message: `${setting} is not ${vocabulary.description}, so it was not sent (known: ${knownNames})${vocabulary.hint ? `; ${vocabulary.hint}` : ''}`,
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
