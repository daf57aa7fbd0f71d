import { convertOpenAICompatibleProviderOptions } from './convert-openai-compatible-provider-options';

describe('convertOpenAICompatibleProviderOptions: extra_body', () => {
  it('passes fields named like Object.prototype members as body fields', () => {
    const extraBody = JSON.parse('{"constructor": 1, "toString": "x", "__proto__": {"polluted": true}, "top_k": 40}') as Record<string, unknown>;
    const converted = convertOpenAICompatibleProviderOptions({ extra_body: extraBody });
    expect(converted.warnings).toEqual([]);
    expect(Object.getPrototypeOf(converted.extraBody)).toBe(Object.prototype);
    expect(Object.keys(converted.extraBody)).toEqual(['constructor', 'toString', '__proto__', 'top_k']);
    expect(JSON.parse(JSON.stringify(converted.extraBody))).toEqual(extraBody);
    expect((converted.extraBody as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('still refuses the fields prelabel sets', () => {
    const converted = convertOpenAICompatibleProviderOptions({ extra_body: { model: 'other' } });
    expect(converted.extraBody).toEqual({});
    expect(converted.warnings).toEqual([expect.objectContaining({ setting: 'provider.options.extra_body.model' })]);
  });
});
