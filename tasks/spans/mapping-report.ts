import type { ControlTask, ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import type { TaskData } from '../../core/spec/label-studio';

/** What a span task made of an answer: the results, and why mentions were left out (to report as dropped). */
export interface MappingReport {
  drafts: ResultDraft[];
  dropped: string[];
}

/** A task whose mapping also says what it left out; `map` returns the same drafts. */
export interface ReportingControlTask extends ControlTask {
  reportMapping(value: unknown, target: PredictionTarget, data: TaskData): MappingReport;
}
