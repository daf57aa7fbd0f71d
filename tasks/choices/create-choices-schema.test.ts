import type { ControlOption, ControlTag } from '../../core/label-config';
import { createChoicesSchema } from './create-choices-schema';

function createOption(value: string, details: Partial<ControlOption> = {}): ControlOption {
  return { value, resultValue: details.alias ?? value, attributes: {}, children: [], ...details };
}

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return {
    type: 'Choices',
    name: 'sentiment',
    toName: ['text'],
    choice: 'single',
    required: false,
    options: [createOption('Positive sentiment', { alias: 'POS' }), createOption('Negative'), createOption('Negative')],
    dynamicOptions: false,
    perRegion: false,
    attributes: {},
    ...details,
  };
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
