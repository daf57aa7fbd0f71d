import type { ControlOption, ControlTag, LabelConfig } from '../../core/spec/label-config';

/**
 * An independent check of a prediction against a labeling config, written from Label Studio's rules (protocol doc
 * §7.3 and the editor's behaviour), not from prelabel's validators: the oracle of the garbage-answer tests.
 */
export function findPredictionProblems(prediction: unknown, config: LabelConfig, data: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const record = prediction as { result?: unknown; score?: unknown; model_version?: unknown };
  if (!Array.isArray(record.result)) return ['result is not a list'];
  if (record.score !== null && (typeof record.score !== 'number' || record.score < 0 || record.score > 1)) problems.push('score out of [0, 1]');
  if (typeof record.model_version !== 'string' || record.model_version === '') problems.push('model_version is not a string');
  const ids = new Set<string>();
  for (const result of record.result as Array<Record<string, any>>) {
    const where = `result ${JSON.stringify(result).slice(0, 120)}`;
    if (typeof result.id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(result.id)) problems.push(`${where}: bad id`);
    if (ids.has(result.id)) problems.push(`${where}: duplicate id`);
    ids.add(result.id);
    const control = config.controls.find((candidate) => candidate.name === result.from_name);
    if (!control) {
      problems.push(`${where}: from_name is not a control`);
      continue;
    }
    const object = config.objects.find((candidate) => candidate.name === result.to_name);
    if (!object || !control.toName.includes(result.to_name)) problems.push(`${where}: to_name is not an object of the control`);
    if (result.type !== control.type.toLowerCase()) problems.push(`${where}: type is not ${control.type.toLowerCase()}`);
    if (typeof result.value !== 'object' || result.value === null || Array.isArray(result.value)) {
      problems.push(`${where}: value is not an object`);
      continue;
    }
    const problem = findValueProblem(result.type, result.value, control, object?.dataField && Object.hasOwn(data, object.dataField) ? data[object.dataField] : undefined);
    if (problem) problems.push(`${where}: ${problem}`);
  }
  return problems;
}

function labelsOf(options: ControlOption[]): string[] {
  return options.flatMap((option) => [option.resultValue, ...labelsOf(option.children)]);
}

function isSubsetOfLabels(values: unknown, control: ControlTag): boolean {
  const labels = new Set(labelsOf(control.options));
  return Array.isArray(values) && values.length > 0 && values.every((value) => typeof value === 'string' && labels.has(value));
}

function attributeNumber(control: ControlTag, name: string): number | undefined {
  const entry = Object.entries(control.attributes).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return entry && entry[1] !== '' ? Number(entry[1]) : undefined;
}

function findValueProblem(type: string, value: Record<string, any>, control: ControlTag, objectData: unknown): string | null {
  switch (type) {
    case 'choices':
      if (!isSubsetOfLabels(value.choices, control)) return 'choices not in the config';
      if (control.choice === 'single' && value.choices.length !== 1) return 'several choices on a single-choice control';
      return null;
    case 'labels': {
      if (!isSubsetOfLabels(value.labels, control)) return 'labels not in the config';
      const text = typeof objectData === 'string' ? [...objectData] : null;
      if (!text) return 'span on an object without text';
      if (!Number.isInteger(value.start) || !Number.isInteger(value.end) || value.start < 0 || value.end > text.length || value.start >= value.end) {
        return 'offsets outside the text';
      }
      if (text.slice(value.start, value.end).join('') !== value.text) return 'text does not equal the slice';
      return null;
    }
    case 'hypertextlabels':
    case 'paragraphlabels':
      if (!isSubsetOfLabels(value[type], control)) return 'labels not in the config';
      if (typeof value.text !== 'string' || value.text === '') return 'span without text';
      if (!Number.isInteger(value.startOffset) || !Number.isInteger(value.endOffset)) return 'offsets are not integers';
      return null;
    case 'textarea':
      if (!Array.isArray(value.text) || value.text.length === 0 || !value.text.every((line: unknown) => typeof line === 'string' && line.trim() !== '')) {
        return 'text is not a list of non-empty strings';
      }
      return null;
    case 'rating': {
      const maximum = attributeNumber(control, 'maxRating') ?? 5;
      return Number.isInteger(value.rating) && value.rating >= 1 && value.rating <= maximum ? null : 'rating out of range';
    }
    case 'number': {
      const minimum = attributeNumber(control, 'min');
      const maximum = attributeNumber(control, 'max');
      if (typeof value.number !== 'number' || !Number.isFinite(value.number)) return 'number is not finite';
      if ((minimum !== undefined && value.number < minimum) || (maximum !== undefined && value.number > maximum)) return 'number out of range';
      return null;
    }
    case 'datetime':
      return typeof value.datetime === 'string' && !Number.isNaN(Date.parse(value.datetime.length === 5 ? `2000-01-01T${value.datetime}` : value.datetime))
        ? null
        : 'datetime is not a date';
    case 'taxonomy':
      return Array.isArray(value.taxonomy) && value.taxonomy.length > 0 && value.taxonomy.every((path: unknown) => isTaxonomyPath(path, control.options))
        ? null
        : 'taxonomy path not in the tree';
    case 'pairwise':
      return value.selected === 'left' || value.selected === 'right' ? null : 'selected is not left or right';
    default:
      return `unexpected type ${type}`;
  }
}

function isTaxonomyPath(path: unknown, options: ControlOption[]): boolean {
  if (!Array.isArray(path) || path.length === 0) return false;
  let level = options;
  for (const step of path) {
    const node = level.find((option) => option.resultValue === step);
    if (!node) return false;
    level = node.children;
  }
  return true;
}
