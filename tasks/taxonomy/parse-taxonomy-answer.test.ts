import type { ControlOption, ControlTag } from '../../core/spec/label-config';
import { createTestControl, createTestOption } from '../shared/create-test-target';
import { normalizePath, parseTaxonomyAnswer } from './parse-taxonomy-answer';

const MEDIA = [
  createTestOption('Online', {
    children: [
      createTestOption('UGC'),
      createTestOption('Other'),
      createTestOption('Paywall', { children: [createTestOption('NY Times', { alias: 'NYT' }), createTestOption('WSJ')] }),
    ],
  }),
  createTestOption('Offline', { children: [createTestOption('Print'), createTestOption('Other')] }),
];

function createControl(attributes: Record<string, string> = {}, options: ControlOption[] = MEDIA): ControlTag {
  return createTestControl({ type: 'Taxonomy', name: 'media', options, attributes });
}

const anyNode = createControl();
const leaves = createControl({ leafsOnly: 'true' });
const single = createControl({ maxUsages: '1' });

describe('parseTaxonomyAnswer', () => {
  describe('answers that name paths', () => {
    test.each<[string, ControlTag, unknown, string[][]]>([
      ['a joined path', anyNode, ['Online / UGC'], [['Online', 'UGC']]],
      ['a root', anyNode, ['Offline'], [['Offline']]],
      ['a nested path as a list of levels', anyNode, [['Online', 'Paywall', 'WSJ']], [['Online', 'Paywall', 'WSJ']]],
      ['an alias path', anyNode, ['Online / Paywall / NYT'], [['Online', 'Paywall', 'NYT']]],
      ['the shown path of an aliased node', anyNode, ['Online / Paywall / NY Times'], [['Online', 'Paywall', 'NYT']]],
      ['the shown path as levels', anyNode, [['Online', 'Paywall', 'NY Times']], [['Online', 'Paywall', 'NYT']]],
      ['another separator and case', anyNode, ['online > paywall > wsj'], [['Online', 'Paywall', 'WSJ']]],
      ['no spaces around the separator', anyNode, ['Online/Paywall'], [['Online', 'Paywall']]],
      ['a label only one node has', anyNode, ['WSJ'], [['Online', 'Paywall', 'WSJ']]],
      ['an alias only one node has', anyNode, ['nyt'], [['Online', 'Paywall', 'NYT']]],
      ['a shared label made clear by its path', anyNode, ['Offline / Other'], [['Offline', 'Other']]],
      ['several paths in taxonomy order', anyNode, ['Offline / Print', 'Online / UGC'], [['Online', 'UGC'], ['Offline', 'Print']]],
      ['a parent and its child', anyNode, ['Online', 'Online / UGC'], [['Online'], ['Online', 'UGC']]],
      ['duplicates removed', anyNode, ['Online / UGC', 'online / ugc', 'UGC'], [['Online', 'UGC']]],
      ['unknown paths left out', anyNode, ['Online / UGC', 'Online / Blogs', 'Radio'], [['Online', 'UGC']]],
      ['non-text elements left out', anyNode, ['Offline', 42, null, { path: 'Online' }], [['Offline']]],
      ['a plain-text answer', anyNode, 'Online / UGC', [['Online', 'UGC']]],
      ['plain-text lines with bullets', anyNode, '- Online / UGC\n2. Offline / Print\n', [['Online', 'UGC'], ['Offline', 'Print']]],
      ['plain text with commas', anyNode, 'Online / UGC, Offline / Print', [['Online', 'UGC'], ['Offline', 'Print']]],
      ['leaves only: parents left out next to a leaf', leaves, ['Online', 'Online / UGC'], [['Online', 'UGC']]],
      ['one path for maxUsages 1', single, ['Offline / Print'], [['Offline', 'Print']]],
    ])('%s', (_case, control, raw, paths) => {
      expect(parseTaxonomyAnswer(raw, control)).toEqual({ status: 'answered', value: paths });
    });
  });

  describe('answers that abstain', () => {
    test.each<[string, ControlTag, unknown, RegExp]>([
      ['null', anyNode, null, /^no answer$/],
      ['undefined', anyNode, undefined, /^no answer$/],
      ['empty list', anyNode, [], /^no answer$/],
      ['empty string', anyNode, '', /^no answer$/],
      ['a list of blanks and nulls', anyNode, ['', ' ', null], /^no answer$/],
      ['an unknown path', anyNode, ['Online / Blogs'], /"Online \/ Blogs" is not a taxonomy path/],
      ['several unknown paths', anyNode, ['Radio', 'TV'], /none of "Radio", "TV" is a taxonomy path/],
      ['a label two nodes have', anyNode, ['Other'], /"Other" is not a taxonomy path/],
      ['a near miss', anyNode, ['Online / Paywal'], /is not a taxonomy path/],
      ['a level out of order', anyNode, [['Paywall', 'Online']], /"Paywall \/ Online" is not a taxonomy path/],
      ['a parent when only leaves count', leaves, ['Online / Paywall'], /"Online \/ Paywall": only leaves can be selected \(leafsOnly\)/],
      ['more paths than maxUsages', single, ['Online / UGC', 'Offline / Print'], /2 paths, more than maxUsages \(1\)/],
      ['a number', anyNode, 42, /not a list of taxonomy paths \(got a number\)/],
      ['a boolean', anyNode, true, /got a boolean/],
      ['an object', anyNode, { taxonomy: [['Offline']] }, /got an object/],
      ['a prototype key object', anyNode, JSON.parse('{"__proto__": ["Offline"]}'), /got an object/],
      ['a list of objects', anyNode, [{ path: 'Offline' }], /got a list without path text/],
      ['a list of numbers', anyNode, [1, 2], /got a list without path text/],
      ['deeply nested lists', anyNode, [[['Offline']]], /got a list without path text/],
      ['the prototype key as a path', anyNode, ['__proto__'], /"__proto__" is not a taxonomy path/],
      ['an unusable maxUsages', createControl({ maxUsages: '0' }), ['Offline'], /unusable maxUsages/],
    ])('%s', (_case, control, raw, reason) => {
      const result = parseTaxonomyAnswer(raw, control);
      expect(result.status).toBe('abstained');
      expect(result.status === 'abstained' && result.reason).toMatch(reason);
    });
  });

  test('quotes long answers shortened in the reason', () => {
    const result = parseTaxonomyAnswer(Array.from({ length: 50 }, () => 'x'.repeat(1_000)), anyNode);
    expect(result.status === 'abstained' && result.reason.length).toBeLessThan(600);
  });
});

describe('normalizePath', () => {
  test.each([
    ['Online / Paywall', 'online paywall'],
    ['online > paywall → NYT', 'online paywall nyt'],
    ['  Ｎｅｗｓ ', 'news'],
    ['Straße', 'strasse'],
    ['a\u200Bb', 'ab'],
  ])('%j → %j', (text, normalized) => {
    expect(normalizePath(text)).toBe(normalized);
  });
});
