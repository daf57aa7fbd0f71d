import type { LabelStudioResult, LabelStudioTask } from '../../core/spec/label-studio';
import { readTasksFile } from '../read-tasks-file';
import type { EvaluationTaskCounts } from './evaluation-report';
import { selectGroundTruth } from './select-ground-truth';

export interface EvaluationTask {
  task: LabelStudioTask;
  groundTruth: LabelStudioResult[];
}

/** The tasks that have a human answer, and how many were left out for lack of one. */
export function collectEvaluationTasks(tasks: LabelStudioTask[]): { tasks: EvaluationTask[]; counts: EvaluationTaskCounts } {
  const evaluated: EvaluationTask[] = [];
  const counts: EvaluationTaskCounts = { inFile: tasks.length, evaluated: 0, withoutAnnotations: 0, onlyCancelled: 0 };
  for (const task of tasks) {
    const groundTruth = selectGroundTruth(task);
    if (groundTruth.status === 'annotated') evaluated.push({ task, groundTruth: groundTruth.results });
    else if (groundTruth.status === 'without-annotations') counts.withoutAnnotations += 1;
    else counts.onlyCancelled += 1;
  }
  counts.evaluated = evaluated.length;
  return { tasks: evaluated, counts };
}

/** A Label Studio JSON export, read as `prelabel predict` reads tasks, split into tasks with and without a human answer. */
export function readEvaluationTasks(file: string): { tasks: EvaluationTask[]; counts: EvaluationTaskCounts } {
  return collectEvaluationTasks(readTasksFile(file).tasks);
}
