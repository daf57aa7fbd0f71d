import { JSON_RESPONSE_PARSER } from '../core/stages/json-response-parser';
import { LABEL_STUDIO_XML_CONFIG_PARSER } from '../core/label-config/label-config-parser';
import { LABEL_STUDIO_RESULT_MAPPER } from '../core/stages/label-studio-result-mapper';
import type { StageNames } from '../core/spec/project-settings';
import { TEMPLATE_PROMPT_RENDERER } from '../core/stages/template-prompt-renderer';

/** The provider a project uses when it names none (the schema's `provider.name` default says the same; a test checks). */
export const DEFAULT_PROVIDER_NAME = 'openai';

/** The stage implementations a project uses when it names none: the names core registers its default stages under. */
export const DEFAULT_STAGE_NAMES: Readonly<StageNames> = Object.freeze({
  configParser: LABEL_STUDIO_XML_CONFIG_PARSER,
  promptRenderer: TEMPLATE_PROMPT_RENDERER,
  responseParser: JSON_RESPONSE_PARSER,
  resultMapper: LABEL_STUDIO_RESULT_MAPPER,
});
