import type { EditorPrediction, EditorResult, RenderedEditor } from './label-studio-editor';
import { isRecord } from '../../core/shared/is-record';

const NUMERIC_TOLERANCE = 1e-6;

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Where `kept` differs from `sent`, numbers within 1e-6 counting as equal. Keys only the editor has are what it
 * derives (e.g. `globalOffsets` of a HyperText span), not a change to what was sent.
 */
function compareValues(sent: unknown, kept: unknown, where: string): string[] {
  if (typeof sent === 'number' && typeof kept === 'number') {
    return Math.abs(sent - kept) <= NUMERIC_TOLERANCE ? [] : [`${where} is ${show(kept)} in the editor, ${show(sent)} was sent`];
  }
  if (Array.isArray(sent) && Array.isArray(kept)) {
    if (sent.length !== kept.length) return [`${where} is ${show(kept)} in the editor, ${show(sent)} was sent`];
    return sent.flatMap((item, index) => compareValues(item, kept[index], `${where}[${index}]`));
  }
  if (isRecord(sent) && isRecord(kept)) {
    return Object.keys(sent).flatMap((key) => compareValues(sent[key], kept[key], `${where}.${key}`));
  }
  return sent === kept ? [] : [`${where} is ${show(kept)} in the editor, ${show(sent)} was sent`];
}

/** The result's value; a broken result without one is treated as empty, and its loss reported elsewhere. */
function valueOf(result: EditorResult): Record<string, unknown> {
  return isRecord(result.value) ? result.value : {};
}

function labelsOf(result: EditorResult): string[] | null {
  const value = valueOf(result);
  const key = Object.keys(value).find((name) => name.endsWith('labels'));
  const labels = key === undefined ? undefined : value[key];
  return Array.isArray(labels) ? labels.map(String) : null;
}

function isSpan(result: EditorResult): boolean {
  return typeof valueOf(result).text === 'string' && labelsOf(result) !== null;
}

function isBox(result: EditorResult): boolean {
  return ['x', 'y', 'width', 'height'].every((key) => typeof valueOf(result)[key] === 'number');
}

function findKept(sent: EditorResult, rendered: RenderedEditor): EditorResult | undefined {
  const sameId = rendered.results.filter((kept) => kept.id === sent.id);
  return sameId.find((kept) => kept.from_name === sent.from_name) ?? sameId[0];
}

function compareEnvelope(sent: EditorResult, kept: EditorResult): string[] {
  return (['from_name', 'to_name', 'type'] as const)
    .filter((key) => sent[key] !== kept[key])
    .map((key) => `${key} is ${show(kept[key])} in the editor, ${show(sent[key])} was sent`);
}

function compareControl(sent: EditorResult, rendered: RenderedEditor): string[] {
  const control = rendered.controls.find((candidate) => candidate.name === sent.from_name);
  if (!control) return [`the config has no control named ${show(sent.from_name)}`];
  return control.type === sent.type ? [] : [`type ${show(sent.type)} does not match the control <${control.type}>`];
}

function compareRegionLabels(sent: EditorResult, rendered: RenderedEditor): string[] {
  const labels = labelsOf(sent);
  if (labels === null) return [];
  const region = rendered.regions.find((candidate) => candidate.id === sent.id);
  if (!region) return ['the editor made no region of it'];
  return labels.filter((label) => !region.labels.includes(label)).map((label) => `label ${show(label)} is not on its region`);
}

function compareHighlight(sent: EditorResult, rendered: RenderedEditor): string[] {
  if (!isSpan(sent)) return [];
  const highlights = rendered.highlights.filter((highlight) => highlight.regionId === sent.id);
  if (highlights.length === 0) return ['no highlighted span is drawn for it'];
  const text = highlights.map((highlight) => highlight.text).join('');
  const label = highlights.map((highlight) => highlight.label ?? '').join('');
  const expectedLabel = (labelsOf(sent) ?? []).join(',');
  const differences: string[] = [];
  const { text: sentText, start, end } = valueOf(sent);
  if (text !== sentText) differences.push(`the highlighted text is ${show(text)}, value.text is ${show(sentText)}`);
  if (typeof start === 'number' && typeof end === 'number' && text.length !== end - start) {
    differences.push(`the highlight is ${text.length} characters long, end - start is ${end - start}`);
  }
  if (label !== expectedLabel) differences.push(`the highlight shows label ${show(label || null)}, ${show(expectedLabel)} was sent`);
  return differences;
}

