/**
 * `claude-3-5-sonnet-20240620` from the ids routers and clouds use: `anthropic/claude-3-5-sonnet-20240620` (routers),
 * `us.anthropic.claude-3-5-sonnet-20240620-v1:0` (Bedrock) or `claude-3-5-sonnet@20240620` (Vertex), lower-cased.
 */
export function baseClaudeModelId(modelId: string): string {
  const withoutRouter = modelId.slice(modelId.lastIndexOf('/') + 1).toLowerCase();
  const anthropicPrefix = withoutRouter.indexOf('anthropic.');
  return anthropicPrefix === -1 ? withoutRouter : withoutRouter.slice(anthropicPrefix + 'anthropic.'.length);
}

/** Claude 1 and 2 and Claude Instant: no tools, no images. */
const PRE_CLAUDE_3_MODEL = /^claude-(instant|v?[12])([-.:@]|$)/;

/** Whether the id names a Claude model of the third generation or later (tools and images). */
export function isClaude3OrLater(modelId: string): boolean {
  const baseId = baseClaudeModelId(modelId);
  return baseId.startsWith('claude-') && !PRE_CLAUDE_3_MODEL.test(baseId);
}
