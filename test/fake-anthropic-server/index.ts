export { createFakeAnthropicServer, type FakeAnthropicServer, type FakeAnthropicServerOptions } from './create-fake-anthropic-server';
export type { HangReply, MalformedReply, RawReply, ResetReply } from '../fake-http';
export type {
  ErrorReply,
  FakeAnthropicHandler,
  FakeAnthropicReply,
  RecordedRequest,
  RefusalReply,
  TextReply,
  ToolReply,
  TruncatedReply,
} from './fake-anthropic-reply';
export {
  createAnthropicMessageBody,
  estimateTokenCount,
  type AnthropicAnswerBlock,
  type AnthropicMessageBodyOptions,
  type AnthropicUsageCounts,
} from './create-anthropic-message-body';
export { createAnthropicErrorBody, type AnthropicErrorBody, type AnthropicErrorBodyOptions } from './create-anthropic-error-body';
export { answerFromRequest, findForcedTool } from './answer-from-request';
