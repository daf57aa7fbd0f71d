import { createCallDeadline } from './create-call-deadline';

function waitMs(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

describe('createCallDeadline', () => {
  it.each<[string, () => AbortSignal | undefined, boolean]>([
    ['no caller signal', () => undefined, false],
    ['a running caller signal', () => new AbortController().signal, false],
    ['an aborted caller signal', () => AbortSignal.abort(), true],
  ])('with %s, aborts the call signal when the caller did or the time ran out', async (_case, createCallerSignal, abortedAtOnce) => {
    const { deadlineSignal, signal } = createCallDeadline(20, createCallerSignal());

    expect({ deadline: deadlineSignal.aborted, call: signal.aborted }).toEqual({ deadline: false, call: abortedAtOnce });
    await waitMs(60);
    expect({ deadline: deadlineSignal.aborted, call: signal.aborted }).toEqual({ deadline: true, call: true });
  });

  it('leaves the deadline running when the caller aborts', () => {
    const caller = new AbortController();
    const { deadlineSignal, signal } = createCallDeadline(60_000, caller.signal);

    caller.abort();

    expect({ deadline: deadlineSignal.aborted, call: signal.aborted }).toEqual({ deadline: false, call: true });
  });

  it('never aborts once released', async () => {
    const { deadlineSignal, release } = createCallDeadline(20);
    release();
    await waitMs(60);
    expect(deadlineSignal.aborted).toBe(false);
  });
});
