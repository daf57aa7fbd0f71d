import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import { type NumberConstraints, readNumberConstraints, snapToStep } from './create-number-schema';


function findStepProblem(value: number, constraints: NumberConstraints): string | null {
  const { step } = constraints;
  if (step === undefined) return null;
  const basis = constraints.min ?? 0;
  const remainder = (value - basis) % step;
  if (remainder === 0) return null;
  if (snapToStep(value, constraints) === value) {
    return `Label Studio would refuse ${value} on submit: it checks (${value} - ${basis}) % ${step} === 0 in floating point, which gives ${remainder}`;
  }
  return `${value} is not ${basis} plus a whole number of steps of ${step}`;
}

/**
 * Why a number breaks the control's constraints as Label Studio checks them (`Number.validateValue`), or null:
 * within min and max, and, when `step` is set, `(value - (min ?? 0)) % step` exactly 0.
 */
export function findNumberProblem(value: number, constraints: NumberConstraints): string | null {
  const { min, max } = constraints;
  if (!Number.isFinite(value)) return `${value} is not a finite number`;
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return `${value} is too large to store exactly`;
  if (min !== undefined && value < min) return `${value} is below min ${min}`;
  if (max !== undefined && value > max) return `${value} is above max ${max}`;
  return findStepProblem(value, constraints);
}

/** Why a `number` result is invalid for this control, or null when it is valid. */
export function validateNumberResult(result: ResultDraft, control: ControlTag): string | null {
  if (result.type !== 'number') return `type is ${quoteText(String(result.type))}, expected "number"`;
  const constraints = readNumberConstraints(control);
  if (constraints === null) return `"${control.name}" has an unusable min, max or step`;
  const number: unknown = result.value?.number;
  if (typeof number !== 'number') return `value.number is ${describeKind(number)}, not a number`;
  return findNumberProblem(number, constraints);
}
