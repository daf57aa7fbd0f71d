import type { ControlParseResult } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { abstain } from '../shared/abstain';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import { neighbouringSteps, readDecimal, readNumberConstraints, snapToStep } from './create-number-schema';
import { findNumberProblem } from './validate-number-result';

/** A number within the control's min and max, on its step grid when it has a step. */
export type NumberValue = number;

/** Quotes and markdown emphasis around the answer. */
const WRAPPING = /^[\s"'`*“”‘’]+|[\s"'`*“”‘’]+$/g;

type NumberReading = { number: number } | { reason: string };

function readNumber(raw: unknown): NumberReading {
  if (raw === null || raw === undefined) return { reason: 'no answer' };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { number: raw } : { reason: `${raw} is not a finite number` };
  if (typeof raw !== 'string') return { reason: `the answer is not a number (got ${describeKind(raw)})` };
  const cleaned = raw.normalize('NFKC').replace(WRAPPING, '');
  if (cleaned === '') return { reason: 'no answer' };
  const number = readDecimal(cleaned);
  return number === undefined ? { reason: `${quoteText(raw)} is not a plain decimal number` } : { number };
}

function describeOffGrid(value: number, control: ControlTag): string {
  const constraints = readNumberConstraints(control) ?? {};
  const neighbours = neighbouringSteps(value, constraints);
  const nearest = neighbours === null ? '' : ` (nearest valid values: ${neighbours[0]} and ${neighbours[1]})`;
  return `${value} is not ${constraints.min ?? 0} plus a whole number of steps of ${constraints.step}${nearest}`;
}

/**
 * A model's answer for a Number control → a number. Tolerant of form (a JSON number, a numeric string, quotes
 * around it), strict about the value: out-of-range and off-step answers abstain rather than being clamped or
 * rounded; only float noise (0.30000000000000004 for 0.3) is removed.
 */
export function parseNumberAnswer(raw: unknown, control: ControlTag): ControlParseResult {
  const constraints = readNumberConstraints(control);
  if (constraints === null) return abstain('the control has an unusable min, max or step');
  const reading = readNumber(raw);
  if ('reason' in reading) return abstain(reading.reason);
  const number = reading.number === 0 ? 0 : reading.number;
  if (Math.abs(number) > Number.MAX_SAFE_INTEGER) return abstain(`${number} is too large to store exactly`);
  const snapped = snapToStep(number, constraints);
  if (snapped === null) return abstain(describeOffGrid(number, control));
  const problem = findNumberProblem(snapped, constraints);
  if (problem !== null) return abstain(problem);
  const value: NumberValue = snapped;
  return { status: 'answered', value };
}
