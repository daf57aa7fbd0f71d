import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';

/** The user message of a chat completion request: where prelabel puts task data. */
export function userMessageOf(body: ChatCompletionCreateParams): string {
  const user = body.messages.find((message) => message.role === 'user');
  return typeof user?.content === 'string' ? user.content : '';
}

/** A scripted "model": answers the sentiment of the task text by keywords, as JSON. */
export function answerSentiment(body: ChatCompletionCreateParams): string {
  const text = userMessageOf(body).toLowerCase();
  const sentiment = /love|great/.test(text) ? 'Positive' : /terrible|never/.test(text) ? 'Negative' : 'Neutral';
  return JSON.stringify({ sentiment });
}
