import { choicesTask } from '../../tasks/choices/choices-task';
import { validateChoicesResult } from '../../tasks/choices/validate-choices-result';
import type { ControlTask, ResultDraft } from '../spec/control-task';
import { JsonResponseParser } from './json-response-parser';
import type { ControlOption, ControlTag, ObjectTag } from '../spec/label-config';
import { createResultId, LabelStudioResultMapper } from './label-studio-result-mapper';
import type { ControlAnswer, MappedResults, PromptTarget } from '../spec/stages';

function createOption(value: string, alias?: string): ControlOption {
  return { value, ...(alias === undefined ? {} : { alias }), resultValue: alias ?? value, attributes: {}, children: [] };
}

function createObject(name: string): ObjectTag {
  return { type: 'Text', name, value: `$${name}`, dataField: name, attributes: {} };
}

function createTarget(name: string, options: ControlOption[], choice: ControlTag['choice'] = 'single', task: ControlTask = choicesTask): PromptTarget {
  const control: ControlTag = {
    type: 'Choices',
    name,
    toName: ['text'],
    choice,
    required: false,
    options,
    dynamicOptions: false,
    perRegion: false,
    attributes: {},
  };
  return { control, objects: [createObject('text')], task };
}

const sentiment = createTarget('sentiment', [createOption('Positive sentiment', 'POS'), createOption('Negative'), createOption('Neutral')]);
const topics = createTarget('topics', ['Sports', 'Politics', 'Science'].map((label) => createOption(label)), 'multiple');
const targets = [sentiment, topics];

function map(answers: Record<string, ControlAnswer>, mapTargets: PromptTarget[] = targets): MappedResults {
  return new LabelStudioResultMapper().map({ parsed: { answers: new Map(Object.entries(answers)) }, targets: mapTargets, data: { text: 'Some text' } });
}

function withoutIds(mapped: MappedResults): unknown[] {
  return mapped.results.map(({ id: _id, ...result }) => result);
}

function taskMapping(draft: Partial<ResultDraft>): ControlTask {
  return { ...choicesTask, map: (value, target, data) => choicesTask.map(value, target, data).map((mapped) => ({ ...mapped, ...draft })) };
}

describe('LabelStudioResultMapper', () => {
  test.each<[string, Record<string, ControlAnswer>, unknown[]]>([
    [
      'two answered controls',
      { sentiment: { status: 'answered', value: ['POS'] }, topics: { status: 'answered', value: ['Sports', 'Science'] } },
      [
        { from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['POS'] } },
        { from_name: 'topics', to_name: 'text', type: 'choices', value: { choices: ['Sports', 'Science'] } },
      ],
    ],
    [
      'an abstention produces nothing',
      { sentiment: { status: 'abstained', reason: 'no answer' }, topics: { status: 'answered', value: ['Politics'] } },
      [{ from_name: 'topics', to_name: 'text', type: 'choices', value: { choices: ['Politics'] } }],
    ],
    ['no answers', {}, []],
  ])('%s', (_case, answers, results) => {
    const mapped = map(answers);
    expect(withoutIds(mapped)).toEqual(results);
    expect(mapped.dropped).toEqual([]);
  });

  test.each<[string, PromptTarget, unknown, RegExp]>([
    ['a label not in the config', sentiment, ['Angry'], /"Angry" is not a label of "sentiment"/],
    ['the value of an aliased option', sentiment, ['Positive sentiment'], /is not a label/],
    ['two labels for a single choice', sentiment, ['POS', 'Neutral'], /exactly one label/],
    ['duplicates', topics, ['Sports', 'Sports'], /repeats a label/],
    ['an empty list', topics, [], /non-empty list/],
    ['a number', sentiment, 42, /a choice is a number/],
    ['a nested list', topics, [['Sports']], /a choice is a list/],
    ['another from_name', createTarget('sentiment', [createOption('Negative')], 'single', taskMapping({ from_name: 'other' })), ['Negative'], /from_name is "other", expected "sentiment"/],
    ['a to_name outside toName', createTarget('sentiment', [createOption('Negative')], 'single', taskMapping({ to_name: 'image' })), ['Negative'], /to_name "image" is not in the toName/],
    ['a type not matching the control', createTarget('sentiment', [createOption('Negative')], 'single', taskMapping({ type: 'labels' })), ['Negative'], /type is "labels", expected "choices"/],
    ['a value that is not an object', createTarget('sentiment', [createOption('Negative')], 'single', taskMapping({ value: [] as unknown as Record<string, unknown> })), ['Negative'], /value is not an object/],
  ])('drops %s', (_case, target, value, reason) => {
    const mapped = map({ [target.control.name]: { status: 'answered', value } }, [target]);
    expect(mapped.results).toEqual([]);
    expect(mapped.dropped).toEqual([{ control: target.control.name, reason: expect.stringMatching(reason) as string }]);
  });

  test('drops a result on an object the target does not read', () => {
    const target = { ...sentiment, control: { ...sentiment.control, toName: ['text', 'title'] }, task: taskMapping({ to_name: 'title' }) };
    const mapped = map({ sentiment: { status: 'answered', value: ['Negative'] } }, [target]);
    expect(mapped.dropped).toEqual([{ control: 'sentiment', reason: 'to_name "title" is not an object of this control' }]);
  });

  test('reports a task that throws while mapping or validating', () => {
    const throwingMap = createTarget('sentiment', [createOption('Negative')], 'single', {
      ...choicesTask,
      map: () => {
        throw new Error('map failed');
      },
    });
    const throwingValidate = createTarget('topics', [createOption('Sports')], 'multiple', {
      ...choicesTask,
      validate: () => {
        throw new Error('validate failed');
      },
    });
    const mapped = map(
      { sentiment: { status: 'answered', value: ['Negative'] }, topics: { status: 'answered', value: ['Sports'] } },
      [throwingMap, throwingValidate],
    );
    expect(mapped.results).toEqual([]);
    expect(mapped.dropped).toEqual([
      { control: 'sentiment', reason: expect.stringContaining('could not map the answer: Error: map failed') as string },
      { control: 'topics', reason: expect.stringContaining('could not validate the result: Error: validate failed') as string },
    ]);
  });

  test('gives every result a unique 10-character id', () => {
    const many = Array.from({ length: 200 }, (_, index) => createTarget(`control${index}`, [createOption('Yes')]));
    const answers = Object.fromEntries(many.map((target): [string, ControlAnswer] => [target.control.name, { status: 'answered', value: ['Yes'] }]));
    const ids = map(answers, many).results.map((result) => result.id);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{10}$/);
  });

  test('createResultId draws from the whole alphabet', () => {
    const characters = new Set(Array.from({ length: 500 }, createResultId).join(''));
    expect(characters.size).toBe(64);
  });
});

