import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { createPairwiseSchema, describeObject, findPairwiseObjects } from './create-pairwise-schema';

function createTarget(
  control: Partial<ControlTag> = {},
  objects: ObjectTag[] = [createTestObject({ name: 'a' }), createTestObject({ name: 'b' })],
): PredictionTarget {
  return createTestTarget({ type: 'Pairwise', name: 'pw', toName: ['a', 'b'], ...control }, objects);
}

describe('findPairwiseObjects', () => {
  test.each<[string, PredictionTarget, [string, string] | null]>([
    ['two objects in toName order', createTarget(), ['a', 'b']],
    ['toName order wins over config order', createTarget({ toName: ['b', 'a'] }), ['b', 'a']],
    ['one name', createTarget({ toName: ['a'] }), null],
    ['three names', createTarget({ toName: ['a', 'b', 'c'] }, ['a', 'b', 'c'].map((name) => createTestObject({ name }))), null],
    ['the same name twice', createTarget({ toName: ['a', 'a'] }), null],
    ['a missing object', createTarget({}, [createTestObject({ name: 'a' })]), null],
  ])('%s', (_case, target, names) => {
    const objects = findPairwiseObjects(target);
    expect(objects === null ? null : [objects.left.name, objects.right.name]).toEqual(names);
  });
});

describe('describeObject', () => {
  test.each<[ObjectTag, string]>([
    [createTestObject({ name: 'a', dataField: 'summary_a' }), '<summary_a>'],
    [createTestObject({ name: 'a', dataField: null }), '<a>'],
  ])('%j → %s', (object, description) => {
    expect(describeObject(object)).toBe(description);
  });
});

describe('createPairwiseSchema', () => {
  test.each<[string, Partial<ControlTag>, Record<string, unknown>]>([
    [
      'optional: left, right or null',
      {},
      {
        anyOf: [{ type: 'string', enum: ['left', 'right'] }, { type: 'null' }],
        description: 'The better of the two for "pw" ("left" is <a>, "right" is <b>), or null when neither is better.',
      },
    ],
    [
      'required: left or right',
      { required: true },
      { type: 'string', enum: ['left', 'right'], description: 'The better of the two for "pw" ("left" is <a>, "right" is <b>).' },
    ],
  ])('%s', (_case, control, schema) => {
    expect(createPairwiseSchema(createTarget(control))).toEqual(schema);
  });
});
