import type { ProviderSettings } from '../../core/spec/project-settings';
import { isClaude3OrLater } from './base-claude-model-id';

/** Whether to send images to this model: the YAML's `provider.accepts_images`, else whether it is Claude 3 or later. */
export function resolveAnthropicImageInput(provider: Pick<ProviderSettings, 'model' | 'acceptsImages'>): boolean {
  return provider.acceptsImages ?? isClaude3OrLater(provider.model);
}
