import type { LabeledExample } from '../../core/spec/example-store';
import { exampleLabels, exampleText, selectExamples, type SelectExamplesOptions } from './select-examples';
import { choiceExample } from '../../test/helpers/labeled-example-fixtures';

function example(annotationId: number, taskId: number, updatedAt: number, label: string, text = `text ${annotationId}`): LabeledExample {
  return choiceExample({ annotationId, taskId, updatedAt, label, text });
}

const pool: LabeledExample[] = [
  example(1, 1, 1_000, 'Positive', 'the pasta was delicious and the staff were friendly'),
  example(2, 2, 2_000, 'Positive', 'great battery life on this phone'),
  example(3, 3, 3_000, 'Positive', 'fast shipping, happy with the purchase'),
  example(4, 4, 4_000, 'Negative', 'the screen cracked after a week'),
  example(5, 5, 5_000, 'Positive', 'love the colour'),
  example(6, 6, 6_000, 'Neutral', 'it is a phone'),
  example(7, 7, 7_000, 'Positive', 'works as described'),
];

function ids(examples: LabeledExample[]): Array<number | string> {
  return examples.map((chosen) => chosen.annotationId);
}

function options(overrides: Partial<SelectExamplesOptions>): SelectExamplesOptions {
  return {
    examples: pool,
    task: { id: 100, data: { text: 'a new review' } },
    strategy: 'recent',
    count: 3,
    textFields: ['text'],
    maxCharacters: 10_000,
    ...overrides,
  };
}

describe('selectExamples', () => {
  it.each<[string, Partial<SelectExamplesOptions>, Array<number | string>]>([
    ['recent: newest first', { strategy: 'recent' }, [7, 6, 5]],
    ['recent: never the task\'s own annotation', { strategy: 'recent', task: { id: 7, data: { text: 'works' } } }, [6, 5, 4]],
    ['recent: task ids compare as text', { strategy: 'recent', task: { id: '7', data: {} } }, [6, 5, 4]],
    ['recent: count 0', { strategy: 'recent', count: 0 }, []],
    ['recent: more asked than there are', { strategy: 'recent', count: 50 }, [7, 6, 5, 4, 3, 2, 1]],
    ['balanced: one per label first, labels in name order, newest within a label', { strategy: 'balanced' }, [4, 6, 7]],
    ['balanced: then a second round', { strategy: 'balanced', count: 5 }, [4, 6, 7, 5, 3]],
    ['balanced: own task excluded', { strategy: 'balanced', task: { id: 4, data: {} } }, [6, 7, 5]],
    ['similar: the lexically closest first', { strategy: 'similar', count: 2, task: { id: 100, data: { text: 'The battery of my new phone' } } }, [2, 6]],
    ['similar: no shared word falls back to recency', { strategy: 'similar', task: { id: 100, data: { text: 'zzz qqq' } } }, [7, 6, 5]],
    ['similar: a task without text falls back to recency', { strategy: 'similar', task: { id: 100, data: {} } }, [7, 6, 5]],
    ['similar: own task excluded', { strategy: 'similar', count: 1, task: { id: 2, data: { text: 'great battery life on this phone' } } }, [6]],
    ['budget: stops adding once the text would exceed the limit', { strategy: 'recent', count: 3, maxCharacters: 31 }, [7, 6]],
    ['budget: an example that does not fit is dropped, a later shorter one may fit', { strategy: 'recent', count: 2, maxCharacters: 16 }, [6]],
    ['budget: zero', { strategy: 'recent', maxCharacters: 0 }, []],
  ])('%s', (_case, overrides, expected) => {
    expect(ids(selectExamples(options(overrides)))).toEqual(expected);
  });

  it('represents every label when there are at least as many slots as labels', () => {
    const chosen = selectExamples(options({ strategy: 'balanced', count: 3 }));
    expect(new Set(chosen.flatMap(exampleLabels))).toEqual(new Set(['sentiment:Negative', 'sentiment:Neutral', 'sentiment:Positive']));
  });

  it('keeps one annotation per task, the newest', () => {
    const twice = [example(1, 1, 1_000, 'Positive'), example(2, 1, 2_000, 'Negative'), example(3, 3, 500, 'Neutral')];
    expect(ids(selectExamples(options({ examples: twice, count: 5 })))).toEqual([2, 3]);
  });

  it('breaks ties in time by annotation id, whatever the input order', () => {
    const tied = [example(9, 9, 1_000, 'Positive'), example(8, 8, 1_000, 'Positive')];
    expect(ids(selectExamples(options({ examples: tied })))).toEqual(ids(selectExamples(options({ examples: [...tied].reverse() }))));
  });

  it('is deterministic for similar', () => {
    const similar = options({ strategy: 'similar', count: 7, task: { id: 100, data: { text: 'phone battery screen' } } });
    expect(ids(selectExamples(similar))).toEqual(ids(selectExamples({ ...similar, examples: [...pool].reverse() })));
  });

  it('groups labels of every labeling tag, and examples without labels come last in balanced', () => {
    const spans = choiceExample({
      annotationId: 20,
      taskId: 20,
      result: [
        { from_name: 'ner', to_name: 'text', type: 'labels', value: { start: 0, end: 3, labels: ['PER', 'ORG'] } },
        { from_name: 'box', to_name: 'image', type: 'rectanglelabels', value: { x: 1, rectanglelabels: ['Car'] } },
      ],
    });
    const comment = choiceExample({ annotationId: 21, taskId: 21, updatedAt: 9_000, result: [{ from_name: 'c', to_name: 'text', type: 'textarea', value: { text: ['free text'] } }] });
    const noLabels = choiceExample({ annotationId: 22, taskId: 22, updatedAt: 9_500, result: [{ from_name: 'r', to_name: 'text', type: 'rating', value: { rating: 4 } }] });
    expect(exampleLabels(spans)).toEqual(['box:Car', 'ner:ORG', 'ner:PER']);
    expect(ids(selectExamples(options({ examples: [noLabels, comment, spans], strategy: 'balanced', count: 3 })))).toEqual([20, 21, 22]);
  });

  it('reads the text of the listed fields, or of every string field by name', () => {
    expect(exampleText({ title: 'T', body: 'B', score: 3 }, ['body', 'title', 'missing'])).toBe('B\nT');
    expect(exampleText({ title: 'T', body: 'B', score: 3 }, [])).toBe('B\nT');
  });
});
