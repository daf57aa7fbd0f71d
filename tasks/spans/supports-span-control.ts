import type { ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { readAttribute } from '../shared/read-attribute';

/** An object that shows task data itself: not loaded from a URL, not base64-encoded. */
export function showsInlineData(object: ObjectTag): boolean {
  const encoding = readAttribute(object.attributes, 'encoding');
  return (
    object.dataField !== null &&
    readAttribute(object.attributes, 'valueType') !== 'url' &&
    (encoding === undefined || encoding === 'none')
  );
}

/** Config-declared labels of a whole-task span control on exactly one object of the given type. */
export function supportsSpanControl(target: PredictionTarget, controlType: string, objectType: string): boolean {
  const { control, objects } = target;
  return (
    control.type === controlType &&
    !control.perRegion &&
    !control.dynamicOptions &&
    control.options.length > 0 &&
    control.options.every((option) => option.children.length === 0) &&
    objects.length === 1 &&
    objects.every((object) => object.type === objectType && showsInlineData(object))
  );
}
