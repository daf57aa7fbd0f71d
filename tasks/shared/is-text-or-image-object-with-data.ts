import type { ObjectTag } from '../../core/spec/label-config';
import { isTextObjectWithData } from './is-text-object-with-data';

/**
 * A text-like object, or an `<Image>`, that shows a task data field: what controls answered from the whole task
 * (Choices, TextArea, Taxonomy, Rating, Number) can be filled from. Images go to vision models.
 */
export function isTextOrImageObjectWithData(object: ObjectTag): boolean {
  return isTextObjectWithData(object) || (object.type === 'Image' && object.dataField !== null);
}
