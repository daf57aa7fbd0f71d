import { computeLogprobConfidence, type LogprobConfidence } from '../confidence/compute-confidence';
import type { LanguageModel } from '../spec/language-model';
import type { ProjectSettings } from '../spec/project-settings';
import type { AnswerPart } from './repair-answer';

/** Whether calls to this model ask for token log-probabilities (confidence `auto` or `logprobs`, and the model has them). */
export function wantsLogprobs(settings: ProjectSettings['confidence'], model: Pick<LanguageModel, 'returnsLogprobs'>): boolean {
  return (settings.method === 'auto' || settings.method === 'logprobs') && model.returnsLogprobs === true;
}

/** The confidence of one answer from its tokens' log-probabilities, or null when they are not there. */
function logprobConfidence(measured: boolean, part: AnswerPart): LogprobConfidence | null {
  if (!measured || !part.result.tokenLogprobs) return null;
  return computeLogprobConfidence({ text: part.result.text, tokenLogprobs: part.result.tokenLogprobs, answers: part.answers });
}

/**
 * The confidence of a (possibly repaired) answer: each control measured on the model answer it came from, the lowest
 * score overall, unknown when any part's is. `measured` says whether the answers carry log-probabilities.
 */
export function computeAnswerConfidence(measured: boolean, parts: AnswerPart[]): LogprobConfidence | null {
  if (parts.length === 1) return logprobConfidence(measured, parts[0] as AnswerPart);
  const confidences = parts.filter((part) => part.answers.size > 0).map((part) => logprobConfidence(measured, part));
  if (confidences.length === 0 || confidences.some((confidence) => confidence === null || confidence.score === null)) return null;
  const known = confidences as LogprobConfidence[];
  return {
    score: Math.min(...known.map((confidence) => confidence.score as number)),
    perControl: new Map(known.flatMap((confidence) => [...confidence.perControl])),
    perSpan: new Map(known.flatMap((confidence) => [...confidence.perSpan])),
  };
}

