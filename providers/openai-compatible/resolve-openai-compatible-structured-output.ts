import type { StructuredOutputMode } from '../../core/spec/language-model';
import type { ProviderSettings } from '../../core/spec/project-settings';

/**
 * `provider.structured_output` says what the server supports. `auto` means `json_object`: nearly every server
 * (Ollama, vLLM, llama.cpp, OpenRouter, Groq) takes JSON mode, far fewer take a strict `json_schema`, and the model
 * id tells nothing about the server.
 */
export function resolveOpenAICompatibleStructuredOutput(
  structuredOutput: ProviderSettings['structuredOutput'],
): StructuredOutputMode {
  return structuredOutput === 'auto' ? 'json_object' : structuredOutput;
}
