import type { MentionConfidence } from '../confidence/compute-confidence';
import type { LabelStudioResult } from '../spec/label-studio';
import { createResultId } from '../stages/label-studio-result-mapper';
import type { CallLabels } from '../spec/pipeline-observer';
import { repeatsRegion, type InteractiveContext } from './interactive-context';

/**
 * Gives each span result the confidence of the mention it came from (same control, label and quote; each mention
 * used once), so Label Studio shows a score per region.
 */
export function withRegionScores(results: LabelStudioResult[], mentions: Array<{ control: string } & MentionConfidence>): LabelStudioResult[] {
  if (mentions.length === 0) return results;
  const unused = [...mentions];
  return results.map((result) => {
    const labels = Object.values(result.value).find((value) => Array.isArray(value)) as unknown[] | undefined;
    const index = unused.findIndex(
      (mention) => mention.control === result.from_name && mention.text === result.value.text && labels?.includes(mention.label),
    );
    if (index < 0) return result;
    const [mention] = unused.splice(index, 1);
    return { ...result, score: (mention as MentionConfidence).confidence };
  });
}

/** Says in each result which fallback answered (Label Studio shows result meta with the region). */
export function markAnsweredBy(results: LabelStudioResult[], labels: CallLabels): LabelStudioResult[] {
  const note = `answered by fallback ${labels.provider} ${labels.model}`;
  return results.map((result) => ({ ...result, meta: { text: [...(result.meta?.text ?? []), note] } }));
}

/**
 * Interactive pre-annotation: the annotator's own regions are not repeated, and the instruction is echoed back into
 * the prompt TextArea it was typed in.
 */
export function withInteractiveEcho(results: LabelStudioResult[], interactive: InteractiveContext | null): LabelStudioResult[] {
  if (!interactive) return results;
  const kept = results.filter((result) => !repeatsRegion(result, interactive.regions));
  if (interactive.promptControl && interactive.instruction) {
    const { name, toName } = interactive.promptControl;
    kept.push({ id: createResultId(), from_name: name, to_name: toName, type: 'textarea', value: { text: [interactive.instruction] } });
  }
  return kept;
}

/** The task's results as Label Studio shows them: region scores, the fallback that answered, the interactive echo. */
export function decorateResults(
  results: LabelStudioResult[],
  decorations: { mentionScores: Array<{ control: string } & MentionConfidence>; answeredBy: CallLabels | null; interactive: InteractiveContext | null },
): LabelStudioResult[] {
  const marked = decorations.answeredBy ? markAnsweredBy(results, decorations.answeredBy) : results;
  return withInteractiveEcho(withRegionScores(marked, decorations.mentionScores), decorations.interactive);
}
