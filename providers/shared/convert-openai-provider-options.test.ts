import type { LanguageModelWarning } from '../../core/spec/language-model';
import { convertOpenAIProviderOptions, type ProviderOptionsVocabulary } from './convert-openai-provider-options';

const KNOWN = 'seed, top_p, presence_penalty, frequency_penalty, user, logprobs, top_logprobs';

const COMPATIBLE_VOCABULARY: ProviderOptionsVocabulary = {
  description: 'an option prelabel passes to OpenAI-compatible servers',
  adapterOptionNames: ['extra_body'],
  hint: 'server-specific fields go in provider.options.extra_body',
};

describe('convertOpenAIProviderOptions', () => {
  it.each<[string, Record<string, unknown>, ProviderOptionsVocabulary | undefined, Record<string, unknown>, LanguageModelWarning[]]>([
    ['no options', {}, undefined, {}, []],
    [
      'every known option',
      { seed: 7, top_p: 0.5, presence_penalty: 0.1, frequency_penalty: 0.2, user: 'labeler-1', logprobs: true, top_logprobs: 2 },
      undefined,
      { seed: 7, top_p: 0.5, presence_penalty: 0.1, frequency_penalty: 0.2, user: 'labeler-1', logprobs: true, top_logprobs: 2 },
      [],
    ],
    [
      'an unknown option',
      { top_k: 40 },
      undefined,
      {},
      [
        {
          type: 'unsupported-setting',
          setting: 'provider.options.top_k',
          message: `provider.options.top_k is not an OpenAI option prelabel passes on, so it was not sent (known: ${KNOWN})`,
        },
      ],
    ],
    [
      'an option of the wrong type',
      { seed: 'seven', user: 'labeler-1' },
      undefined,
      { user: 'labeler-1' },
      [{ type: 'unsupported-setting', setting: 'provider.options.seed', message: 'provider.options.seed must be a number, so it was not sent' }],
    ],
    [
      "the adapter's own options and an unknown one, with a hint",
      { extra_body: { top_k: 40 }, top_k: 40, seed: 1 },
      COMPATIBLE_VOCABULARY,
      { seed: 1 },
      [
        {
          type: 'unsupported-setting',
          setting: 'provider.options.top_k',
          message: `provider.options.top_k is not an option prelabel passes to OpenAI-compatible servers, so it was not sent (known: extra_body, ${KNOWN}); server-specific fields go in provider.options.extra_body`,
        },
      ],
    ],
  ])('converts %s', (_case, options, vocabulary, expectedOptions, expectedWarnings) => {
    expect(convertOpenAIProviderOptions(options, vocabulary)).toEqual({ options: expectedOptions, warnings: expectedWarnings });
  });
});
