import { ERROR_CODES, PrelabelError } from '../../core/errors';
import type { JsonSchema, LanguageModel, LanguageModelCallOptions, ResponseFormat } from '../../core/spec/language-model';
import type { ProviderSettings } from '../../core/spec/project-settings';

/** One HTTP request the provider's fake server received. */
export interface ContractRequest {
  method: string;
  /** With its query, e.g. `/v1/messages`. */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body; undefined when it was empty or not JSON. */
  body: unknown;
}

/**
 * What `describeProviderContract` needs from a provider: its model, built against a fake server that speaks the
 * vendor's wire protocol, and that server's faults in vendor-neutral words. Each fault method scripts the answer to the
 * next generate call only; later calls get the fake server's default answer.
 */
export interface ProviderContractHarness {
  /** Starts the fake server. Runs once, before the first case. */
  setup(): Promise<void>;
  /** Stops it, hung connections too. Runs once, after the last case. */
  teardown(): Promise<void>;
  /** Forgets scripted answers and recorded requests. Runs after each case. */
  reset(): void;
  /** The secret every model is built with; no error message may carry it. */
  readonly apiKey: string;
  /**
   * A model that talks to the fake server with `apiKey`, its settings' `provider` block overridden by `overrides` (the
   * suite passes `{ timeoutMs }`). A model whose `structuredOutput` is `json_schema` must carry the schema to the
   * server; with `json_object` or `none` the suite asks for JSON the way the pipeline would and checks only the text.
   */
  createModel(overrides?: Partial<ProviderSettings>): LanguageModel;
  /** The next call answers this text, with a normal finish. */
  answerText(text: string): void;
  /**
   * The next call answers this value through the provider's structured output, as the vendor would send it (OpenAI: the
   * JSON as the message content; Anthropic: the input of the forced tool call).
   */
  answerSchema(value: unknown): void;
  /**
   * The next call fails with this status, these response headers and the vendor's error body, whose message is
   * `message` when given (servers do echo secrets in it).
   */
  failWith(status: number, headers?: Record<string, string>, message?: string): void;
  /** The next call gets a 200 whose body is not valid JSON although its content type says JSON. */
  answerMalformed(): void;
  /** The next call never gets an answer. */
  hang(): void;
  /** The next call answers partial text cut off at the output token limit (OpenAI `length`, Anthropic `max_tokens`). */
  truncate(): void;
  /** Every request the fake server received since the last reset, in order. */
  requests(): ContractRequest[];
  /** The answer schema a request carried the vendor's way, or undefined when it carried none. */
  schemaSentIn(request: ContractRequest): JsonSchema | undefined;
}

const SENTIMENT_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    sentiment: { type: 'string', enum: ['positive', 'negative', 'neutral'] },
    confidence: { type: 'number' },
  },
  required: ['sentiment', 'confidence'],
  additionalProperties: false,
};

const SCRIPTED_ANSWER = { sentiment: 'negative', confidence: 0.75 };

const MESSAGES: LanguageModelCallOptions['messages'] = [
  { role: 'system', content: 'Classify the sentiment of the text.' },
  { role: 'user', content: 'The delivery was late and the box was crushed.' },
];

const TEXT_FORMAT: ResponseFormat = { type: 'text' };

/** A deadline far below the fake server's patience and the jest timeout. */
const SHORT_TIMEOUT_MS = 300;
/** How much longer than its timeout a call may take to fail. */
const TIMEOUT_SLACK_MS = 1_500;

/** The format the pipeline asks this model for, as `Pipeline` builds it from `structuredOutput`. */
function answerFormatFor(model: LanguageModel): ResponseFormat {
  return model.structuredOutput === 'none'
    ? TEXT_FORMAT
    : { type: 'json', mode: model.structuredOutput, name: 'label_studio_prediction', schema: SENTIMENT_SCHEMA };
}

