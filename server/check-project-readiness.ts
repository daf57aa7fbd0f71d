import { NothingToPredictError, UnreadableObjectError, type PrelabelError } from '../core/errors';
import type { ModelCandidate } from '../core/model-calls/model-candidate';
import type { ProjectPipeline as Pipeline } from '../core/spec/project-pipeline';
import type { ProjectSettings } from '../core/spec/project-settings';
import type { ModelAccessChecks } from './model-access-checks';

export interface ProjectReadiness {
  /** What makes the project unusable, most actionable first: `/setup` fails with the first, `validate` lists all. */
  problems: PrelabelError[];
  /** What may go wrong but does not stop the project: a fallback that cannot be used, a check without an answer. */
  warnings: string[];
}

function describeFile(settings: Pick<ProjectSettings, 'sourceFile'>): string {
  return settings.sourceFile ?? 'a project YAML file (projects/NAME.yaml)';
}

/** The labeling config's part: something to fill, and no control pointing at an object prelabel cannot read. */
function findConfigProblems(pipeline: Pick<Pipeline, 'targets' | 'skipped'>, settings: Pick<ProjectSettings, 'sourceFile'>): PrelabelError[] {
  const describe = (skipped: Pipeline['skipped'][number]) => `${skipped.tag ?? `"${skipped.control}"`}: ${skipped.reason}`;
  if (pipeline.targets.length === 0) {
    const controls = pipeline.skipped.map(describe);
    return [
      new NothingToPredictError(
        `no control of the labeling config can be filled by prelabel${controls.length > 0 ? `: ${controls.join('; ')}` : ' (it has no control tags)'}. ` +
          'Add a control prelabel fills (Choices, Labels, TextArea, Rating, Number, DateTime, Taxonomy, Pairwise on text; Choices and the like on images with a vision model)',
      ),
    ];
  }
  const unreadable = pipeline.skipped.filter((skipped) => skipped.unreadableObjects && skipped.unreadableObjects.length > 0);
  if (unreadable.length === 0) return [];
  const objects = [...new Set(unreadable.flatMap((skipped) => skipped.unreadableObjects ?? []))];
  return [
    new UnreadableObjectError(
      `the labeling config uses ${objects.join(', ')}, which prelabel cannot read: ${unreadable.map(describe).join('; ')}. ` +
        `Remove those controls, or list the controls prelabel should fill (${pipeline.targets.map((target) => target.control.name).join(', ')}) in controls.include of ${describeFile(settings)}`,
    ),
  ];
}

/**
 * Everything that makes "Validate and Save" and `prelabel validate` fail: a labeling config with nothing to fill or
 * with controls on objects prelabel cannot read, and the provider's key and model (one cached check each). Fallbacks
 * are checked too, but only warned about. Only definite answers are problems; a check without an answer is a warning.
 */
export async function checkProjectReadiness(options: {
  /** Without one (no labeling config known), only the providers are checked. */
  pipeline?: Pick<Pipeline, 'targets' | 'skipped'>;
  candidates: ModelCandidate[];
  settings: Pick<ProjectSettings, 'sourceFile'>;
  accessChecks: ModelAccessChecks;
}): Promise<ProjectReadiness> {
  const { pipeline, candidates, settings, accessChecks } = options;
  const problems: PrelabelError[] = [];
  const warnings: string[] = [];
  const checks = await Promise.all(candidates.map((candidate) => accessChecks.check(candidate.model)));
  checks.forEach((check, index) => {
    if (!check) return;
    const { provider, model } = candidates[index] as ModelCandidate;
    const name = index === 0 ? `provider ${provider.name} ${model.modelId}` : `fallback ${index} (${provider.name} ${model.modelId})`;
    if (check.access.status === 'denied') {
      if (index === 0) problems.push(check.access.error);
      else if (check.fresh) warnings.push(`${name} cannot be used: ${check.access.error.message}`);
    } else if (check.access.status === 'unverified' && check.fresh) {
      warnings.push(`${name} could not be checked, going on: ${check.access.reason}`);
    }
  });
  if (pipeline) problems.push(...findConfigProblems(pipeline, settings));
  return { problems, warnings };
}
