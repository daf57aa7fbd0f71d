import type { LanguageModelWarning } from '../../core/spec/language-model';
import { convertOpenAIProviderOptions, type OpenAIProviderOptions } from '../shared/convert-openai-provider-options';
import { ownProperty } from '../../core/shared/own-property';
import { isRecord } from '../../core/shared/is-record';

/** Body fields prelabel sets itself, from the messages and the other provider settings. */
const RESERVED_BODY_FIELDS: Readonly<Record<string, string>> = {
  model: 'provider.model',
  messages: 'the prompt',
  response_format: 'provider.structured_output',
  temperature: 'provider.temperature',
  max_tokens: 'provider.max_output_tokens',
  max_completion_tokens: 'provider.max_output_tokens',
  stream: 'prelabel (it does not stream)',
  n: 'prelabel (one answer per call)',
};

function readExtraBody(value: unknown): { extraBody: Record<string, unknown>; warnings: LanguageModelWarning[] } {
  if (value === undefined) return { extraBody: {}, warnings: [] };
  if (!isRecord(value)) {
    return {
      extraBody: {},
      warnings: [
        {
          type: 'unsupported-setting',
          setting: 'provider.options.extra_body',
          message: 'provider.options.extra_body must be a mapping of request body fields, so it was not sent',
        },
      ],
    };
  }
  const extraBody: Record<string, unknown> = {};
  const warnings: LanguageModelWarning[] = [];
  for (const [name, fieldValue] of Object.entries(value)) {
    const setting = `provider.options.extra_body.${name}`;
    const owner = ownProperty(RESERVED_BODY_FIELDS, name) as string | undefined;
    // defineProperty keeps a field named `__proto__` a body field instead of the object's prototype.
    if (owner === undefined) Object.defineProperty(extraBody, name, { value: fieldValue, enumerable: true, writable: true, configurable: true });
    else warnings.push({ type: 'unsupported-setting', setting, message: `${setting} is set by ${owner}, so it was not sent` });
  }
  return { extraBody, warnings };
}

/**
 * `provider.options` → the OpenAI parameters we pass through (seed, top_p, …) and `extra_body`: server-specific body
 * fields sent as they are (vLLM's `top_k` or `chat_template_kwargs`, OpenRouter's `provider`). Anything else is
 * reported as a warning and not sent.
 */
export function convertOpenAICompatibleProviderOptions(options: Record<string, unknown>): {
  options: OpenAIProviderOptions;
  extraBody: Record<string, unknown>;
  warnings: LanguageModelWarning[];
} {
  const converted = convertOpenAIProviderOptions(options, {
    description: 'an option prelabel passes to OpenAI-compatible servers',
    adapterOptionNames: ['extra_body'],
    hint: 'server-specific fields go in provider.options.extra_body',
  });
  const { extraBody, warnings } = readExtraBody(options.extra_body);
  return { options: converted.options, extraBody, warnings: [...converted.warnings, ...warnings] };
}
