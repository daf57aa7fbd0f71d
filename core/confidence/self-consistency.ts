import { isDeepStrictEqual } from 'node:util';
import type { ControlAnswer } from '../spec/stages';

export interface ControlConsensus {
  /** The most frequent answered value; on a tie, the one answered first. */
  answer: Extract<ControlAnswer, { status: 'answered' }>;
  /** Share of all samples that gave this value: abstentions and missing answers count as disagreeing. */
  agreement: number;
}

export interface SelfConsistency {
  /** Per control: its majority answer, or the first sample's abstention when no sample answered it. */
  answers: Map<string, ControlAnswer>;
  /** Per control with a majority answer. */
  perControl: Map<string, ControlConsensus>;
  /** The lowest agreement over controls with a majority answer; null when there is none. */
  score: number | null;
}

const NO_ANSWER: ControlAnswer = { status: 'abstained', reason: 'no answer for this control' };

function majorityOf(samples: ReadonlyArray<ControlAnswer | undefined>): ControlConsensus | undefined {
  const groups: Array<{ answer: Extract<ControlAnswer, { status: 'answered' }>; count: number }> = [];
  for (const sample of samples) {
    if (sample?.status !== 'answered') continue;
    const group = groups.find(({ answer }) => isDeepStrictEqual(answer.value, sample.value));
    if (group) group.count += 1;
    else groups.push({ answer: sample, count: 1 });
  }
  const majority = groups.reduce<(typeof groups)[number] | undefined>(
    (best, group) => (best === undefined || group.count > best.count ? group : best),
    undefined,
  );
  return majority && { answer: majority.answer, agreement: majority.count / samples.length };
}

/**
 * Self-consistency over k sampled answers to the same prompt: per control the majority value (compared deeply, after
 * the parser's normalisation, so `["A","B"]` and `["B","A"]` differ) and the share of samples agreeing with it.
 * Controls are those of any sample, in order of first appearance.
 */
export function computeSelfConsistency(samples: ReadonlyArray<ReadonlyMap<string, ControlAnswer>>): SelfConsistency {
  const controls = [...new Set(samples.flatMap((sample) => [...sample.keys()]))];
  const answers = new Map<string, ControlAnswer>();
  const perControl = new Map<string, ControlConsensus>();
  for (const control of controls) {
    const controlSamples = samples.map((sample) => sample.get(control));
    const consensus = majorityOf(controlSamples);
    if (consensus) perControl.set(control, consensus);
    answers.set(control, consensus?.answer ?? controlSamples.find((sample) => sample !== undefined) ?? NO_ANSWER);
  }
  const agreements = [...perControl.values()].map(({ agreement }) => agreement);
  return { answers, perControl, score: agreements.length > 0 ? Math.min(...agreements) : null };
}
