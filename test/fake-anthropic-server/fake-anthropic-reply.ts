import type { MessageCreateParams, RefusalStopDetails, StopReason } from '@anthropic-ai/sdk/resources/messages';
import type { DelayedReply, HangReply, MalformedReply, RawReply, RecordedHttpRequest, ResetReply } from '../fake-http';
import type { AnthropicUsageCounts } from './create-anthropic-message-body';

export type RecordedRequest = RecordedHttpRequest;

interface MessageReply extends DelayedReply {
  /** Default: the model the request asked for. */
  model?: string;
  /** Missing counts are estimated from the prompt and the answer. */
  usage?: Partial<AnthropicUsageCounts>;
}

/** A 200 message with one text block. */
export interface TextReply extends MessageReply {
  type: 'text';
  /** Default ''. */
  text?: string;
  /** Default `end_turn`. */
  stopReason?: StopReason | null;
  stopSequence?: string | null;
}

/** A 200 message calling a tool, as the model answers a forced `tool_choice`. */
export interface ToolReply extends MessageReply {
  type: 'tool';
  /** Default: the simplest value that fits the called tool's `input_schema`. */
  input?: unknown;
  /** Default: the tool the request forces (`tool_choice`). */
  name?: string;
  /** Text the model writes before the call. */
  text?: string;
  /** Default `tool_use`. */
  stopReason?: StopReason | null;
}

/**
 * A 200 message cut off at `max_tokens`: a partial tool call (input `{}` unless given) when the request forces a tool,
 * otherwise partial text.
 */
export interface TruncatedReply extends MessageReply {
  type: 'truncated';
  /** Default: the start of a sentence. */
  text?: string;
  input?: unknown;
}

/** A 200 message with stop reason `refusal` and its `stop_details`, as when a safety classifier steps in. */
export interface RefusalReply extends MessageReply {
  type: 'refusal';
  /** Text written before the refusal; default none. */
  text?: string;
  explanation?: string | null;
  category?: RefusalStopDetails['category'];
}

/** An HTTP error with the real error body `{"type":"error","error":{"type","message"},"request_id"}`. */
export interface ErrorReply extends DelayedReply {
  type: 'error';
  status: number;
  /** Defaults are what the real API sends for this status. */
  errorType?: string;
  message?: string;
}

/** A string is shorthand for `{ type: 'text', text }`. */
export type FakeAnthropicReply =
  | string
  | TextReply
  | ToolReply
  | TruncatedReply
  | RefusalReply
  | ErrorReply
  | MalformedReply
  | RawReply
  | HangReply
  | ResetReply;

/** Decides the answer to one `POST /v1/messages` from its body (as the SDK sent it). */
export type FakeAnthropicHandler = (
  body: MessageCreateParams,
  request: RecordedRequest,
) => FakeAnthropicReply | Promise<FakeAnthropicReply>;
