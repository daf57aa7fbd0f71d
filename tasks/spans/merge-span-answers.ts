import { isSpanAnswer, type SpanAnswer } from './parse-labels-answer';

/**
 * The parsed answers of a text's chunks → one answer for `map`: mentions in chunk order, each remembering where its
 * chunk starts, so it is searched for from there in the whole text; duplicates from overlapping chunks collapse once
 * located.
 */
export function mergeSpanAnswers(answers: Array<{ value: unknown; offset: number }>): SpanAnswer {
  const merged: SpanAnswer = { mentions: [], rejected: [] };
  for (const { value, offset } of answers) {
    if (!isSpanAnswer(value)) {
      merged.rejected.push(`the answer for the chunk at ${offset} is not a list of mentions`);
      continue;
    }
    merged.mentions.push(...value.mentions.map((mention) => ({ ...mention, offset: offset + mention.offset })));
    merged.rejected.push(...value.rejected.map((reason) => `chunk at ${offset}: ${reason}`));
  }
  return merged;
}
