import { choicesTask } from '../../tasks/choices/choices-task';
import { extractJsonObject, JsonResponseParser } from './json-response-parser';
import type { ControlOption, ControlTag, ObjectTag } from '../spec/label-config';
import type { ControlAnswer, PromptTarget } from '../spec/stages';

function createOption(value: string): ControlOption {
  return { value, resultValue: value, attributes: {}, children: [] };
}

const text: ObjectTag = { type: 'Text', name: 'text', value: '$text', dataField: 'text', attributes: {} };

function createTarget(name: string, labels: string[], choice: ControlTag['choice'] = 'single'): PromptTarget {
  const control: ControlTag = {
    type: 'Choices',
    name,
    toName: ['text'],
    choice,
    required: false,
    options: labels.map(createOption),
    dynamicOptions: false,
    perRegion: false,
    attributes: {},
  };
  return { control, objects: [text], task: choicesTask };
}

const sentiment = createTarget('sentiment', ['Positive', 'Negative', 'Neutral']);
const topics = createTarget('topics', ['Sports', 'Politics', 'Science'], 'multiple');

function parse(text: string, targets: PromptTarget[]): Record<string, ControlAnswer> {
  return Object.fromEntries(new JsonResponseParser().parse({ text, targets, format: 'text' }).answers);
}

function answered(value: unknown): ControlAnswer {
  return { status: 'answered', value };
}

function abstained(reason: string | RegExp): ControlAnswer {
  return { status: 'abstained', reason: typeof reason === 'string' ? reason : (expect.stringMatching(reason) as string) };
}

/** An abstention because the answer broke the format: worth a repair call. */
function invalid(reason: string | RegExp): ControlAnswer {
  return { ...abstained(reason), invalid: true } as ControlAnswer;
}

