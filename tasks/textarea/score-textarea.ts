import type { ControlScore, ScoreInput } from '../../core/spec/control-score';
import { computeTextMetrics, isTextMatch, type TextPair } from '../../core/evaluation-metrics/compute-text-metrics';
import { judgeEach } from '../../core/evaluation-metrics/judge-each';
import type { LabelStudioResult } from '../../core/spec/label-studio';

function readTexts(results: LabelStudioResult[]): string[] {
  return results.flatMap((result) => {
    const text = result.value.text;
    if (typeof text === 'string') return [text];
    return Array.isArray(text) ? text.filter((entry): entry is string => typeof entry === 'string') : [];
  });
}

/** Exact match, near match and mean token F1 over the tasks where the human wrote something. */
export function scoreTextArea({ items }: ScoreInput): ControlScore {
  const { pairs, verdicts } = judgeEach<TextPair>(
    items,
    (item) => {
      const truth = readTexts(item.truth);
      return truth.length === 0 ? null : { gold: truth, predicted: readTexts(item.predicted) };
    },
    isTextMatch,
  );
  return { metrics: computeTextMetrics(pairs), verdicts };
}
