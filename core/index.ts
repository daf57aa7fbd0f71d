/** prelabel's public surface for plugins and embedders: the stage spec, tokens, registry, errors. */
export * from './control-task';
export * from './errors';
export * from './label-config';
export * from './label-studio';
export * from './language-model';
export * from './logger';
export * from './project-settings';
export * from './provider-settings-check';
export * from './registry';
export * from './stages';
export { TOKENS } from './tokens';
export * from './project-pipeline';
export * from './language-model-middleware';
export { Pipeline } from './pipeline/pipeline';
export { wrapLanguageModel } from './model-calls/wrap-language-model';
export { computeModelVersion } from './pipeline/compute-model-version';
export { withRetry, computeRetryDelay } from './model-calls/retry';
