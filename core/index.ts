/** prelabel's public surface for plugins and embedders: the stage spec, tokens, registry, errors. */
export * from './spec/control-task';
export * from './errors';
export * from './spec/label-config';
export * from './spec/label-studio';
export * from './spec/language-model';
export * from './spec/logger';
export * from './spec/project-settings';
export * from './spec/provider-settings-check';
export * from './registry';
export * from './spec/stages';
export { TOKENS } from './tokens';
export * from './spec/project-pipeline';
export * from './spec/language-model-middleware';
export { Pipeline } from './pipeline/pipeline';
export { wrapLanguageModel } from './model-calls/wrap-language-model';
export { computeModelVersion } from './pipeline/compute-model-version';
export { withRetry, computeRetryDelay } from './model-calls/retry';
export type { ModelCandidate } from './model-calls/model-candidate';
