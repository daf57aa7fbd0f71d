import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { LanguageModelWarning } from '../../core/spec/language-model';
import { ownProperty } from '../../core/shared/own-property';

type AnthropicProviderOptionName = 'stop_sequences' | 'metadata' | 'service_tier' | 'inference_geo';

export type AnthropicProviderOptions = Pick<MessageCreateParamsNonStreaming, AnthropicProviderOptionName>;

type ExpectedType = 'string' | 'string array' | 'object';

const EXPECTED_TYPES: Record<AnthropicProviderOptionName, ExpectedType> = {
  stop_sequences: 'string array',
  metadata: 'object',
  service_tier: 'string',
  inference_geo: 'string',
};

const NO_SAMPLING_PARAMETERS = 'the Anthropic Messages API (version 2026-10-21) takes no sampling parameters';

/** Options other providers have and the Messages API does not, with what to do instead. */
const OPTIONS_ANTHROPIC_LACKS: Record<string, string> = {
  seed: 'the Anthropic Messages API has no seed',
  temperature: NO_SAMPLING_PARAMETERS,
  top_p: NO_SAMPLING_PARAMETERS,
  top_k: NO_SAMPLING_PARAMETERS,
  presence_penalty: 'the Anthropic Messages API has no presence penalty',
  frequency_penalty: 'the Anthropic Messages API has no frequency penalty',
};

function isKnownOption(name: string): name is AnthropicProviderOptionName {
  return Object.hasOwn(EXPECTED_TYPES, name);
}

function hasType(value: unknown, type: ExpectedType): boolean {
  switch (type) {
    case 'string array':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

/**
 * `provider.options` from project settings → the Messages API parameters we pass through. Anything else (`seed`, for
 * one) is reported as a warning and not sent.
 */
export function convertAnthropicProviderOptions(options: Record<string, unknown>): {
  options: AnthropicProviderOptions;
  warnings: LanguageModelWarning[];
} {
  const converted: Record<string, unknown> = {};
  const warnings: LanguageModelWarning[] = [];
  for (const [name, value] of Object.entries(options)) {
    const setting = `provider.options.${name}`;
    if (!isKnownOption(name)) {
      const reason = (ownProperty(OPTIONS_ANTHROPIC_LACKS, name) as string | undefined) ?? `it is not an Anthropic option prelabel passes on (known: ${Object.keys(EXPECTED_TYPES).join(', ')})`;
      warnings.push({ type: 'unsupported-setting', setting, message: `${setting} was not sent: ${reason}` });
    } else if (!hasType(value, EXPECTED_TYPES[name])) {
      warnings.push({ type: 'unsupported-setting', setting, message: `${setting} must be a ${EXPECTED_TYPES[name]}, so it was not sent` });
    } else {
      converted[name] = value;
    }
  }
  return { options: converted as AnthropicProviderOptions, warnings };
}
