import { computeSelfConsistency } from './self-consistency';
import type { ControlAnswer } from '../spec/stages';

function answered(value: unknown): ControlAnswer {
  return { status: 'answered', value };
}

function abstained(reason: string): ControlAnswer {
  return { status: 'abstained', reason };
}

function sample(answers: Record<string, ControlAnswer>): Map<string, ControlAnswer> {
  return new Map(Object.entries(answers));
}

interface Case {
  samples: Array<Record<string, ControlAnswer>>;
  answers: Record<string, ControlAnswer>;
  agreements: Record<string, number>;
  score: number | null;
}

describe('computeSelfConsistency', () => {
  it.each<[string, Case]>([
    [
      'unanimous samples',
      {
        samples: [{ sentiment: answered('positive') }, { sentiment: answered('positive') }, { sentiment: answered('positive') }],
        answers: { sentiment: answered('positive') },
        agreements: { sentiment: 1 },
        score: 1,
      },
    ],
    [
      'a majority of 3 in 5',
      {
        samples: [
          { sentiment: answered('negative') },
          { sentiment: answered('positive') },
          { sentiment: answered('positive') },
          { sentiment: answered('neutral') },
          { sentiment: answered('positive') },
        ],
        answers: { sentiment: answered('positive') },
        agreements: { sentiment: 0.6 },
        score: 0.6,
      },
    ],
    [
      'a tie goes to the value answered first',
      {
        samples: [{ a: answered('y') }, { a: answered('x') }, { a: answered('x') }, { a: answered('y') }],
        answers: { a: answered('y') },
        agreements: { a: 0.5 },
        score: 0.5,
      },
    ],
    [
      'abstentions and missing answers count as disagreeing',
      {
        samples: [{ a: answered('x') }, { a: abstained('no answer for this control') }, {}, { a: answered('x') }],
        answers: { a: answered('x') },
        agreements: { a: 0.5 },
        score: 0.5,
      },
    ],
    [
      'values compared deeply, object keys in any order, array order significant',
      {
        samples: [
          { topics: answered(['a', 'b']), mention: answered({ label: 'PER', text: 'Ada' }) },
          { topics: answered(['b', 'a']), mention: answered({ text: 'Ada', label: 'PER' }) },
          { topics: answered(['a', 'b']), mention: answered({ label: 'PER', text: 'Ada', offset: 0 }) },
          { topics: answered(['a']), mention: answered({ label: 'PER', text: 'Ada' }) },
        ],
        answers: { topics: answered(['a', 'b']), mention: answered({ label: 'PER', text: 'Ada' }) },
        agreements: { topics: 0.5, mention: 0.75 },
        score: 0.5,
      },
    ],
    [
      'numbers compared strictly',
      {
        samples: [{ rating: answered(4) }, { rating: answered('4') }, { rating: answered(4) }],
        answers: { rating: answered(4) },
        agreements: { rating: 2 / 3 },
        score: 2 / 3,
      },
    ],
    [
      'the score is the lowest agreement; a control every sample abstained on keeps the first abstention',
      {
        samples: [
          { a: answered('x'), b: answered(1), c: abstained('first') },
          { a: answered('x'), b: answered(2), c: abstained('second') },
          { a: answered('x'), b: answered(1), c: abstained('third') },
        ],
        answers: { a: answered('x'), b: answered(1), c: abstained('first') },
        agreements: { a: 1, b: 2 / 3 },
        score: 2 / 3,
      },
    ],
    [
      'no control answered by any sample',
      {
        samples: [{ a: abstained('first') }, { a: abstained('second') }],
        answers: { a: abstained('first') },
        agreements: {},
        score: null,
      },
    ],
    [
      'no samples',
      { samples: [], answers: {}, agreements: {}, score: null },
    ],
  ])('%s', (_case, { samples, answers, agreements, score }) => {
    const result = computeSelfConsistency(samples.map(sample));

    expect(Object.fromEntries(result.answers)).toEqual(answers);
    expect(Object.fromEntries([...result.perControl].map(([control, { agreement }]) => [control, agreement]))).toEqual(agreements);
    for (const [control, { answer }] of result.perControl) expect(result.answers.get(control)).toBe(answer);
    expect(result.score).toBe(score);
  });
});
