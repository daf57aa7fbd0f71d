import type { MentionConfidence } from '../confidence/compute-confidence';
import type { LanguageModelUsage } from '../spec/language-model';
import type { CallLabels } from '../spec/pipeline-observer';
import type { PredictionOutcome } from '../spec/project-pipeline';
import { computeSelfConsistency } from '../confidence/self-consistency';
import type { ParsedResponse, PromptTarget } from '../spec/stages';
import { addUsage } from './language-model-result';
import { mergeCallAnswers, type PlannedCall } from './plan-calls';

/** What the model said for one call of a task: the parsed answers, their confidence, usage, and who answered. */
export interface CallAnswer {
  parsed: ParsedResponse;
  /** The call's confidence; the task's score is the lowest, and unknown when any call's is. */
  score: number | null;
  /** Per-mention confidences of span controls, for per-region scores. */
  mentionScores: Array<{ control: string } & MentionConfidence>;
  usage: LanguageModelUsage | null;
  /** The fallback that answered, when one did. */
  answeredBy: CallLabels | null;
}

/** Every call of a task (one per chunk of its data) answered and merged. */
export interface TaskAnswer extends Omit<CallAnswer, 'score'> {
  scores: Array<number | null>;
}

/** A task with nothing to fill: no call is made. */
export const NOTHING_ASKED: TaskAnswer = { parsed: { answers: new Map() }, scores: [], mentionScores: [], usage: null, answeredBy: null };

/** Usage added up, and the last fallback that answered. */
function mergeAnswers(answers: CallAnswer[]): Pick<CallAnswer, 'usage' | 'answeredBy'> {
  const usage = answers.reduce<LanguageModelUsage | null>((total, answer) => (answer.usage ? addUsage(total, answer.usage) : total), null);
  return { usage, answeredBy: answers.reduce<CallAnswer['answeredBy']>((last, answer) => answer.answeredBy ?? last, null) };
}

/** Self-consistency: the samples' consensus, scored by their agreement (no per-region scores). */
export function mergeSamples(samples: CallAnswer[]): CallAnswer {
  const consensus = computeSelfConsistency(samples.map((sample) => sample.parsed.answers));
  return { ...mergeAnswers(samples), parsed: { answers: consensus.answers }, score: consensus.score, mentionScores: [] };
}

/** The answers of a task's calls as one (core/pipeline/plan-calls.ts merges the chunks). */
export function mergeTaskAnswer(answers: CallAnswer[], calls: PlannedCall[], targets: PromptTarget[]): TaskAnswer {
  return {
    ...mergeAnswers(answers),
    parsed: mergeCallAnswers(answers.map((answer) => answer.parsed), calls, targets),
    scores: answers.map((answer) => answer.score),
    mentionScores: answers.flatMap((answer) => answer.mentionScores),
  };
}

/** The task's score: the lowest of its calls', unknown when any is (or when no call was made). */
export function lowestScore(scores: Array<number | null>): number | null {
  return scores.length > 0 && !scores.includes(null) ? Math.min(...(scores as number[])) : null;
}

/** The controls the model abstained on, and why. */
export function abstentionsOf(parsed: ParsedResponse): PredictionOutcome['abstentions'] {
  return [...parsed.answers].flatMap(([control, answer]) => (answer.status === 'abstained' ? [{ control, reason: answer.reason }] : []));
}
