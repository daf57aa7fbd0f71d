import { extractJsonObject, findClosingBrace, MAX_SCAN_STARTS, parseJsonText } from './extract-json-object';
import { findCodeFences, unwrapCodeFence } from './find-code-fences';
import { locateJsonObjectNode } from './scan-json-positions';

describe('extractJsonObject', () => {
  it.each<[string, string]>([
    ['the whole text', ' {"a": 1} '],
    ['a fence with a language tag', 'Here it is:\n```json\n{"a": 1}\n```\nDone.'],
    ['a fence without a language tag', '```\n{"a": 1}\n```'],
    ['a fence on one line', '```{"a": 1}```'],
    ['prose before and after', 'I think {"a": 1} is right, {"b": 2} too.'],
  ])('reads the object from %s', (_case, text) => {
    expect(extractJsonObject(text)).toEqual({ a: 1 });
  });

  it('prefers a fenced object to an earlier one in prose', () => {
    expect(extractJsonObject('Not {"a": 0} this.\n```json\n{"a": 1}\n```')).toEqual({ a: 1 });
  });

  it('minds braces and escaped quotes inside strings', () => {
    expect(extractJsonObject('Answer: {"text": "a } and a \\" and a {", "n": {"m": 2}} end')).toEqual({
      text: 'a } and a " and a {',
      n: { m: 2 },
    });
  });

  it('skips balanced text that is not JSON and finds the next object', () => {
    expect(extractJsonObject('{not json} then {"a": 1}')).toEqual({ a: 1 });
  });

  it('returns undefined for arrays, scalars and text without an object', () => {
    expect(extractJsonObject('[1, 2]')).toBeUndefined();
    expect(extractJsonObject('"text"')).toBeUndefined();
    expect(extractJsonObject('no json here')).toBeUndefined();
    expect(extractJsonObject('{"unclosed": 1')).toBeUndefined();
  });

  it(`gives up after ${MAX_SCAN_STARTS} opening braces`, () => {
    const unclosed = '{'.repeat(MAX_SCAN_STARTS);
    expect(extractJsonObject(`${unclosed} {"a": 1}`)).toBeUndefined();
    expect(extractJsonObject(`${'{'.repeat(MAX_SCAN_STARTS - 1)} {"a": 1}`)).toEqual({ a: 1 });
  });
});

describe('findClosingBrace', () => {
  it('finds the matching brace, and none past the bound', () => {
    const text = '{"a": {"b": "}"}} tail';
    expect(findClosingBrace(text, 0)).toBe(16);
    expect(findClosingBrace(text, 0, 16)).toBe(-1);
  });
});

describe('locateJsonObjectNode', () => {
  it('finds the same object as extractJsonObject, with its position in the text', () => {
    const text = 'Sure.\n```json\n{"label": "positive"}\n```';
    const node = locateJsonObjectNode(text);
    expect(node && text.slice(node.start, node.end)).toBe('{"label": "positive"}');
    expect(node?.members.map((member) => member.key)).toEqual(['label']);
  });

  it('returns undefined, never throws, for values nested deeper than the call stack allows', () => {
    expect(locateJsonObjectNode(`{"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`)).toBeUndefined();
  });

  it('returns undefined where extractJsonObject does', () => {
    expect(locateJsonObjectNode('[1]')).toBeUndefined();
    expect(locateJsonObjectNode(`${'{'.repeat(MAX_SCAN_STARTS)} {"a": 1}`)).toBeUndefined();
  });
});

describe('parseJsonText', () => {
  it('reads any JSON value, alone or as the whole contents of one fence', () => {
    expect(parseJsonText(' [1, 2] ')).toEqual([1, 2]);
    expect(parseJsonText('```json\n[{"label": "PER"}]\n```')).toEqual([{ label: 'PER' }]);
    expect(parseJsonText('```\n"text"\n```')).toBe('text');
  });

  it('does not look for JSON amid prose', () => {
    expect(parseJsonText('Here: [1, 2]')).toBeUndefined();
    expect(parseJsonText('Here:\n```json\n[1]\n```')).toBeUndefined();
  });
});

describe('code fences', () => {
  it('finds the contents of each fence in order', () => {
    const text = 'a ```json\n{"x": 1}``` b ```\n[2]\n```';
    expect(findCodeFences(text).map(([start, end]) => text.slice(start, end))).toEqual(['{"x": 1}', '[2]\n']);
  });

  it('unwraps a text that is one fence and leaves other text trimmed', () => {
    expect(unwrapCodeFence('  ```json\n[1]\n```  ')).toBe('[1]\n');
    expect(unwrapCodeFence('  plain  ')).toBe('plain');
  });
});
