import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl, createTestOption } from '../shared/create-test-target';
import { createChoicesSchema } from './create-choices-schema';

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return createTestControl({
    type: 'Choices',
    name: 'sentiment',
    options: [createTestOption('Positive sentiment', { alias: 'POS' }), createTestOption('Negative'), createTestOption('Negative')],
    ...details,
  });
}

const labels = { type: 'string', enum: ['POS', 'Negative'] };

describe('createChoicesSchema', () => {
  test.each<[string, Partial<ControlTag>, Record<string, unknown>]>([
    [
      'single, required: a string enum',
      { required: true },
      { ...labels, description: 'Exactly one label for "sentiment".' },
    ],
    [
      'single, optional: the enum or null',
      {},
      { anyOf: [labels, { type: 'null' }], description: 'One label for "sentiment", or null when none applies.' },
    ],
    [
      'multiple, optional: a list of the enum',
      { choice: 'multiple' },
      { type: 'array', items: labels, description: 'Every label that applies for "sentiment"; an empty list when none applies.' },
    ],
    [
      'multiple, required: a list of the enum',
      { choice: 'multiple', required: true },
      { type: 'array', items: labels, description: 'Every label that applies for "sentiment", at least one.' },
    ],
  ])('%s', (_case, details, schema) => {
    expect(createChoicesSchema(createControl(details))).toEqual(schema);
  });

  test('uses only keywords OpenAI strict mode accepts', () => {
    const allowed = new Set(['type', 'enum', 'anyOf', 'items', 'description']);
    const keywords = (schema: unknown): string[] =>
      typeof schema !== 'object' || schema === null
        ? []
        : Array.isArray(schema)
          ? schema.flatMap(keywords)
          : Object.entries(schema).flatMap(([key, value]) => (key === 'enum' ? [key] : [key, ...keywords(value)]));
    for (const details of [{}, { required: true }, { choice: 'multiple' as const }]) {
      expect(keywords(createChoicesSchema(createControl(details))).filter((key) => !allowed.has(key))).toEqual([]);
    }
  });
});