describe('garbage model output never yields an invalid result', () => {
  const labelsOf = (target: PromptTarget): Set<string> => new Set(target.control.options.map((option) => option.resultValue));
  const huge = '9'.repeat(400);
  const garbage: string[] = [
    '',
    ' ',
    'null',
    'undefined',
    'NaN',
    '42',
    huge,
    `{"sentiment": ${huge}, "topics": ${huge}}`,
    '{"sentiment": 1e999, "topics": -0}',
    '{"sentiment": true, "topics": false}',
    '{"sentiment": {"label": "POS"}, "topics": {"0": "Sports"}}',
    '{"sentiment": [["POS"]], "topics": [["Sports"], {"x": "Science"}]}',
    '{"sentiment": ["POS", "Negative"], "topics": ["Sports", "Sports", "Cooking"]}',
    '{"sentiment": "Positive", "topics": "Sports and more"}',
    '{"sentiment": "Angry", "topics": ["Cooking", "Travel"]}',
    '{"sentiment": "", "topics": [""]}',
    '{"sentiment": "POS\\nNegative", "topics": "1. Sports\\n2. Cooking"}',
    '{"__proto__": {"sentiment": "POS", "polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    '{"sentiment": {"__proto__": {"choices": ["Angry"]}}, "topics": ["__proto__", "constructor", "toString"]}',
    '{"sentiment": "hasOwnProperty", "topics": ["valueOf"]}',
    '[{"sentiment": "POS"}]',
    '"POS"',
    '{"sentiment": "POS", "topics": ["Sports"],}',
    '{"sentiment": "POS"',
    '}{',
    '{{{{{{{{{{',
    '```json\n{"sentiment": "N\u0000egative"}\n```',
    '{"sentiment": "\uD800", "topics": ["\uFFFF"]}',
    'I cannot help with that request.',
    '<script>alert("POS")</script>',
    'SELECT * FROM labels; DROP TABLE labels;',
    JSON.stringify({ sentiment: 'x'.repeat(100_000), topics: Array.from({ length: 1000 }, (_, index) => `label ${index}`) }),
    '{"SENTIMENT": "pos", "Topics": ["SPORTS", "science", "Politics"]}',
  ];

  test.each(garbage.map((text) => [text.length > 60 ? `${text.slice(0, 60)}…` : text, text]))('%j', (_case, text) => {
    const parsed = new JsonResponseParser().parse({ text, targets, format: 'text' });
    const mapped = new LabelStudioResultMapper().map({ parsed, targets, data: { text: 'Some text' } });
    for (const result of mapped.results) {
      const target = targets.find((candidate) => candidate.control.name === result.from_name);
      if (!target) throw new Error(`result for an unknown control ${result.from_name}`);
      expect(validateChoicesResult(result, target.control)).toBeNull();
      expect(result.to_name).toBe('text');
      expect(result.id).toMatch(/^[A-Za-z0-9_-]{10}$/);
      for (const label of result.value.choices as string[]) expect(labelsOf(target).has(label)).toBe(true);
    }
    expect(mapped.dropped).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).sentiment).toBeUndefined();
  });
});