describe('JsonResponseParser', () => {
  test.each<[string, string, PromptTarget[], Record<string, ControlAnswer>]>([
    ['plain JSON', '{"sentiment": "Positive"}', [sentiment], { sentiment: answered(['Positive']) }],
    [
      'two controls',
      '{"sentiment": "Negative", "topics": ["Science", "Sports"]}',
      [sentiment, topics],
      { sentiment: answered(['Negative']), topics: answered(['Sports', 'Science']) },
    ],
    ['code fence', '```json\n{"sentiment": "Neutral"}\n```', [sentiment], { sentiment: answered(['Neutral']) }],
    ['code fence without language', '```\n{"sentiment": "Neutral"}\n```', [sentiment], { sentiment: answered(['Neutral']) }],
    [
      'prose around the object',
      'Sure! Here is my answer:\n{"sentiment": "Positive"}\nLet me know if you need more.',
      [sentiment],
      { sentiment: answered(['Positive']) },
    ],
    [
      'braces inside strings',
      'Answer: {"note": "a } and a { and \\" quote", "sentiment": "Negative"} done }',
      [sentiment],
      { sentiment: answered(['Negative']) },
    ],
    [
      'non-JSON braces in prose before the object',
      'Format {sentiment} as asked. {"sentiment": "Positive"}',
      [sentiment],
      { sentiment: answered(['Positive']) },
    ],
    [
      'an unclosed brace before the object',
      'Use { to open. {"sentiment": "Positive"}',
      [sentiment],
      { sentiment: answered(['Positive']) },
    ],
    [
      'the fenced object over an example in prose',
      'Like {"sentiment": "Neutral"}, but:\n```json\n{"sentiment": "Negative"}\n```',
      [sentiment],
      { sentiment: answered(['Negative']) },
    ],
    ['the first of two objects', '{"sentiment": "Negative"} {"sentiment": "Positive"}', [sentiment], { sentiment: answered(['Negative']) }],
    ['key in another case', '{"Sentiment": "Positive"}', [sentiment], { sentiment: answered(['Positive']) }],
    ['null answer', '{"sentiment": null}', [sentiment], { sentiment: abstained('no answer') }],
    ['empty list', '{"topics": []}', [topics], { topics: abstained('no answer') }],
    ['missing key', '{"topics": ["Sports"]}', [sentiment, topics], { sentiment: invalid('no answer for this control'), topics: answered(['Sports']) }],
    ['label not in the config', '{"sentiment": "Angry"}', [sentiment], { sentiment: invalid(/"Angry" is not a label/) }],
    ['trailing comma is not repaired', '{"sentiment": "Positive",}', [sentiment, topics], { sentiment: invalid('answer is not JSON'), topics: invalid('answer is not JSON') }],
    ['plain text, one control', 'Positive', [sentiment], { sentiment: answered(['Positive']) }],
    ['plain text, seed prompt lines', '1. Sports\n2. Science\n', [topics], { topics: answered(['Sports', 'Science']) }],
    ['plain text with a prefix', 'Category: Negative', [sentiment], { sentiment: answered(['Negative']) }],
    ['plain text, several controls', 'Positive', [sentiment, topics], { sentiment: invalid('answer is not JSON'), topics: invalid('answer is not JSON') }],
    ['empty text', '', [sentiment], { sentiment: abstained('no answer') }],
    ['a JSON list at the root, one control', '["Sports", "Politics"]', [topics], { topics: answered(['Sports', 'Politics']) }],
    ['no targets', '{"sentiment": "Positive"}', [], {}],
  ])('%s', (_case, text, targets, answers) => {
    expect(parse(text, targets)).toEqual(answers);
  });

  test.each(['Positive', 'I would say {"sentiment": Positive', ''])('reports %j unparseable when JSON was asked for', (text) => {
    const parsed = new JsonResponseParser().parse({ text, targets: [sentiment], format: 'json' });
    expect(parsed.unparseable).toMatch(/no JSON object/);
    expect(parsed.answers.get('sentiment')).toEqual(invalid('answer is not JSON'));
  });

  test('reads only own keys, never inherited ones', () => {
    const targets = [createTarget('constructor', ['Positive']), createTarget('__proto__', ['Positive'])];
    const parser = new JsonResponseParser();
    const missing = parser.parse({ text: '{"other": 1}', targets, format: 'json' }).answers;
    expect(missing.get('constructor')).toEqual(invalid('no answer for this control'));
    expect(missing.get('__proto__')).toEqual(invalid('no answer for this control'));
    const present = parser.parse({ text: '{"__proto__": "Positive", "constructor": "Positive"}', targets, format: 'json' }).answers;
    expect(present.get('constructor')).toEqual(answered(['Positive']));
    expect(present.get('__proto__')).toEqual(answered(['Positive']));
  });

  test('turns a throwing task into an abstention', () => {
    const throwing: PromptTarget = {
      ...sentiment,
      task: {
        ...choicesTask,
        parse: () => {
          throw new Error('boom');
        },
      },
    };
    expect(parse('{"sentiment": "Positive"}', [throwing])).toEqual({ sentiment: invalid(/could not parse the answer: Error: boom/) });
  });

  test('stays fast on many unclosed braces', () => {
    const started = Date.now();
    expect(parse('{'.repeat(200_000), [sentiment, topics]).sentiment).toEqual(invalid('answer is not JSON'));
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('extractJsonObject', () => {
  test.each<[string, string, Record<string, unknown> | undefined]>([
    ['whole text', ' {"a": 1} ', { a: 1 }],
    ['nested object', 'x {"a": {"b": [1, {"c": "}"}]}} y', { a: { b: [1, { c: '}' }] } }],
    ['escaped backslash before a quote', '{"a": "c:\\\\"} tail', { a: 'c:\\' }],
    ['a list is not an object', '[1, 2]', undefined],
    ['a string is not an object', '"text"', undefined],
    ['single quotes are not JSON', "{'a': 1}", undefined],
    ['no braces', 'just words', undefined],
    ['unclosed fence', '```json\n{"a": 1}', { a: 1 }],
  ])('%s', (_case, text, object) => {
    expect(extractJsonObject(text)).toEqual(object);
  });
});