/** The messages of an error and of every cause under it. */
function messageChain(error: unknown): string[] {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 10 && typeof current === 'object' && current !== null; depth += 1) {
    const { message, cause } = current as { message?: unknown; cause?: unknown };
    if (typeof message === 'string') messages.push(message);
    current = cause;
  }
  return messages;
}

/**
 * The behaviour every `LanguageModel` provider must have, run against its fake server: answers, structured output,
 * HTTP faults mapped to retryable or final `ProviderCallError`s, timeouts, aborts, one HTTP request per call (SDK
 * retries off), and no API key in any error message.
 */
export function describeProviderContract(name: string, harness: ProviderContractHarness): void {
  describe(`${name} honours the provider contract`, () => {
    beforeAll(() => harness.setup());
    afterEach(() => harness.reset());
    afterAll(() => harness.teardown());

    async function generateError(model: LanguageModel, options: Partial<LanguageModelCallOptions> = {}): Promise<PrelabelError> {
      let outcome: unknown;
      try {
        outcome = await model.generate({ messages: MESSAGES, responseFormat: TEXT_FORMAT, ...options });
      } catch (error) {
        if (!PrelabelError.isInstance(error)) throw error;
        return error;
      }
      throw new Error(`expected generate to fail, it answered ${JSON.stringify(outcome)}`);
    }

    function expectProviderCallError(error: PrelabelError, model: LanguageModel, expected: Record<string, unknown>): void {
      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, provider: model.provider, ...expected });
    }

    it('describes itself', () => {
      const model = harness.createModel();

      expect(model.specificationVersion).toBe('v1');
      expect(model.provider).toEqual(expect.stringMatching(/\S/));
      expect(model.modelId).toEqual(expect.stringMatching(/\S/));
      expect(['json_schema', 'json_object', 'none']).toContain(model.structuredOutput);
      expect(typeof model.acceptsImages).toBe('boolean');
    });

    it('answers text, with a normal finish and usage', async () => {
      harness.answerText('The sentiment is negative.');

      const result = await harness.createModel().generate({ messages: MESSAGES, responseFormat: TEXT_FORMAT });

      expect(result).toMatchObject({ text: 'The sentiment is negative.', finishReason: { unified: 'stop' } });
      expect(result.refusal).toBeUndefined();
      expect(result.usage).toEqual({
        inputTokens: expect.any(Number),
        outputTokens: expect.any(Number),
      });
      expect(Array.isArray(result.warnings)).toBe(true);
      expect(harness.requests()).toHaveLength(1);
      expect(harness.schemaSentIn(harness.requests()[0] as ContractRequest)).toBeUndefined();
    });

    it('answers a schema call with the JSON text of the answer, the schema sent the vendor’s way', async () => {
      const model = harness.createModel();
      harness.answerSchema(SCRIPTED_ANSWER);

      const result = await model.generate({ messages: MESSAGES, responseFormat: answerFormatFor(model) });

      expect(JSON.parse(result.text)).toEqual(SCRIPTED_ANSWER);
      expect(result.finishReason.unified).toBe('stop');
      expect(harness.requests()).toHaveLength(1);
      const sentSchema = harness.schemaSentIn(harness.requests()[0] as ContractRequest);
      if (model.structuredOutput === 'json_schema') expect(sentSchema).toEqual(SENTIMENT_SCHEMA);
      else expect(sentSchema).toBeUndefined();
    });

    it('reports an answer cut off at the output token limit as finish reason "length"', async () => {
      harness.truncate();

      const result = await harness.createModel().generate({ messages: MESSAGES, responseFormat: TEXT_FORMAT, maxOutputTokens: 5 });

      expect(result.finishReason.unified).toBe('length');
      expect(result.finishReason.raw).toEqual(expect.any(String));
    });

    it('makes a 429 retryable, with the wait its retry-after header asks for', async () => {
      const model = harness.createModel();
      harness.failWith(429, { 'retry-after': '2' });

      const error = await generateError(model);

      expectProviderCallError(error, model, { statusCode: 429, isRetryable: true, retryAfterMs: 2_000 });
      expect(harness.requests()).toHaveLength(1);
    });

    it.each([500, 503])('makes a %i retryable', async (status) => {
      const model = harness.createModel();
      harness.failWith(status);

      const error = await generateError(model);

      expectProviderCallError(error, model, { statusCode: status, isRetryable: true });
      expect(harness.requests()).toHaveLength(1);
    });

    it.each([400, 401])('makes a %i final (not retryable)', async (status) => {
      const model = harness.createModel();
      harness.failWith(status);

      const error = await generateError(model);

      expectProviderCallError(error, model, { statusCode: status, isRetryable: false });
      expect(harness.requests()).toHaveLength(1);
    });

    it('makes a 200 whose body is not JSON a retryable error', async () => {
      const model = harness.createModel();
      harness.answerMalformed();

      const error = await generateError(model);

      expectProviderCallError(error, model, { isRetryable: true });
      expect(harness.requests()).toHaveLength(1);
    });

    it('times out a call that gets no answer, as a retryable error, soon after its timeout', async () => {
      const model = harness.createModel({ timeoutMs: SHORT_TIMEOUT_MS });
      harness.hang();
      const startedAt = Date.now();

      const error = await generateError(model);

      expect(Date.now() - startedAt).toBeLessThan(SHORT_TIMEOUT_MS + TIMEOUT_SLACK_MS);
      expectProviderCallError(error, model, { isRetryable: true, statusCode: undefined });
      expect(harness.requests()).toHaveLength(1);
    });

    it('sends exactly one HTTP request per generate call, whatever the outcome (SDK retries off)', async () => {
      const model = harness.createModel();
      const faults = [
        () => harness.failWith(500),
        () => harness.failWith(429, { 'retry-after': '1' }),
        () => harness.failWith(503),
        () => harness.answerMalformed(),
        () => harness.answerText('fine'),
      ];

      for (const [index, scriptFault] of faults.entries()) {
        scriptFault();
        await model.generate({ messages: MESSAGES, responseFormat: TEXT_FORMAT }).catch(() => undefined);
        expect(harness.requests()).toHaveLength(index + 1);
      }
      harness.hang();
      await generateError(harness.createModel({ timeoutMs: SHORT_TIMEOUT_MS }));
      expect(harness.requests()).toHaveLength(faults.length + 1);
    });

    it.each([400, 401, 403, 429, 500])('keeps the API key out of every error message, even when a %i echoes it', async (status) => {
      const model = harness.createModel();
      harness.failWith(status, {}, `Incorrect API key provided: ${harness.apiKey}. Header was Authorization: Bearer ${harness.apiKey}`);

      const error = await generateError(model);

      expect(error).toMatchObject({ statusCode: status });
      const messages = messageChain(error);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(message).not.toContain(harness.apiKey);
      expect(String(error)).not.toContain(harness.apiKey);
    });

    it('keeps the API key out of timeout and malformed-body errors', async () => {
      const model = harness.createModel({ timeoutMs: SHORT_TIMEOUT_MS });
      harness.hang();
      const timeoutError = await generateError(model);
      harness.answerMalformed();
      const malformedError = await generateError(model);

      for (const message of [...messageChain(timeoutError), ...messageChain(malformedError)]) {
        expect(message).not.toContain(harness.apiKey);
      }
    });

    it('turns an abort during the call into an AbortedError that is not retried', async () => {
      harness.hang();
      const controller = new AbortController();
      const pending = generateError(harness.createModel(), { abortSignal: controller.signal });
      const deadline = Date.now() + 2_000;
      while (harness.requests().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));

      controller.abort();

      await expect(pending).resolves.toMatchObject({ code: ERROR_CODES.ABORTED, isRetryable: false });
    });

    it('sends nothing when the signal is already aborted', async () => {
      const error = await generateError(harness.createModel(), { abortSignal: AbortSignal.abort() });

      expect(error).toMatchObject({ code: ERROR_CODES.ABORTED });
      expect(harness.requests()).toHaveLength(0);
    });
  });
}
