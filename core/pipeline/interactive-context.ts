import type { ControlTag } from '../spec/label-config';
import type { LabelStudioResult } from '../spec/label-studio';
import { isRecord } from '../shared/is-record';

/** What Label Studio's interactive mode sends in `params.context` (protocol doc §4.5), read for one call. */
export interface InteractiveContext {
  /** The annotator's instruction, typed into a prompt TextArea; null when none. */
  instruction: string | null;
  /** The prompt TextArea it came from, to echo the instruction back into. */
  promptControl: { name: string; toName: string } | null;
  /** The regions the annotator drew (e.g. a span labelled ORG): hints for the model, never repeated in the answer. */
  regions: Array<Pick<LabelStudioResult, 'from_name' | 'to_name' | 'type' | 'value'>>;
}

/**
 * Reads `params.context`; null when it carries no results (a batch call). Odd items are ignored, and so is an
 * instruction from a prompt TextArea the labeling config does not have (`promptControls`): echoing it back would send
 * Label Studio a result for a control that does not exist. The echo's `to_name` is one the control really has.
 */
export function readInteractiveContext(
  context: unknown,
  promptPrefix: string,
  promptControls: ReadonlyArray<Pick<ControlTag, 'name' | 'toName'>>,
): InteractiveContext | null {
  if (!isRecord(context) || !Array.isArray(context.result) || context.result.length === 0) return null;
  const interactive: InteractiveContext = { instruction: null, promptControl: null, regions: [] };
  for (const item of context.result) {
    if (!isRecord(item) || typeof item.from_name !== 'string' || typeof item.type !== 'string' || !isRecord(item.value)) continue;
    const toName = typeof item.to_name === 'string' ? item.to_name : '';
    if (item.type === 'textarea' && item.from_name.startsWith(promptPrefix)) {
      const control = promptControls.find((candidate) => candidate.name === item.from_name);
      if (!control || control.toName.length === 0) continue;
      const lines = Array.isArray(item.value.text) ? item.value.text.filter((line): line is string => typeof line === 'string') : [];
      const instruction = lines.join('\n').trim();
      if (instruction) {
        interactive.instruction = instruction;
        interactive.promptControl = { name: control.name, toName: control.toName.includes(toName) ? toName : (control.toName[0] as string) };
      }
      continue;
    }
    interactive.regions.push({ from_name: item.from_name, to_name: toName, type: item.type, value: item.value });
  }
  return interactive;
}

/** One line per region for the prompt, e.g. `ner: "Apple" labelled ORG`. */
export function describeRegion(region: InteractiveContext['regions'][number]): string {
  const { value } = region;
  const labels = Object.entries(value).find(([key, entry]) => key !== 'text' && Array.isArray(entry))?.[1] as unknown[] | undefined;
  if (typeof value.text === 'string' && labels) return `${region.from_name}: "${value.text}" labelled ${labels.join(', ')}`;
  return `${region.from_name}: ${JSON.stringify(value)}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether a result repeats a region the annotator already drew (same control, type and value). */
export function repeatsRegion(result: Pick<LabelStudioResult, 'from_name' | 'type' | 'value'>, regions: InteractiveContext['regions']): boolean {
  const key = canonical(result.value);
  return regions.some((region) => region.from_name === result.from_name && region.type === result.type && canonical(region.value) === key);
}
