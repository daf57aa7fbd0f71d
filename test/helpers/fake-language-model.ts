import type {
  LanguageModel,
  LanguageModelCallOptions,
  LanguageModelResult,
  StructuredOutputMode,
} from '../../core/spec/language-model';

/** What the fake answers a call with: a partial result (the rest filled in), or an error it throws. */
export type FakeAnswer = Partial<LanguageModelResult> | Error;

export interface FakeLanguageModelOptions {
  provider?: string;
  modelId?: string;
  structuredOutput?: StructuredOutputMode;
  acceptsImages?: boolean;
  returnsLogprobs?: boolean;
  /** The answer to each call, from its options and its index (0 for the first call). */
  answer?: (options: LanguageModelCallOptions, index: number) => FakeAnswer | Promise<FakeAnswer>;
}

/**
 * An in-memory model for the core test tier (the AI SDK's MockLanguageModelV3): records the options of every call in
 * `generateCalls` and answers from a script.
 */
export class FakeLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly structuredOutput: StructuredOutputMode;
  readonly acceptsImages: boolean;
  readonly returnsLogprobs?: boolean;
  readonly generateCalls: LanguageModelCallOptions[] = [];
  private readonly answer: NonNullable<FakeLanguageModelOptions['answer']>;

  constructor(options: FakeLanguageModelOptions = {}) {
    this.provider = options.provider ?? 'fake';
    this.modelId = options.modelId ?? 'fake-1';
    this.structuredOutput = options.structuredOutput ?? 'json_schema';
    this.acceptsImages = options.acceptsImages ?? false;
    if (options.returnsLogprobs !== undefined) this.returnsLogprobs = options.returnsLogprobs;
    this.answer = options.answer ?? (() => ({ text: '{}' }));
  }

  async generate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    this.generateCalls.push(options);
    const answer = await this.answer(options, this.generateCalls.length - 1);
    if (answer instanceof Error) throw answer;
    return {
      text: '',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: 10, outputTokens: 5 },
      warnings: [],
      ...answer,
    };
  }
}

/** Call options with one user message. */
export function userCall(text: string): LanguageModelCallOptions {
  return { messages: [{ role: 'user', content: text }], responseFormat: { type: 'text' } };
}
