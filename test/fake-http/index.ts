export type { DelayedReply, HangReply, MalformedReply, RawReply, ResetReply, ScriptableReply } from './fake-http-reply';
export { sendJson, type SendJson } from './send-json';
export { sendLiteralReply } from './send-literal-reply';
export {
  startFakeHttpServer,
  type FakeHttpExchange,
  type FakeHttpHandler,
  type FakeHttpServer,
  type FakeHttpServerOptions,
  type RecordedHttpRequest,
  type SentReply,
} from './start-fake-http-server';
