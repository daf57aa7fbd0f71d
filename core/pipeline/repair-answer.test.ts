import { ProviderCallError, AbortedError } from '../errors';
import type { ChatMessage, LanguageModelResult } from '../spec/language-model';
import type { RepairOutcome } from '../spec/pipeline-observer';
import { AnswerReader, repairAnswer } from './repair-answer';
import type { ControlAnswer, ParsedResponse } from '../spec/stages';

/** A stand-in parser for two controls `a` and `b`: "ok…" values are answers, anything else breaks the format. */
function parse(text: string): ParsedResponse {
  let object: Record<string, unknown>;
  try {
    object = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { answers: new Map(), unparseable: 'no JSON object' };
  }
  const answerOf = (value: unknown): ControlAnswer =>
    typeof value === 'string' && value.startsWith('ok') ? { status: 'answered', value } : { status: 'abstained', reason: `${JSON.stringify(value)} is not a label`, invalid: true };
  return { answers: new Map([['a', answerOf(object.a)], ['b', answerOf(object.b)]]) };
}

function answer(text: string, finish: 'stop' | 'length' = 'stop'): LanguageModelResult {
  return { text, finishReason: { unified: finish, raw: finish }, usage: { inputTokens: 10, outputTokens: 2 }, warnings: [] };
}

const MESSAGES: ChatMessage[] = [{ role: 'system', content: 'Label it.' }, { role: 'user', content: 'The task.' }];

function run(first: LanguageModelResult, replies: Array<LanguageModelResult | Error>, maxAttempts = 1) {
  const asked: ChatMessage[][] = [];
  const outcomes: RepairOutcome[] = [];
  const promise = repairAnswer({
    messages: MESSAGES,
    first,
    format: 'json',
    reader: new AnswerReader(parse),
    maxAttempts,
    ask: async (conversation) => {
      asked.push(conversation);
      const reply = replies.shift();
      if (!reply) throw new Error('no more replies');
      if (reply instanceof Error) throw reply;
      return reply;
    },
    onRepair: ({ outcome }) => outcomes.push(outcome),
  });
  return { promise, asked, outcomes };
}

describe('repairAnswer', () => {
  it('makes no call for a sound answer', async () => {
    const { promise, asked } = run(answer('{"a": "ok1", "b": "ok2"}'), []);
    const repaired = await promise;
    expect(asked).toEqual([]);
    expect(repaired).toMatchObject({ repairs: 0, results: [expect.anything()] });
    expect(repaired.parsed.answers.get('b')).toEqual({ status: 'answered', value: 'ok2' });
  });

  it('builds the conversation round by round and stops once every control is valid', async () => {
    const { promise, asked, outcomes } = run(answer('{"a": "x", "b": "y"}'), [answer('{"a": "ok", "b": "z"}'), answer('{"a": "changed", "b": "ok-b"}')], 3);
    const repaired = await promise;
    expect(outcomes).toEqual(['failed', 'repaired']);
    expect(asked[1]).toEqual([
      ...MESSAGES,
      { role: 'assistant', content: '{"a": "x", "b": "y"}' },
      { role: 'user', content: expect.stringContaining('control `a`: "x" is not a label; control `b`: "y" is not a label') },
      { role: 'assistant', content: '{"a": "ok", "b": "z"}' },
      { role: 'user', content: expect.stringMatching(/^Your answer was invalid: control `b`: "z" is not a label\. .*Keep the answers of the other controls/) },
    ]);
    // `a` was fixed by the first repair and is kept; the second repair's "changed" is not taken.
    expect([...repaired.parsed.answers]).toEqual([
      ['a', { status: 'answered', value: 'ok' }],
      ['b', { status: 'answered', value: 'ok-b' }],
    ]);
    expect(repaired.results).toHaveLength(3);
    expect(repaired.parts.map((part) => [...part.answers.keys()])).toEqual([[], ['a'], ['b']]);
  });

  it('says a repair call failed when it did, and keeps the first answer', async () => {
    const { promise, outcomes } = run(answer('{"a": "ok", "b": "y"}'), [new ProviderCallError('503', { provider: 'p', statusCode: 503, isRetryable: true })]);
    const repaired = await promise;
    expect(outcomes).toEqual(['error']);
    expect(repaired.parsed.answers.get('b')).toEqual({ status: 'abstained', invalid: true, reason: '"y" is not a label (the repair call failed: 503)' });
    expect(repaired.parsed.answers.get('a')).toEqual({ status: 'answered', value: 'ok' });
  });

  it('throws the original unusable-answer error, noted, when a cut-off answer stays unusable', async () => {
    const { promise } = run(answer('{"a": "o', 'length'), [answer('not json')]);
    await expect(promise).rejects.toMatchObject({ code: 'RESPONSE_UNUSABLE', reason: 'unparseable', message: 'no JSON object (still invalid after 1 repair call)' });
  });

  it('passes an abort on', async () => {
    const { promise } = run(answer('nope'), [new AbortedError()]);
    await expect(promise).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('never repairs a refusal', async () => {
    const refused = { ...answer(''), refusal: 'I cannot.' };
    const { promise, asked } = run(refused, [answer('{"a": "ok", "b": "ok"}')]);
    await expect(promise).rejects.toMatchObject({ code: 'RESPONSE_UNUSABLE', reason: 'refused' });
    expect(asked).toEqual([]);
  });
});

describe('repairAnswer conversation', () => {
  it('never sends an empty assistant message', async () => {
    const { promise, asked } = run(answer(''), [answer('{"a": "ok", "b": "ok2"}')]);
    await promise;
    expect(asked[0]?.at(-2)).toEqual({ role: 'assistant', content: '(an empty answer)' });
  });
});
