import type { ControlTag } from '../../core/spec/label-config';
import { oneLine } from './one-line';
import { readControlAttribute } from './read-control-attribute';

/** The prompt line of a control's `hint`, on one line and ending with a line break, or '' without a hint. */
export function describeHint(control: ControlTag): string {
  const hint = readControlAttribute(control, 'hint');
  return hint === undefined ? '' : `  Hint: ${oneLine(hint)}\n`;
}
