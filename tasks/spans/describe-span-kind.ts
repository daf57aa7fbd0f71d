import { describeKind } from '../shared/describe-kind';

/** `describeKind` in the span tasks' words: a missing value is `nothing`. */
export function describeSpanKind(value: unknown): string {
  return describeKind(value, { missing: 'nothing' });
}
