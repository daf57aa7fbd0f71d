import type { JsonSchema } from '../../core/spec/language-model';
import type { ControlTag } from '../../core/spec/label-config';
import { readControlAttribute } from '../shared/read-control-attribute';

/** The control's `min`, `max` and `step`; absent ones are not checked (Label Studio checks `step` only when set). */
export interface NumberConstraints {
  min?: number;
  max?: number;
  step?: number;
}

/** How far from a whole number of steps a value may be and still count as on the grid: float noise, nothing more. */
export const STEP_TOLERANCE = 1e-9;

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number written as a plain decimal (no hex, Infinity, NaN, units or separators), or undefined. */
export function readDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** `min`, `max` and `step` as numbers, or null when one is set but unusable (not a number, step ≤ 0, min > max). */
export function readNumberConstraints(control: ControlTag): NumberConstraints | null {
  const constraints: NumberConstraints = {};
  for (const name of ['min', 'max', 'step'] as const) {
    const text = readControlAttribute(control, name);
    if (text === undefined) continue;
    const value = readDecimal(text);
    if (value === undefined) return null;
    constraints[name] = value;
  }
  const { min, max, step } = constraints;
  if (step !== undefined && step <= 0) return null;
  if (min !== undefined && max !== undefined && min > max) return null;
  return constraints;
}

function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}

/** `basis + steps × step`, written with no more decimals than `basis` and `step` have, so float noise is gone. */
function gridValue(steps: number, basis: number, step: number): number {
  const decimals = Math.min(100, Math.max(decimalPlaces(step), decimalPlaces(basis)));
  const value = Number((basis + steps * step).toFixed(decimals));
  return value === 0 ? 0 : value;
}

/**
 * The grid value (min, or 0, plus a whole number of steps) that `value` is within float noise of, or null when it
 * is off the grid. Only float noise is removed: 0.30000000000000004 becomes 0.3 for step 0.1, 0.35 stays off-grid.
 */
export function snapToStep(value: number, constraints: NumberConstraints): number | null {
  const { step } = constraints;
  if (step === undefined) return value;
  const basis = constraints.min ?? 0;
  const steps = (value - basis) / step;
  const nearest = Math.round(steps);
  return Math.abs(steps - nearest) <= STEP_TOLERANCE ? gridValue(nearest, basis, step) : null;
}

/** The two grid values around an off-grid value, to name in a reason. */
export function neighbouringSteps(value: number, constraints: NumberConstraints): [number, number] | null {
  const { step } = constraints;
  if (step === undefined) return null;
  const basis = constraints.min ?? 0;
  const below = Math.floor((value - basis) / step);
  return [gridValue(below, basis, step), gridValue(below + 1, basis, step)];
}

/** Whole numbers only: a whole step counted from a whole min (or 0). */
export function takesIntegers(constraints: NumberConstraints): boolean {
  const { step } = constraints;
  return step !== undefined && Number.isInteger(step) && Number.isInteger(constraints.min ?? 0);
}

/** `from 0 to 10 in steps of 0.5`, `at least 1`, … or '' when the control sets no constraint. */
export function describeNumberConstraints(constraints: NumberConstraints): string {
  const { min, max, step } = constraints;
  const range =
    min !== undefined && max !== undefined
      ? `from ${min} to ${max}`
      : min !== undefined
        ? `at least ${min}`
        : max !== undefined
          ? `at most ${max}`
          : '';
  const grid = step === undefined ? '' : `in steps of ${step} counted from ${min ?? 0}`;
  return [range, grid].filter((part) => part !== '').join(' ');
}

function describeNumberAnswer(control: ControlTag, constraints: NumberConstraints): string {
  const kind = takesIntegers(constraints) ? 'A whole number' : 'A number';
  const limits = describeNumberConstraints(constraints);
  const number = `${kind} for ${JSON.stringify(control.name)}${limits === '' ? '' : `, ${limits}`}`;
  return control.required ? `${number}.` : `${number}; null when the task data gives no such number.`;
}

/**
 * The answer schema of one Number control, valid for OpenAI strict structured output. The range and step are
 * described rather than declared (`minimum`, `multipleOf`), so providers with a smaller keyword set accept it too;
 * the parser enforces them.
 */
export function createNumberSchema(control: ControlTag): JsonSchema {
  const constraints = readNumberConstraints(control) ?? {};
  const number = { type: takesIntegers(constraints) ? 'integer' : 'number' };
  const description = describeNumberAnswer(control, constraints);
  if (control.required) return { ...number, description };
  return { anyOf: [number, { type: 'null' }], description };
}
