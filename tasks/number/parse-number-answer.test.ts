import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import { parseNumberAnswer } from './parse-number-answer';

function createControl(attributes: Record<string, string> = {}): ControlTag {
  return createTestControl({ type: 'Number', name: 'price', attributes });
}

const free = createControl();
const percent = createControl({ min: '0', max: '100' });
const halves = createControl({ min: '0', max: '10', step: '0.5' });
const odd = createControl({ min: '1', step: '2' });
const tenths = createControl({ step: '0.1' });

describe('parseNumberAnswer', () => {
  describe('answers that give a number', () => {
    test.each<[string, ControlTag, unknown, number]>([
      ['an integer', free, 42, 42],
      ['a decimal', free, 12.5, 12.5],
      ['a negative number', free, -3.25, -3.25],
      ['zero', free, 0, 0],
      ['negative zero becomes zero', free, -0, 0],
      ['a numeric string', free, '12.5', 12.5],
      ['a string with whitespace and quotes', free, ' "7" ', 7],
      ['exponent notation', free, '1.5e3', 1500],
      ['full-width digits', free, '４２', 42],
      ['markdown bold', free, '**8**', 8],
      ['the minimum', percent, 0, 0],
      ['the maximum', percent, 100, 100],
      ['on a half step', halves, 2.5, 2.5],
      ['a whole number on a half-step grid', halves, '7', 7],
      ['on an odd grid from min 1', odd, 7, 7],
      ['float noise removed', tenths, 0.2, 0.2],
      ['float noise of a dyadic grid value removed', halves, 2.5000000000000004, 2.5],
      ['a large safe integer', free, 9007199254740991, 9007199254740991],
    ])('%s', (_case, control, raw, number) => {
      const result = parseNumberAnswer(raw, control);
      expect(result).toEqual({ status: 'answered', value: number });
      expect(Object.is(result.status === 'answered' && result.value, -0)).toBe(false);
    });
  });

  describe('answers that abstain', () => {
    test.each<[string, ControlTag, unknown, RegExp]>([
      ['null', free, null, /^no answer$/],
      ['undefined', free, undefined, /^no answer$/],
      ['empty string', free, '', /^no answer$/],
      ['below min', percent, -1, /-1 is below min 0/],
      ['above max', percent, 100.5, /100.5 is above max 100/],
      ['off the step grid', halves, 2.3, /2.3 is not 0 plus a whole number of steps of 0.5 \(nearest valid values: 2 and 2.5\)/],
      ['off an odd grid', odd, 8, /8 is not 1 plus a whole number of steps of 2 \(nearest valid values: 7 and 9\)/],
      ['nearly on the grid but not float noise', halves, 2.5001, /not 0 plus a whole number of steps/],
      ['on a 0.1 grid that Label Studio cannot check', tenths, 0.3, /Label Studio would refuse 0.3 on submit: it checks \(0.3 - 0\) % 0.1 === 0 in floating point/],
      ['a huge number', free, 1e308, /1e\+308 is too large to store exactly/],
      ['a huge numeric string', free, '123456789012345678901234567890', /too large to store exactly/],
      ['beyond float range', free, '1e999', /"1e999" is not a plain decimal number/],
      ['NaN', free, Number.NaN, /NaN is not a finite number/],
      ['infinity', free, Number.NEGATIVE_INFINITY, /-Infinity is not a finite number/],
      ['the string NaN', free, 'NaN', /"NaN" is not a plain decimal number/],
      ['the string Infinity', free, 'Infinity', /"Infinity" is not a plain decimal number/],
      ['hexadecimal', free, '0x1A', /"0x1A" is not a plain decimal number/],
      ['thousands separators', free, '1,234', /"1,234" is not a plain decimal number/],
      ['a decimal comma', free, '3,5', /is not a plain decimal number/],
      ['units', free, '12 kg', /"12 kg" is not a plain decimal number/],
      ['currency', free, '$12', /is not a plain decimal number/],
      ['a range', free, '10-20', /is not a plain decimal number/],
      ['a word', free, 'twelve', /is not a plain decimal number/],
      ['boolean', free, false, /not a number \(got a boolean\)/],
      ['a list', free, [12], /not a number \(got a list\)/],
      ['an object', free, { number: 12 }, /not a number \(got an object\)/],
      ['a prototype key object', free, JSON.parse('{"__proto__": 1}'), /got an object/],
      ['an unusable constraint', createControl({ step: '0' }), 1, /unusable min, max or step/],
    ])('%s', (_case, control, raw, reason) => {
      const result = parseNumberAnswer(raw, control);
      expect(result.status).toBe('abstained');
      expect(result.status === 'abstained' && result.reason).toMatch(reason);
    });
  });

  test('quotes long answers shortened in the reason', () => {
    const result = parseNumberAnswer('1'.repeat(10_000) + 'x', free);
    expect(result.status === 'abstained' && result.reason.length).toBeLessThan(200);
  });
});
