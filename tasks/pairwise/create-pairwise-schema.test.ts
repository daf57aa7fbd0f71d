import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { createPairwiseSchema, describeObject, findPairwiseObjects } from './create-pairwise-schema';

function createObject(name: string, details: Partial<ObjectTag> = {}): ObjectTag {
  return { type: 'Text', name, value: `$${name}`, dataField: name, attributes: {}, ...details };
}

function createTarget(control: Partial<ControlTag> = {}, objects: ObjectTag[] = [createObject('a'), createObject('b')]): PredictionTarget {
  return {
    control: {
      type: 'Pairwise',
      name: 'pw',
      toName: ['a', 'b'],
      choice: 'single',
      required: false,
      options: [],
      dynamicOptions: false,
      perRegion: false,
      attributes: {},
      ...control,
    },
    objects,
  };
}

describe('findPairwiseObjects', () => {
  test.each<[string, PredictionTarget, [string, string] | null]>([
    ['two objects in toName order', createTarget(), ['a', 'b']],
    ['toName order wins over config order', createTarget({ toName: ['b', 'a'] }), ['b', 'a']],
    ['one name', createTarget({ toName: ['a'] }), null],
    ['three names', createTarget({ toName: ['a', 'b', 'c'] }, [createObject('a'), createObject('b'), createObject('c')]), null],
    ['the same name twice', createTarget({ toName: ['a', 'a'] }), null],
    ['a missing object', createTarget({}, [createObject('a')]), null],
  ])('%s', (_case, target, names) => {
    const objects = findPairwiseObjects(target);
    expect(objects === null ? null : [objects.left.name, objects.right.name]).toEqual(names);
  });
});

describe('describeObject', () => {
  test.each<[ObjectTag, string]>([
    [createObject('a', { dataField: 'summary_a' }), '<summary_a>'],
    [createObject('a', { dataField: null }), '<a>'],
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
