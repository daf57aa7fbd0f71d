import type { StructuredOutputMode } from '../../core/spec/language-model';
import type { ProviderSettings } from '../../core/spec/project-settings';
import { baseClaudeModelId, isClaude3OrLater } from './base-claude-model-id';

/**
 * The structured output to ask a Claude model for: the configured mode, or for `auto` `json_schema` (a forced tool
 * call) for every model that has tools, that is all but Claude 1, 2 and Instant. Ids that are not Claude's get
 * `json_schema` too: a server that speaks the Messages API is expected to have tools.
 */
export function resolveAnthropicStructuredOutput(
  provider: Pick<ProviderSettings, 'model' | 'structuredOutput'>,
): StructuredOutputMode {
  if (provider.structuredOutput !== 'auto') return provider.structuredOutput;
  const isClaude = baseClaudeModelId(provider.model).startsWith('claude-');
  return !isClaude || isClaude3OrLater(provider.model) ? 'json_schema' : 'none';
}
