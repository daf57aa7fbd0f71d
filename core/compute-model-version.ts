import { createHash } from 'node:crypto';
import type { ResponseFormat } from './language-model';
import type { ProjectSettings } from './project-settings';

/**
 * `model_version`: a hash of everything that decides the answers (provider, model, parameters, prompt, schema,
 * labeling config, task versions), never of secrets or of settings that only change speed (retries, concurrency).
 */
export function computeModelVersion(input: {
  settings: ProjectSettings;
  labelConfigXml: string;
  promptFingerprint: string;
  responseFormat: ResponseFormat;
  tasks: string[];
}): string {
  const { provider, stages } = input.settings;
  const answerDeciding = {
    stages,
    provider: {
      name: provider.name,
      model: provider.model,
      baseUrl: provider.baseUrl ?? null,
      temperature: provider.temperature ?? null,
      maxOutputTokens: provider.maxOutputTokens ?? null,
      options: provider.options,
    },
    labelConfigXml: input.labelConfigXml,
    prompt: input.promptFingerprint,
    responseFormat: input.responseFormat,
    tasks: input.tasks,
  };
  const hash = createHash('sha256').update(JSON.stringify(answerDeciding)).digest('hex').slice(0, 12);
  return `prelabel-${provider.model}-${hash}`;
}
