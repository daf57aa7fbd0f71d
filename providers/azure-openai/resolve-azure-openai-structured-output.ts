import type { LanguageModelWarning, StructuredOutputMode } from '../../core/spec/language-model';
import type { ProviderSettings } from '../../core/spec/project-settings';
import { resolveOpenAIStructuredOutput } from '../shared/resolve-openai-structured-output';
import { isApiVersionBefore } from './is-api-version-before';

/** The first api-version that takes each response format, and what to ask for on older ones. */
const RESPONSE_FORMAT_SINCE: ReadonlyArray<{ mode: StructuredOutputMode; since: string; fallback: StructuredOutputMode }> = [
  { mode: 'json_schema', since: '2024-08-01', fallback: 'json_object' },
  { mode: 'json_object', since: '2023-12-01', fallback: 'none' },
];

/**
 * What the deployment's model supports (as for OpenAI, from the base model id), capped by what the api-version
 * accepts. A `provider.structured_output` the api-version cannot take is lowered with a warning.
 */
export function resolveAzureOpenAIStructuredOutput({
  structuredOutput,
  baseModel,
  apiVersion,
}: {
  structuredOutput: ProviderSettings['structuredOutput'];
  baseModel: string;
  apiVersion: string;
}): { mode: StructuredOutputMode; warnings: LanguageModelWarning[] } {
  let mode = resolveOpenAIStructuredOutput({ model: baseModel, structuredOutput });
  for (const limit of RESPONSE_FORMAT_SINCE) {
    if (mode === limit.mode && isApiVersionBefore(apiVersion, limit.since)) mode = limit.fallback;
  }
  if (structuredOutput === 'auto' || mode === structuredOutput) return { mode, warnings: [] };
  return {
    mode,
    warnings: [
      {
        type: 'unsupported-setting',
        setting: 'provider.structured_output',
        message: `Azure OpenAI api-version ${apiVersion} does not take ${structuredOutput} response formats, so prelabel asks for ${mode} (set provider.options.api_version to a newer version to change that)`,
      },
    ],
  };
}
