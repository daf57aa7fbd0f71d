import Ajv, { type ErrorObject } from 'ajv';
import { RequestInvalidError } from '../core/errors';
import type { LabelStudioTask } from '../core/spec/label-studio';

/** The parts of Label Studio's request bodies prelabel relies on (protocol doc §3.3, §3.4); other keys pass. */
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });

const projectSchema = { type: ['string', 'integer', 'null'] };

const validateSetup = ajv.compile({
  type: 'object',
  properties: {
    project: projectSchema,
    schema: { type: 'string' },
  },
  required: ['schema'],
});

const validatePredict = ajv.compile({
  type: 'object',
  properties: {
    tasks: { type: 'array', items: { type: 'object' } },
    project: projectSchema,
    label_config: { type: 'string' },
    params: { type: ['object', 'null'] },
  },
  required: ['tasks'],
});

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((error) => {
      const field = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body';
      if (error.keyword === 'required') return `field "${(error.params as { missingProperty: string }).missingProperty}" is missing`;
      return `field "${field}" ${error.message}`;
    })
    .join('; ');
}

function assertObject(body: unknown): asserts body is Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RequestInvalidError('the request body must be a JSON object');
  }
}

/** `"3.1718035482"` (Label Studio's `<id>.<created timestamp>`) or `3` → `"3"`; absent → null. */
export function parseProjectId(project: unknown): string | null {
  if (typeof project === 'number') return String(project);
  if (typeof project !== 'string' || project.trim() === '') return null;
  return project.split('.', 1)[0]?.trim() || null;
}

/** `extra_params` arrives as a JSON string (from the UI, possibly ""), an object (from the API) or null. */
export function normalizeExtraParams(extraParams: unknown): Record<string, unknown> {
  if (typeof extraParams === 'string') {
    if (extraParams.trim() === '') return {};
    try {
      const parsed: unknown = JSON.parse(extraParams);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return typeof extraParams === 'object' && extraParams !== null && !Array.isArray(extraParams)
    ? (extraParams as Record<string, unknown>)
    : {};
}

export interface SetupRequest {
  projectId: string | null;
  labelConfigXml: string;
  extraParams: Record<string, unknown>;
}

export function parseSetupRequest(body: unknown): SetupRequest {
  assertObject(body);
  if (!validateSetup(body)) throw new RequestInvalidError(`invalid /setup request: ${describe(validateSetup.errors)}`);
  return {
    projectId: parseProjectId(body.project),
    labelConfigXml: body.schema as string,
    extraParams: normalizeExtraParams(body.extra_params),
  };
}

export interface PredictRequest {
  projectId: string | null;
  labelConfigXml: string | null;
  tasks: LabelStudioTask[];
  context: Record<string, unknown> | null;
}

export function parsePredictRequest(body: unknown): PredictRequest {
  assertObject(body);
  if (!validatePredict(body)) throw new RequestInvalidError(`invalid /predict request: ${describe(validatePredict.errors)}`);
  const params = (body.params ?? {}) as Record<string, unknown>;
  const context = params.context;
  return {
    projectId: parseProjectId(body.project),
    labelConfigXml: typeof body.label_config === 'string' ? body.label_config : null,
    tasks: body.tasks as LabelStudioTask[],
    context: typeof context === 'object' && context !== null ? (context as Record<string, unknown>) : null,
  };
}
