/** prelabel's public surface for plugins and embedders: the stage spec, tokens, registry, errors. */
export * from './control-task';
export * from './errors';
export * from './label-config';
export * from './label-studio';
export * from './language-model';
export * from './logger';
export * from './project-settings';
export * from './registry';
export * from './stages';
export { TOKENS } from './tokens';
export { Pipeline, type PredictionOutcome, type PredictOptions, type PredictTaskOptions } from './pipeline/pipeline';
export { computeModelVersion } from './pipeline/compute-model-version';
export { withRetry, computeRetryDelay } from './model-calls/retry';
