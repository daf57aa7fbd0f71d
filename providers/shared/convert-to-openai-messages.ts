import type { ChatCompletionContentPart, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { messageText, type ChatMessage, type ContentPart } from '../../core/spec/language-model';

function convertPart(part: ContentPart): ChatCompletionContentPart {
  if (part.type === 'text') return { type: 'text', text: part.text };
  const url = 'url' in part ? part.url : `data:${part.mediaType};base64,${part.data}`;
  return { type: 'image_url', image_url: { url } };
}

/** Core messages → Chat Completions messages; images go in user messages as `image_url` parts. */
export function convertToOpenAIMessages(messages: ChatMessage[]): ChatCompletionMessageParam[] {
  return messages.map((message): ChatCompletionMessageParam => {
    if (message.role === 'user') {
      return { role: 'user', content: typeof message.content === 'string' ? message.content : message.content.map(convertPart) };
    }
    return { role: message.role, content: messageText(message) };
  });
}
