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
export { Pipeline, type PredictionOutcome, type PredictOptions, type PredictTaskOptions } from './pipeline';
export { computeModelVersion } from './compute-model-version';
export { withRetry, computeRetryDelay } from './retry';
