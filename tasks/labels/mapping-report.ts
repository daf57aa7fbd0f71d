import type { ControlTask, ResultDraft } from '../../core/control-task';
import type { PredictionTarget } from '../../core/label-config';
import type { TaskData } from '../../core/label-studio';

/** What a span task made of an answer: the results, and why mentions were left out (to report as dropped). */
export interface MappingReport {
  drafts: ResultDraft[];
  dropped: string[];
}

/** A task whose mapping also says what it left out; `map` returns the same drafts. */
export interface ReportingControlTask extends ControlTask {
  reportMapping(value: unknown, target: PredictionTarget, data: TaskData): MappingReport;
}
