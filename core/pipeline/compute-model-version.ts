import { createHash } from 'node:crypto';
import type { ResponseFormat } from '../spec/language-model';
import type { ProjectSettings } from '../spec/project-settings';

/**
 * `model_version`: a hash of everything that decides the answers (provider, model, parameters, prompt, schema,
 * labeling config, task versions), never of secrets or of settings that only change speed (retries, concurrency).
 */
export function computeModelVersion(input: {
  settings: ProjectSettings;
  labelConfigXml: string;
  /** The prompt and answer format of each provider, fallbacks included. */
  prompts: Array<{ fingerprint: string; responseFormat: ResponseFormat }>;
  tasks: string[];
}): string {
  const { provider, stages, fallbacks, confidence } = input.settings;
  const answerDeciding = {
    stages,
    providers: [provider, ...fallbacks].map((candidate) => ({
      name: candidate.name,
      model: candidate.model,
      baseUrl: candidate.baseUrl ?? null,
      temperature: candidate.temperature ?? null,
      maxOutputTokens: candidate.maxOutputTokens ?? null,
      options: candidate.options,
    })),
    labelConfigXml: input.labelConfigXml,
    prompts: input.prompts,
    tasks: input.tasks,
    // Self-consistency answers with the majority of several samples: other answers. Log-probabilities change none.
    selfConsistency: confidence.method === 'self-consistency' ? confidence.samples : null,
  };
  const hash = createHash('sha256').update(JSON.stringify(answerDeciding)).digest('hex').slice(0, 12);
  return `prelabel-${provider.model}-${hash}`;
}
