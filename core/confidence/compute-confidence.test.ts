import { computeLogprobConfidence } from './compute-confidence';
import type { TokenLogprob } from '../spec/language-model';
import type { ControlAnswer } from '../spec/stages';

/** A token the model gave probability `probability`; expected confidences below are products of these. */
function token(text: string, probability = 1): TokenLogprob {
  return { token: text, logprob: Math.log(probability) };
}

function answered(value: unknown): ControlAnswer {
  return { status: 'answered', value };
}

const ABSTAINED: ControlAnswer = { status: 'abstained', reason: 'no answer for this control' };

function textOf(tokens: TokenLogprob[]): string {
  return tokens.map(({ token: text }) => text).join('');
}

interface Case {
  tokens: TokenLogprob[];
  answers: Record<string, ControlAnswer>;
  score: number | null;
  perControl: Record<string, number>;
}

describe('computeLogprobConfidence', () => {
  it.each<[string, Case]>([
    [
      'one choice: the value tokens only, not the key or the quotes',
      {
        tokens: [token('{"', 0.9), token('sentiment', 0.9), token('":"', 0.9), token('neg', 0.5), token('ative', 0.8), token('"}', 0.9)],
        answers: { sentiment: answered('negative') },
        score: 0.4,
        perControl: { sentiment: 0.4 },
      },
    ],
    [
      'a token holding a quote and the start of the value counts',
      {
        tokens: [token('{"sentiment":', 0.9), token('"neg', 0.5), token('ative"', 0.8), token('}', 0.9)],
        answers: { sentiment: answered('negative') },
        score: 0.4,
        perControl: { sentiment: 0.4 },
      },
    ],
    [
      'several choices: every chosen label, not the punctuation between them',
      {
        tokens: [token('{"topics":["', 0.9), token('sport', 0.5), token('","', 0.1), token('politics', 0.6), token('"]}', 0.9)],
        answers: { topics: answered(['sport', 'politics']) },
        score: 0.3,
        perControl: { topics: 0.3 },
      },
    ],
    [
      'a number, pretty-printed with whitespace',
      {
        tokens: [token('{\n  "rating"', 0.9), token(' : ', 0.9), token('4', 0.7), token('\n}', 0.9)],
        answers: { rating: answered(4) },
        score: 0.7,
        perControl: { rating: 0.7 },
      },
    ],
    [
      'two controls: the minimum',
      {
        tokens: [token('{"a":"', 1), token('x', 0.9), token('","b":', 1), token('true', 0.6), token('}', 1)],
        answers: { a: answered('x'), b: answered(true) },
        score: 0.6,
        perControl: { a: 0.9, b: 0.6 },
      },
    ],
    [
      'an abstained control does not count',
      {
        tokens: [token('{"a":"', 1), token('x', 0.9), token('","b":', 1), token('null', 0.2), token('}', 1)],
        answers: { a: answered('x'), b: ABSTAINED },
        score: 0.9,
        perControl: { a: 0.9 },
      },
    ],
    [
      'escapes inside the value',
      {
        tokens: [token('{"note":"', 1), token('say \\"', 0.5), token('hi\\"', 0.5), token('\\u00e9', 0.8), token('"}', 1)],
        answers: { note: answered('say "hi"é') },
        score: 0.2,
        perControl: { note: 0.2 },
      },
    ],
    [
      'non-ASCII characters and a surrogate pair (UTF-16 lengths on both sides)',
      {
        tokens: [token('{"é":"', 1), token('café', 0.5), token(' 😀', 0.5), token('"}', 1)],
        answers: { é: answered('café 😀') },
        score: 0.25,
        perControl: { é: 0.25 },
      },
    ],
    [
      'an empty string: the quotes are the value',
      {
        tokens: [token('{"note":', 1), token('""', 0.4), token('}', 1)],
        answers: { note: answered('') },
        score: 0.4,
        perControl: { note: 0.4 },
      },
    ],
    [
      'the key found ignoring case, the last of duplicate keys',
      {
        tokens: [token('{"Sentiment":"', 1), token('pos', 0.1), token('","Sentiment":"', 1), token('neg', 0.7), token('"}', 1)],
        answers: { sentiment: answered('negative') },
        score: 0.7,
        perControl: { sentiment: 0.7 },
      },
    ],
    [
      'JSON inside a code fence after prose with a brace',
      {
        tokens: [token('Sure {ok}:\n```json\n{"a":"', 1), token('x', 0.5), token('"}\n```', 1)],
        answers: { a: answered('x') },
        score: 0.5,
        perControl: { a: 0.5 },
      },
    ],
    [
      'JSON amid prose',
      {
        tokens: [token('Answer: {"a": ', 1), token('12.5', 0.5), token('} done', 1)],
        answers: { a: answered(12.5) },
        score: 0.5,
        perControl: { a: 0.5 },
      },
    ],
    [
      'a plain-text answer of a single control: the trimmed text',
      {
        tokens: [token(' ', 0.1), token('Posit', 0.5), token('ive', 0.5), token('\n', 0.1)],
        answers: { sentiment: answered('Positive') },
        score: 0.25,
        perControl: { sentiment: 0.25 },
      },
    ],
    [
      'no answered control',
      {
        tokens: [token('{}', 0.5)],
        answers: { a: ABSTAINED },
        score: null,
        perControl: {},
      },
    ],
    [
      'an answered control whose value is not in the text',
      {
        tokens: [token('{"a":"', 1), token('x', 0.5), token('"}', 1)],
        answers: { a: answered('x'), b: answered('y') },
        score: null,
        perControl: { a: 0.5 },
      },
    ],
  ])('%s', (_case, { tokens, answers, score, perControl }) => {
    const result = computeLogprobConfidence({ text: textOf(tokens), tokenLogprobs: tokens, answers: new Map(Object.entries(answers)) });

    expect(result.score === null ? null : Number(result.score.toFixed(12))).toBe(score);
    expect(Object.fromEntries([...result.perControl].map(([control, value]) => [control, Number(value.toFixed(12))]))).toEqual(perControl);
    expect(result.perSpan.size).toBe(0);
  });

  it.each<[string, string, TokenLogprob[] | undefined]>([
    ['no token logprobs', '{"a":"x"}', undefined],
    ['tokens that do not spell the text', '{"a":"x"}', [token('{"a":"', 1), token('y', 0.5), token('"}', 1)]],
    ['tokens shorter than the text', '{"a":"x"}', [token('{"a":"', 1), token('x', 0.5)]],
    ['tokens as bytes of a split character', '{"a":"é"}', [token('{"a":"', 1), token('\\xc3', 0.5), token('\\xa9', 0.5), token('"}', 1)]],
    ['a NaN logprob', '{"a":"x"}', [token('{"a":"', 1), { token: 'x', logprob: Number.NaN }, token('"}', 1)]],
  ])('gives no score for %s', (_case, text, tokenLogprobs) => {
    const result = computeLogprobConfidence({ text, tokenLogprobs, answers: new Map([['a', answered('x')]]) });

    expect(result).toEqual({ score: null, perControl: new Map(), perSpan: new Map() });
  });

  it('stays within [0, 1] when a server sends a positive logprob', () => {
    const tokens = [{ token: '{"a":', logprob: 0 }, { token: '1', logprob: 1e-6 }, { token: '}', logprob: 0 }];

    expect(computeLogprobConfidence({ text: '{"a":1}', tokenLogprobs: tokens, answers: new Map([['a', answered(1)]]) }).score).toBe(1);
  });

  describe('span controls', () => {
    const tokens = [
      token('{"ner":[{"label":"', 1),
      token('PER', 0.9),
      token('","text":"', 1),
      token(' Ada ', 0.2),
      token('","context":"', 1),
      token('Ada wrote', 0.3),
      token('"},{"label":"', 1),
      token('Planet', 0.1),
      token('","text":"', 1),
      token('Mars', 0.5),
      token('"},{"label":"', 1),
      token('LOC', 0.6),
      token('","text":"', 1),
      token('London', 0.5),
      token('"}],"mood":"', 1),
      token('calm', 0.8),
      token('"}', 1),
    ];
    const mentions = [
      { label: 'PER', text: 'Ada', context: 'Ada wrote', offset: 0 },
      { label: 'LOC', text: 'London', context: 'London', offset: 0 },
    ];
    const spanAnswer = answered({ mentions, rejected: ['answer item 2 "Planet" is not a label (labels: PER, LOC)'] });

    it('scores each parsed mention by its label tokens, the control by its least confident mention', () => {
      const result = computeLogprobConfidence({
        text: textOf(tokens),
        tokenLogprobs: tokens,
        answers: new Map([
          ['ner', spanAnswer],
          ['mood', answered('calm')],
        ]),
      });

      expect(result.perSpan.get('ner')?.map(({ label, text, confidence }) => [label, text, Number(confidence.toFixed(12))])).toEqual([
        ['PER', 'Ada', 0.9],
        ['LOC', 'London', 0.6],
      ]);
      expect(result.perControl.get('ner')).toBeCloseTo(0.6, 12);
      expect(result.score).toBeCloseTo(0.6, 12);
    });

    it('falls back to every value token of the control when the items cannot be paired with the mentions', () => {
      const unpairable = answered({ mentions: [{ label: 'PER', text: 'Grace', context: 'Grace', offset: 0 }], rejected: [] });

      const result = computeLogprobConfidence({ text: textOf(tokens), tokenLogprobs: tokens, answers: new Map([['ner', unpairable]]) });

      // PER 0.9 × Ada 0.2 × context 0.3 × Planet 0.1 × Mars 0.5 × LOC 0.6 × London 0.5
      expect(result.perControl.get('ner')).toBeCloseTo(0.9 * 0.2 * 0.3 * 0.1 * 0.5 * 0.6 * 0.5, 12);
      expect(result.perSpan.size).toBe(0);
    });

    it('reads one mention given as an object', () => {
      const single = [token('{"ner":{"label":"', 1), token('PER', 0.7), token('","text":"Ada"}}', 1)];

      const result = computeLogprobConfidence({
        text: textOf(single),
        tokenLogprobs: single,
        answers: new Map([['ner', answered({ mentions: [mentions[0]], rejected: [] })]]),
      });

      expect(result.perSpan.get('ner')?.[0]?.confidence).toBeCloseTo(0.7, 12);
      expect(result.score).toBeCloseTo(0.7, 12);
    });
  });
});
