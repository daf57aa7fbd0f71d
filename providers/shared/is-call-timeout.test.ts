import * as anthropic from '@anthropic-ai/sdk';
import * as openai from 'openai';
import { isCallTimeout } from './is-call-timeout';

const RUNNING = new AbortController().signal;

describe.each([
  ['openai', openai],
  ['@anthropic-ai/sdk', anthropic],
] as const)('isCallTimeout with the %s errors', (_sdkName, sdk) => {
  const connectionError = () => new sdk.APIConnectionError({ message: 'Connection error.' });

  it.each<[string, () => unknown, { deadlineSignal: AbortSignal; elapsedMs: number }, boolean]>([
    ['an abort after our deadline fired', () => new sdk.APIUserAbortError(), { deadlineSignal: AbortSignal.abort(), elapsedMs: 1_000 }, true],
    ['the SDK timing out', () => new sdk.APIConnectionTimeoutError(), { deadlineSignal: RUNNING, elapsedMs: 10 }, true],
    ['a connection error once the time is up', connectionError, { deadlineSignal: RUNNING, elapsedMs: 1_000 }, true],
    ['a connection error before the time is up', connectionError, { deadlineSignal: RUNNING, elapsedMs: 999 }, false],
    ['an abort before the deadline', () => new sdk.APIUserAbortError(), { deadlineSignal: RUNNING, elapsedMs: 1_000 }, false],
    ['any other error', () => new Error('boom'), { deadlineSignal: RUNNING, elapsedMs: 5_000 }, false],
  ])('says %s is a timeout: %p', (_case, createError, timing, expected) => {
    expect(isCallTimeout(createError(), { ...timing, timeoutMs: 1_000 }, sdk)).toBe(expected);
  });
});
