import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import {
  type NumberConstraints,
  createNumberSchema,
  describeNumberConstraints,
  neighbouringSteps,
  readDecimal,
  readNumberConstraints,
  snapToStep,
  takesIntegers,
} from './create-number-schema';

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return createTestControl({ type: 'Number', name: 'price', ...details });
}

describe('createNumberSchema', () => {
  test.each<[string, Partial<ControlTag>, Record<string, unknown>]>([
    [
      'optional, unconstrained: a number or null',
      {},
      {
        anyOf: [{ type: 'number' }, { type: 'null' }],
        description: 'A number for "price"; null when the task data gives no such number.',
      },
    ],
    [
      'required with a range',
      { required: true, attributes: { min: '0', max: '99.5' } },
      { type: 'number', description: 'A number for "price", from 0 to 99.5.' },
    ],
    [
      'a whole step from a whole min: an integer',
      { required: true, attributes: { min: '1', max: '10', step: '1' } },
      { type: 'integer', description: 'A whole number for "price", from 1 to 10 in steps of 1 counted from 1.' },
    ],
    [
      'a whole step without min: an integer',
      { attributes: { step: '5' } },
      { anyOf: [{ type: 'integer' }, { type: 'null' }] },
    ],
    ['a fractional step: a number', { attributes: { step: '0.5' } }, { anyOf: [{ type: 'number' }, { type: 'null' }] }],
    ['a whole step from a fractional min: a number', { attributes: { min: '0.5', step: '1' } }, { anyOf: [{ type: 'number' }, { type: 'null' }] }],
  ])('%s', (_case, details, schema) => {
    expect(createNumberSchema(createControl(details))).toMatchObject(schema);
  });

  test('declares no numeric keywords a provider might refuse', () => {
    const schema = JSON.stringify(createNumberSchema(createControl({ attributes: { min: '0', max: '9', step: '3' } })));
    expect(schema).not.toMatch(/minimum|maximum|multipleOf/);
  });
});

describe('readDecimal', () => {
  test.each<[string, number | undefined]>([
    ['12', 12],
    [' -3.5 ', -3.5],
    ['+4', 4],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['', undefined],
    ['0x10', undefined],
    ['Infinity', undefined],
    ['NaN', undefined],
    ['1e999', undefined],
    ['1,000', undefined],
    ['12 kg', undefined],
    ['1_000', undefined],
    ['--1', undefined],
  ])('%j → %s', (text, value) => {
    expect(readDecimal(text)).toBe(value);
  });
});

describe('readNumberConstraints', () => {
  test.each<[Record<string, string>, NumberConstraints | null]>([
    [{}, {}],
    [{ min: '0', max: '10', step: '0.5' }, { min: 0, max: 10, step: 0.5 }],
    [{ MIN: '-5' }, { min: -5 }],
    [{ max: ' ' }, {}],
    [{ min: '3', max: '3' }, { min: 3, max: 3 }],
    [{ min: 'zero' }, null],
    [{ max: 'Infinity' }, null],
    [{ step: '0' }, null],
    [{ step: '-1' }, null],
    [{ min: '10', max: '1' }, null],
  ])('%j → %j', (attributes, constraints) => {
    expect(readNumberConstraints(createControl({ attributes }))).toEqual(constraints);
  });
});

describe('snapToStep', () => {
  test.each<[number, NumberConstraints, number | null]>([
    [7.25, {}, 7.25],
    [0.30000000000000004, { step: 0.1 }, 0.3],
    [0.7000000000000001, { step: 0.1 }, 0.7],
    [2.5, { min: 1, step: 0.5 }, 2.5],
    [7, { min: 1, step: 2 }, 7],
    [-1.5, { step: 0.5 }, -1.5],
    [1.1, { min: 0.1, step: 0.5 }, 1.1],
    [0.35, { step: 0.1 }, null],
    [0.3000001, { step: 0.1 }, null],
    [8, { min: 1, step: 2 }, null],
    [2.4999, { step: 0.5 }, null],
  ])('%s with %j → %s', (value, constraints, snapped) => {
    expect(snapToStep(value, constraints)).toBe(snapped);
  });

  test('never returns negative zero', () => {
    expect(Object.is(snapToStep(-1e-17, { step: 0.5 }), 0)).toBe(true);
  });
});

describe('neighbouringSteps', () => {
  test.each<[number, NumberConstraints, [number, number] | null]>([
    [0.35, { step: 0.1 }, [0.3, 0.4]],
    [8, { min: 1, step: 2 }, [7, 9]],
    [-0.2, { step: 0.5 }, [-0.5, 0]],
    [3, {}, null],
  ])('%s with %j → %j', (value, constraints, neighbours) => {
    expect(neighbouringSteps(value, constraints)).toEqual(neighbours);
  });
});

describe('takesIntegers and describeNumberConstraints', () => {
  test.each<[NumberConstraints, boolean, string]>([
    [{}, false, ''],
    [{ min: 0 }, false, 'at least 0'],
    [{ max: 5 }, false, 'at most 5'],
    [{ min: 1, max: 5 }, false, 'from 1 to 5'],
    [{ step: 1 }, true, 'in steps of 1 counted from 0'],
    [{ min: 2, max: 8, step: 2 }, true, 'from 2 to 8 in steps of 2 counted from 2'],
    [{ min: 0.5, step: 1 }, false, 'at least 0.5 in steps of 1 counted from 0.5'],
    [{ step: 0.25 }, false, 'in steps of 0.25 counted from 0'],
  ])('%j → integers %s, %j', (constraints, integers, description) => {
    expect(takesIntegers(constraints)).toBe(integers);
    expect(describeNumberConstraints(constraints)).toBe(description);
  });
});
