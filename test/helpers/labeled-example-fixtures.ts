import type { LabeledExample } from '../../core/spec/example-store';

export function choiceExample(overrides: Partial<LabeledExample> & { label?: string; text?: string } = {}): LabeledExample {
  const { label = 'Positive', text = 'a text', ...rest } = overrides;
  return {
    projectId: '2',
    annotationId: 1,
    taskId: 1,
    data: { text },
    result: [{ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: [label] } }],
    updatedAt: 1_000,
    ...rest,
  };
}
