import type { ControlScore, ScoreInput } from '../../core/spec/control-score';
import { computeSpanMetrics, isSpanMatch, type SpanPair } from '../../core/evaluation-metrics/compute-span-metrics';
import { judgeEach } from '../../core/evaluation-metrics/judge-each';
import { readSpans, type XpathOrder } from '../../core/evaluation-metrics/read-spans';
import type { TaskData } from '../../core/spec/label-studio';

/**
 * Strict and partial span F1, shared by the span tasks (Labels, HyperTextLabels, ParagraphLabels). Every task
 * counts: a human answer without spans says there is nothing to mark. HyperText spans are placed by the document
 * order of their XPaths, which `xpathOrderOf` reads from the task's HTML.
 */
export function scoreSpans({ items }: ScoreInput, xpathOrderOf?: (data: TaskData) => XpathOrder | undefined): ControlScore {
  const { pairs, verdicts } = judgeEach<SpanPair>(
    items,
    (item) => {
      const xpathOrder = xpathOrderOf?.(item.data);
      return { gold: readSpans(item.truth, xpathOrder), predicted: readSpans(item.predicted, xpathOrder) };
    },
    isSpanMatch,
  );
  return { metrics: computeSpanMetrics(pairs), verdicts };
}
