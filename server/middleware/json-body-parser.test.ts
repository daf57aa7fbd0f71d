import { MAX_JSON_DEPTH, parseByteSize, parseJsonBody } from './json-body-parser';

describe('parseByteSize', () => {
  it.each([
    ['100mb', 100 * 1024 * 1024],
    ['512kb', 512 * 1024],
    ['1048576', 1048576],
    [' 2 GB ', 2 * 1024 ** 3],
    ['1.5mb', 1.5 * 1024 * 1024],
  ])('reads %j', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it.each(['', 'lots', '-1mb', '10 tb'])('refuses %j, naming the setting', (text) => {
    expect(() => parseByteSize(text)).toThrow(expect.objectContaining({ code: 'PROJECT_CONFIG_INVALID', message: expect.stringContaining('PRELABEL_BODY_LIMIT') }));
  });
});

describe('parseJsonBody', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('reads objects and arrays, and an empty body as {}', () => {
    expect(parseJsonBody('{"a": [1, {"b": null}]}')).toEqual({ a: [1, { b: null }] });
    expect(parseJsonBody(' [1]')).toEqual([1]);
    expect(parseJsonBody('')).toEqual({});
  });

  it.each(['"text"', '42', 'null', '{"a":', '{a: 1}'])('refuses %j with a 400 error', (text) => {
    expect(() => parseJsonBody(text)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID', message: expect.stringContaining('not valid JSON') }));
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more, at any depth without overflowing`, () => {
    expect(() => parseJsonBody(nested(MAX_JSON_DEPTH))).not.toThrow();
    for (const depth of [MAX_JSON_DEPTH + 1, 1_000_000]) {
      expect(() => parseJsonBody(nested(depth))).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID', message: expect.stringContaining('deeper than 100 levels') }));
    }
  });

  it('refuses a __proto__ key anywhere, however it is escaped', () => {
    for (const text of ['{"__proto__": {"polluted": true}}', '{"a": [{"\\u005f_proto__": 1}]}']) {
      expect(() => parseJsonBody(text)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID', message: expect.stringContaining('__proto__') }));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
