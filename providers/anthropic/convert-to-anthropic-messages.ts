import type { Base64ImageSource, ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { messageText, type ChatMessage, type ContentPart } from '../../core/spec/language-model';

function convertPart(part: ContentPart): ContentBlockParam {
  if (part.type === 'text') return { type: 'text', text: part.text };
  if ('url' in part) return { type: 'image', source: { type: 'url', url: part.url } };
  return {
    type: 'image',
    source: { type: 'base64', media_type: part.mediaType as Base64ImageSource['media_type'], data: part.data },
  };
}

/**
 * Core messages → the Messages API's top-level `system` (every system message, in order) and its user and assistant
 * `messages`; images go in user messages as `image` blocks with a base64 or URL source.
 */
export function convertToAnthropicMessages(messages: ChatMessage[]): { system?: string; messages: MessageParam[] } {
  const systemTexts: string[] = [];
  const converted: MessageParam[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      systemTexts.push(messageText(message));
    } else if (message.role === 'user') {
      converted.push({ role: 'user', content: typeof message.content === 'string' ? message.content : message.content.map(convertPart) });
    } else {
      converted.push({ role: 'assistant', content: messageText(message) });
    }
  }
  return { ...(systemTexts.length > 0 && { system: systemTexts.join('\n\n') }), messages: converted };
}
