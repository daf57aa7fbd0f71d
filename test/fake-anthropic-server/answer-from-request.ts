import type { MessageCreateParams, Tool, ToolUnion } from '@anthropic-ai/sdk/resources/messages';
import type { FakeAnthropicReply } from './fake-anthropic-reply';

function isCustomTool(tool: ToolUnion): tool is Tool {
  return 'input_schema' in tool;
}

/** The tool the request makes the model call: the one `tool_choice` names, or the first for `{type: 'any'}`. */
export function findForcedTool(body: MessageCreateParams): Tool | undefined {
  const tools = (body.tools ?? []).filter(isCustomTool);
  const toolChoice = body.tool_choice;
  if (toolChoice?.type === 'tool') return tools.find((tool) => tool.name === toolChoice.name);
  if (toolChoice?.type === 'any') return tools[0];
  return undefined;
}

/**
 * The fake server's default handler: when the request forces a tool, a call of it whose input is the simplest value
 * that fits its `input_schema`; otherwise the text `OK`.
 */
export function answerFromRequest(body: MessageCreateParams): FakeAnthropicReply {
  return findForcedTool(body) ? { type: 'tool' } : 'OK';
}
