import type { StageNames } from '../core/project-settings';

/** The provider a project uses when it names none. */
export const DEFAULT_PROVIDER_NAME = 'openai';

/** The stage implementations a project uses when it names none. */
export const DEFAULT_STAGE_NAMES: Readonly<StageNames> = Object.freeze({
  configParser: 'label-studio-xml.v1',
  promptRenderer: 'template.v1',
  responseParser: 'json.v1',
  resultMapper: 'label-studio.v1',
});
