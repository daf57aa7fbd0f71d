import type { PredictionTarget } from '../../core/label-config';
import type { LabelStudioResult, TaskData } from '../../core/label-studio';
import type { PredictionOutcome } from '../../core/project-pipeline';
import { choicesLabels } from '../../tasks/choices/create-choices-schema';
import { isInline } from '../../tasks/hypertext-labels/map-hypertext-labels-result';
import { readHypertext } from '../../tasks/hypertext-labels/read-hypertext';
import { computeChoicesMetrics, isChoicesMatch, type ChoicesPair } from './compute-choices-metrics';
import { computeExactMatchMetrics, isValueMatch, type ValuePair } from './compute-exact-match-metrics';
import { computeSpanMetrics, isSpanMatch, type SpanPair } from './compute-span-metrics';
import { computeTextMetrics, isTextMatch, type TextPair } from './compute-text-metrics';
import { createRatio } from './create-ratio';
import type { ControlEvaluation, ControlMetrics } from './evaluation-report';
import { readComparableValue } from './read-comparable-value';
import { readSpans, type XpathOrder } from './read-spans';
import { ownProperty } from '../../core/own-property';

/** One evaluated task as one control sees it. */
export interface ControlItem {
  gold: LabelStudioResult[];
  predicted: LabelStudioResult[];
  data: TaskData;
}

/** A control's metrics, and per task whether the model was right (null: the human left the control empty). */
interface Judgement {
  metrics: ControlMetrics;
  verdicts: Array<boolean | null>;
}

export type ControlKind = 'choices' | 'spans' | 'text' | 'exact';

const SPAN_CONTROLS = new Set(['Labels', 'HyperTextLabels', 'ParagraphLabels']);

export function controlKindOf(type: string): ControlKind {
  if (type === 'Choices') return 'choices';
  if (SPAN_CONTROLS.has(type)) return 'spans';
  if (type === 'TextArea') return 'text';
  return 'exact';
}

function judgeEach<Pair>(items: ControlItem[], pairOf: (item: ControlItem) => Pair | null, isMatch: (pair: Pair) => boolean) {
  const pairs: Pair[] = [];
  const verdicts = items.map((item) => {
    const pair = pairOf(item);
    if (pair === null) return null;
    pairs.push(pair);
    return isMatch(pair);
  });
  return { pairs, verdicts };
}

/** The labels of choices results; a nested choice (`allowNested`) as its path joined by " / ". */
function readChoices(results: LabelStudioResult[]): string[] {
  return results.flatMap((result) => {
    const choices = result.value.choices;
    if (!Array.isArray(choices)) return [];
    return choices.map((choice) => (Array.isArray(choice) ? choice.join(' / ') : String(choice)));
  });
}

function readTexts(results: LabelStudioResult[]): string[] {
  return results.flatMap((result) => {
    const text = result.value.text;
    if (typeof text === 'string') return [text];
    return Array.isArray(text) ? text.filter((entry): entry is string => typeof entry === 'string') : [];
  });
}

/** HyperText spans are placed by the document order of their XPaths in the task's HTML. */
function createXpathOrder(target: PredictionTarget, data: TaskData): XpathOrder | undefined {
  const object = target.objects[0];
  const source = object?.dataField ? ownProperty(data, object.dataField) : undefined;
  if (object?.type !== 'HyperText' || typeof source !== 'string') return undefined;
  const view = readHypertext(source, isInline(object));
  return (xpath) => view.nodeByXpath.get(xpath);
}

function judgeChoices(target: PredictionTarget, items: ControlItem[]): Judgement {
  const { pairs, verdicts } = judgeEach<ChoicesPair>(
    items,
    (item) => {
      const gold = readChoices(item.gold);
      return gold.length === 0 ? null : { gold, predicted: readChoices(item.predicted) };
    },
    isChoicesMatch,
  );
  const multiple = target.control.choice === 'multiple';
  return { metrics: computeChoicesMetrics(pairs, { labels: choicesLabels(target.control), multiple }), verdicts };
}

