export type { HangReply, MalformedReply, RawReply, ResetReply } from '../fake-http';
export {
  createFakeOpenAIServer,
  type CompletionReply,
  type ErrorReply,
  type FakeOpenAIHandler,
  type FakeOpenAIReply,
  type FakeOpenAIServer,
  type FakeOpenAIServerOptions,
  type RecordedRequest,
  type RefusalReply,
} from './create-fake-openai-server';
export {
  createChatCompletionBody,
  estimateTokenCount,
  FAKE_TOKEN_CHARACTERS,
  splitIntoFakeTokens,
  type ChatCompletionBodyOptions,
  type ChatCompletionFinishReason,
  type ChatCompletionUsageCounts,
  type ScriptedTokenLogprob,
} from './create-chat-completion-body';
export {
  createAzureOpenAIErrorBody,
  type AzureOpenAIErrorBody,
  type AzureOpenAIErrorBodyOptions,
} from './create-azure-openai-error-body';
export { createOpenAIErrorBody, type OpenAIErrorBody, type OpenAIErrorBodyOptions } from './create-openai-error-body';
export { answerFromResponseFormat, createSchemaAnswer } from './create-schema-answer';
