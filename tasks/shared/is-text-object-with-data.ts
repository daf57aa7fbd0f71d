import type { ObjectTag } from '../../core/spec/label-config';

const TEXT_OBJECT_TYPES = new Set(['Text', 'HyperText', 'Paragraphs']);

/** A text-like object (`<Text>`, `<HyperText>`, `<Paragraphs>`) that shows a task data field. */
export function isTextObjectWithData(object: ObjectTag): boolean {
  return TEXT_OBJECT_TYPES.has(object.type) && object.dataField !== null;
}