/** Every task counts for spans: a human answer without spans says there is nothing to mark. */
function judgeSpans(target: PredictionTarget, items: ControlItem[]): Judgement {
  const { pairs, verdicts } = judgeEach<SpanPair>(
    items,
    (item) => {
      const xpathOrder = createXpathOrder(target, item.data);
      return { gold: readSpans(item.gold, xpathOrder), predicted: readSpans(item.predicted, xpathOrder) };
    },
    isSpanMatch,
  );
  return { metrics: computeSpanMetrics(pairs), verdicts };
}

function judgeTexts(items: ControlItem[]): Judgement {
  const { pairs, verdicts } = judgeEach<TextPair>(
    items,
    (item) => {
      const gold = readTexts(item.gold);
      return gold.length === 0 ? null : { gold, predicted: readTexts(item.predicted) };
    },
    isTextMatch,
  );
  return { metrics: computeTextMetrics(pairs), verdicts };
}

function judgeValues(items: ControlItem[]): Judgement {
  const { pairs, verdicts } = judgeEach<ValuePair>(
    items,
    (item) => {
      const gold = readComparableValue(item.gold);
      return gold === null ? null : { gold, predicted: readComparableValue(item.predicted) };
    },
    isValueMatch,
  );
  return { metrics: computeExactMatchMetrics(pairs), verdicts };
}

function judge(target: PredictionTarget, items: ControlItem[]): Judgement {
  switch (controlKindOf(target.control.type)) {
    case 'choices':
      return judgeChoices(target, items);
    case 'spans':
      return judgeSpans(target, items);
    case 'text':
      return judgeTexts(items);
    case 'exact':
      return judgeValues(items);
  }
}

function resultsOf(results: LabelStudioResult[], control: string): LabelStudioResult[] {
  return results.filter((result) => result.from_name === control);
}

function abstained(outcome: PredictionOutcome, control: string): boolean {
  return outcome.abstentions.some((abstention) => abstention.control === control);
}

/**
 * Whether the model answered a control on a task: the task did not fail, the control did not abstain, and there is
 * a result for it (for span controls an empty list of spans is an answer too: nothing to mark).
 */
function hasAnswer(outcome: PredictionOutcome, control: string, predicted: LabelStudioResult[], emptyIsAnswer: boolean): boolean {
  if (outcome.error !== undefined || abstained(outcome, control)) return false;
  return emptyIsAnswer || predicted.length > 0;
}

/** One control's metrics over the evaluated tasks, with coverage, abstentions, invalid outputs and failures. */
export function evaluateControl(
  target: PredictionTarget,
  evaluated: Array<{ groundTruth: LabelStudioResult[]; data: TaskData; outcome: PredictionOutcome }>,
): { evaluation: ControlEvaluation; verdicts: Array<boolean | null> } {
  const { name, type } = target.control;
  const items = evaluated.map(({ groundTruth, data, outcome }) => ({
    gold: resultsOf(groundTruth, name),
    predicted: resultsOf(outcome.prediction.result, name),
    data,
  }));
  const { metrics, verdicts } = judge(target, items);
  const outcomes = evaluated.map(({ outcome }) => outcome);
  const emptyIsAnswer = controlKindOf(type) === 'spans';
  const answered = outcomes.filter((outcome, index) => hasAnswer(outcome, name, (items[index] as ControlItem).predicted, emptyIsAnswer)).length;
  return {
    evaluation: {
      control: name,
      type,
      metrics,
      coverage: createRatio(answered, evaluated.length),
      abstentions: outcomes.filter((outcome) => abstained(outcome, name)).length,
      invalidOutputs: outcomes.reduce((total, outcome) => total + outcome.dropped.filter((dropped) => dropped.control === name).length, 0),
      failures: outcomes.filter((outcome) => outcome.error !== undefined).length,
    },
    verdicts,
  };
}
