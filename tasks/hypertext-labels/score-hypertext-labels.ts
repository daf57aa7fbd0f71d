import type { ControlScore, ScoreInput } from '../../core/spec/control-score';
import type { XpathOrder } from '../../core/evaluation-metrics/read-spans';
import type { PredictionTarget } from '../../core/spec/label-config';
import type { TaskData } from '../../core/spec/label-studio';
import { ownProperty } from '../../core/shared/own-property';
import { scoreSpans } from '../shared/score-spans';
import { isInline } from './map-hypertext-labels-result';
import { readHypertext } from './read-hypertext';

/** HyperText spans are placed by the document order of their XPaths in the task's HTML. */
function createXpathOrder(target: PredictionTarget, data: TaskData): XpathOrder | undefined {
  const object = target.objects[0];
  const source = object?.dataField ? ownProperty(data, object.dataField) : undefined;
  if (object?.type !== 'HyperText' || typeof source !== 'string') return undefined;
  const view = readHypertext(source, isInline(object));
  return (xpath) => view.nodeByXpath.get(xpath);
}

/** Span F1 for spans on a `<HyperText>`, their XPaths ordered by the task's HTML. */
export function scoreHypertextLabels(input: ScoreInput): ControlScore {
  return scoreSpans(input, (data) => createXpathOrder(input.target, data));
}
