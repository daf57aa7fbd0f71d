import type { PredictionTarget } from '../../core/spec/label-config';
import { splitIntoChunks } from '../../core/pipeline/split-into-chunks';
import { createTestOptions, createTestTarget } from '../shared/create-test-target';
import { mapLabelsResult } from './map-labels-result';
import { mergeSpanAnswers } from './merge-span-answers';
import { parseLabelsAnswer, type Mention, type SpanAnswer } from './parse-labels-answer';

function createTarget(): PredictionTarget {
  return createTestTarget({ type: 'Labels', name: 'ner', options: createTestOptions(['PER', 'LOC', 'ORG']) });
}

function mention(label: string, text: string, offset = 0): Mention {
  return { label, text, context: text, offset };
}

const ENTITIES: Record<string, string> = {
  'Barack Obama': 'PER',
  'New York': 'LOC',
  東京: 'LOC',
  'Cafe\u0301 de Flore': 'ORG',
  '🐱 Club': 'ORG',
};

function createLongText(): string {
  const filler = ['the', 'meeting', 'was', 'long', 'and', 'then', 'everyone', 'left', 'early'];
  const names = Object.keys(ENTITIES);
  const sentences: string[] = [];
  for (let index = 0; index < 60; index += 1) {
    const name = names[index % names.length] ?? '';
    const before = filler.slice(0, 1 + (index % 5)).join(' ');
    const after = filler.slice(index % 4).join(' ');
    sentences.push(`${before} ${name} ${after}.`);
  }
  return sentences.join(' ');
}

/** What a perfect model answers for one chunk: every entity occurrence whole in the chunk, in text order. */
function answerFor(chunkText: string): unknown[] {
  const found: Array<{ at: number; label: string; text: string; context: string }> = [];
  for (const [name, label] of Object.entries(ENTITIES)) {
    for (let at = chunkText.indexOf(name); at !== -1; at = chunkText.indexOf(name, at + 1)) {
      found.push({ at, label, text: name, context: chunkText.slice(Math.max(0, at - 8), at + name.length + 8) });
    }
  }
  return found.sort((left, right) => left.at - right.at).map(({ label, text, context }) => ({ label, text, context }));
}

function occurrencesInCodePoints(text: string): Array<[number, number, string]> {
  const occurrences: Array<[number, number, string]> = [];
  for (const [name, label] of Object.entries(ENTITIES)) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      const start = [...text.slice(0, at)].length;
      occurrences.push([start, start + [...name].length, label]);
    }
  }
  return occurrences.sort((left, right) => left[0] - right[0]);
}

describe('mergeSpanAnswers', () => {
  test('concatenates mentions in chunk order with their chunk offset, and the rejections', () => {
    const first: SpanAnswer = { mentions: [mention('PER', 'Obama')], rejected: ['answer item 2 has no quoted text'] };
    const second: SpanAnswer = { mentions: [mention('LOC', 'Paris'), mention('PER', 'Obama')], rejected: [] };
    expect(mergeSpanAnswers([{ value: first, offset: 0 }, { value: second, offset: 120 }])).toEqual({
      mentions: [mention('PER', 'Obama', 0), mention('LOC', 'Paris', 120), mention('PER', 'Obama', 120)],
      rejected: ['chunk at 0: answer item 2 has no quoted text'],
    });
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['a list', []],
    ['mentions without offsets', { mentions: [{ label: 'PER', text: 'x', context: 'x' }], rejected: [] }],
  ])('reports a chunk answer that is %s', (_case, value) => {
    expect(mergeSpanAnswers([{ value, offset: 42 }])).toEqual({
      mentions: [],
      rejected: ['the answer for the chunk at 42 is not a list of mentions'],
    });
  });

  test('nothing to merge', () => {
    expect(mergeSpanAnswers([])).toEqual({ mentions: [], rejected: [] });
  });
});

describe('a long text split into chunks, answered per chunk, merged and mapped', () => {
  test('finds every occurrence once, even those seen by two overlapping chunks', () => {
    const text = createLongText();
    const target = createTarget();
    const chunks = splitIntoChunks(text, 300, 60);
    expect(chunks.length).toBeGreaterThan(3);
    const answers = chunks.map((chunk) => {
      const parsed = parseLabelsAnswer(answerFor(chunk.text), target.control);
      if (parsed.status !== 'answered') throw new Error(parsed.reason);
      return { value: parsed.value, offset: chunk.offset };
    });
    const merged = mergeSpanAnswers(answers);
    const drafts = mapLabelsResult(merged, target, { text });
    const expected = occurrencesInCodePoints(text);
    expect(merged.mentions.length).toBeGreaterThan(expected.length);
    expect(drafts.map(({ value }) => [value.start, value.end, (value.labels as string[])[0]])).toEqual(expected);
    for (const { value } of drafts) {
      expect([...text].slice(value.start as number, value.end as number).join('')).toBe(value.text);
    }
  });
});
