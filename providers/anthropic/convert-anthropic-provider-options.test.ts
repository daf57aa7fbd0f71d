import { convertAnthropicProviderOptions } from './convert-anthropic-provider-options';

describe('convertAnthropicProviderOptions', () => {
  it('passes the known options through', () => {
    const options = { stop_sequences: ['###'], metadata: { user_id: 'labeler-1' }, service_tier: 'standard_only', inference_geo: 'us' };

    expect(convertAnthropicProviderOptions(options)).toEqual({ options, warnings: [] });
  });

  it.each<[string, unknown, RegExp]>([
    ['seed', 7, /^provider\.options\.seed was not sent: the Anthropic Messages API has no seed$/],
    ['temperature', 0.2, /takes no sampling parameters/],
    ['top_p', 0.9, /takes no sampling parameters/],
    ['top_k', 40, /takes no sampling parameters/],
    ['frequency_penalty', 0.1, /has no frequency penalty/],
    ['reasoning', 'high', /is not an Anthropic option prelabel passes on \(known: stop_sequences, metadata, service_tier, inference_geo\)/],
    ['constructor', 1, /is not an Anthropic option prelabel passes on/],
    ['toString', 1, /is not an Anthropic option prelabel passes on/],
    ['stop_sequences', '###', /must be a string array/],
    ['stop_sequences', ['###', 3], /must be a string array/],
    ['metadata', ['labeler-1'], /must be a object/],
    ['service_tier', 1, /must be a string/],
  ])('warns about %s = %j and does not send it', (name, value, message) => {
    const { options, warnings } = convertAnthropicProviderOptions({ [name]: value });

    expect(options).toEqual({});
    expect(warnings).toEqual([{ type: 'unsupported-setting', setting: `provider.options.${name}`, message: expect.stringMatching(message) }]);
  });
});
