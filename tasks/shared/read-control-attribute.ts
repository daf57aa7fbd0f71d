import type { ControlTag } from '../../core/spec/label-config';
import { readAttribute } from './read-attribute';

/** A control attribute as Label Studio reads it: names are case-insensitive, blank values count as absent. */
export function readControlAttribute(control: ControlTag, name: string): string | undefined {
  const value = readAttribute(control.attributes, name);
  return value === undefined || value.trim() === '' ? undefined : value;
}
