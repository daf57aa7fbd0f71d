export interface DelayedReply {
  /** Wait this long before answering. */
  delayMs?: number;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string>;
}

/** A response (200 by default) whose body is not valid JSON although its content type says JSON. */
export interface MalformedReply extends DelayedReply {
  type: 'malformed';
  status?: number;
  /** Default: the start of an answer, cut off. */
  body?: string;
  /** Default `application/json`. */
  contentType?: string;
}

/** Any status and body; an object body is sent as JSON. */
export interface RawReply extends DelayedReply {
  type: 'raw';
  status?: number;
  body: string | object;
}

/** Never finishes answering; `close()` ends the connection. */
export interface HangReply {
  type: 'hang';
  /** When set, sends a 200 with JSON headers and this start of a body, then stalls. */
  partialBody?: string;
}

/** Drops the connection without an answer (a connection reset, as a crashed proxy does). */
export interface ResetReply {
  type: 'reset';
}

/** What a fake server can be scripted to answer: a shorthand string, or a reply with a `type`. */
export type ScriptableReply = string | { type: string; delayMs?: number };
