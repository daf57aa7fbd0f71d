import OpenAI from 'openai';
import { PLACEHOLDER_API_KEY } from './placeholder-api-key';

export interface OpenAIClientSettings {
  /** Without one, the client sends no Authorization header. */
  apiKey: string | undefined;
  baseURL: string;
  timeoutMs: number;
  /** Default null, not OPENAI_ORG_ID. */
  organization?: string | null;
  /** Default null, not OPENAI_PROJECT_ID. */
  project?: string | null;
}

/**
 * An `openai` client with SDK retries off and every setting the SDK would otherwise read from process.env given.
 */
export function createOpenAIClient({
  apiKey,
  baseURL,
  timeoutMs,
  organization = null,
  project = null,
}: OpenAIClientSettings): OpenAI {
  return new OpenAI({
    apiKey: apiKey ?? PLACEHOLDER_API_KEY,
    baseURL,
    maxRetries: 0,
    timeout: timeoutMs,
    organization,
    project,
    adminAPIKey: null,
    webhookSecret: null,
    ...(!apiKey && { defaultHeaders: { Authorization: null } }),
  });
}
