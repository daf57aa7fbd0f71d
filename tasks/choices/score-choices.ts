import type { ControlScore, ScoreInput } from '../../core/spec/control-score';
import { computeChoicesMetrics, isChoicesMatch, type ChoicesPair } from '../../core/evaluation-metrics/compute-choices-metrics';
import { judgeEach } from '../../core/evaluation-metrics/judge-each';
import type { LabelStudioResult } from '../../core/spec/label-studio';
import { choicesLabels } from './create-choices-schema';

/** The labels of choices results; a nested choice (`allowNested`) as its path joined by " / ". */
function readChoices(results: LabelStudioResult[]): string[] {
  return results.flatMap((result) => {
    const choices = result.value.choices;
    if (!Array.isArray(choices)) return [];
    return choices.map((choice) => (Array.isArray(choice) ? choice.join(' / ') : String(choice)));
  });
}

/** Accuracy, macro-F1 and (single choice) a confusion matrix over the tasks where the human chose something. */
export function scoreChoices({ target, items }: ScoreInput): ControlScore {
  const { pairs, verdicts } = judgeEach<ChoicesPair>(
    items,
    (item) => {
      const truth = readChoices(item.truth);
      return truth.length === 0 ? null : { gold: truth, predicted: readChoices(item.predicted) };
    },
    isChoicesMatch,
  );
  const multiple = target.control.choice === 'multiple';
  return { metrics: computeChoicesMetrics(pairs, { labels: choicesLabels(target.control), multiple }), verdicts };
}
