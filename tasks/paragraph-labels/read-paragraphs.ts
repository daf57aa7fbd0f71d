import type { PredictionTarget } from '../../core/spec/label-config';
import type { TaskData } from '../../core/spec/label-studio';
import { readAttribute } from '../shared/read-attribute';
import { ownProperty } from '../../core/shared/own-property';
import { isRecord } from '../../core/shared/is-record';

const DEFAULT_TEXT_KEY = 'text';

function paragraphText(item: unknown, textKey: string): string {
  if (!isRecord(item)) return '';
  const text = ownProperty(item, textKey);
  if (typeof text === 'string') return text;
  return typeof text === 'number' ? String(text) : '';
}

/** The texts of the paragraphs a `<Paragraphs>` shows (its `textKey`, `text` by default), in order, or why there are none. */
export function readParagraphs(target: PredictionTarget, data: TaskData): string[] | { problem: string } {
  const object = target.objects[0];
  const field = object?.dataField;
  if (!object || !field) return { problem: 'the control shows no task data field' };
  const list = ownProperty(data, field);
  if (!Array.isArray(list)) return { problem: `task data field "${field}" is not a list of paragraphs` };
  const textKey = readAttribute(object.attributes, 'textKey') ?? DEFAULT_TEXT_KEY;
  return list.map((item) => paragraphText(item, textKey));
}