function compareChoices(sent: EditorResult, rendered: RenderedEditor): string[] {
  const choices = valueOf(sent).choices;
  if (sent.type !== 'choices' || !Array.isArray(choices)) return [];
  const selected = rendered.controls.find((control) => control.name === sent.from_name)?.selectedValues ?? [];
  return choices.map(String).flatMap((choice) => [
    ...(selected.includes(choice) ? [] : [`choice ${show(choice)} is not selected in <${sent.from_name}>`]),
    ...(rendered.checkedInPage.includes(choice) ? [] : [`no checked box or radio button shows ${show(choice)}`]),
  ]);
}

function compareBox(sent: EditorResult): string[] {
  if (!isBox(sent)) return [];
  const { x, y, width, height } = valueOf(sent) as Record<'x' | 'y' | 'width' | 'height', number>;
  const inside = (start: number, size: number) => start >= -NUMERIC_TOLERANCE && size >= 0 && start + size <= 100 + NUMERIC_TOLERANCE;
  return inside(x, width) && inside(y, height) ? [] : [`the box ${show({ x, y, width, height })} is not inside the image (0..100 %)`];
}

function compareResult(sent: EditorResult, rendered: RenderedEditor): string[] {
  const kept = findKept(sent, rendered);
  if (!kept) return ['the editor dropped it', ...compareControl(sent, rendered)];
  return [
    ...compareEnvelope(sent, kept),
    ...compareValues(sent.value, kept.value, 'value'),
    ...compareControl(sent, rendered),
    ...compareRegionLabels(sent, rendered),
    ...compareHighlight(sent, rendered),
    ...compareChoices(sent, rendered),
    ...compareBox(sent),
  ];
}

function compareIds(results: EditorResult[]): string[] {
  const seen = new Map<string, Set<string>>();
  const differences: string[] = [];
  results.forEach((result, index) => {
    if (typeof result.id !== 'string' || result.id === '') {
      differences.push(`result ${index} (${result.from_name}) has no id, so the editor's copy cannot be matched`);
      return;
    }
    const controls = seen.get(result.id) ?? new Set<string>();
    if (controls.has(result.from_name)) differences.push(`result id ${show(result.id)} is used twice for <${result.from_name}>`);
    seen.set(result.id, controls.add(result.from_name));
  });
  return differences;
}

function compareExtras(sent: EditorResult[], rendered: RenderedEditor): string[] {
  const sentIds = new Set(sent.map((result) => result.id));
  return [
    ...rendered.results
      .filter((kept) => !sentIds.has(kept.id))
      .map((kept) => `the editor has a result ${show(kept.id)} (${kept.from_name}) that was not sent`),
    ...rendered.highlights
      .filter((highlight) => highlight.regionId === null || !sentIds.has(highlight.regionId))
      .map((highlight) => `the editor highlights ${show(highlight.text)} for no sent result`),
  ];
}

/**
 * What the editor did not keep or draw as sent: each difference is one sentence; none means the editor shows the
 * prediction exactly as prelabel sent it.
 */
export function compareWithEditor(sent: EditorPrediction, rendered: RenderedEditor): string[] {
  const pageErrors = rendered.pageErrors.map((error) => `page error: ${error}`);
  const noResultList = Array.isArray(sent.result) ? [] : ['the prediction has no result list'];
  if (!rendered.initialized) return [...noResultList, 'the editor never loaded the task', ...pageErrors];
  const results = Array.isArray(sent.result) ? sent.result : [];
  return [
    ...noResultList,
    ...pageErrors,
    ...rendered.validationErrors.map((error) => `the editor shows an error: ${error}`),
    ...compareIds(results),
    ...results
      .filter((result) => typeof result.id === 'string')
      .flatMap((result) => compareResult(result, rendered).map((difference) => `result ${result.id} (${result.from_name}): ${difference}`)),
    ...compareExtras(results, rendered),
  ];
}
