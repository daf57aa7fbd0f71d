import { createDefaultProjectSettings } from '../../config/default-project-settings';
import { computeModelVersion } from './compute-model-version';

describe('computeModelVersion', () => {
  const input = {
    settings: createDefaultProjectSettings({}),
    labelConfigXml: '<View/>',
    prompts: [{ fingerprint: 'prompt-1', responseFormat: { type: 'text' as const } }],
    tasks: ['sentiment=choices.v1'],
  };

  it('is stable for the same inputs', () => {
    expect(computeModelVersion(input)).toBe(computeModelVersion({ ...input, tasks: ['sentiment=choices.v1'] }));
    expect(computeModelVersion(input)).toMatch(/^prelabel-gpt-4o-[0-9a-f]{12}$/);
  });

  it('follows the task names: another task (or version) for a control is another model_version', () => {
    const versions = ['sentiment=choices.v1', 'sentiment=choices.v2', 'sentiment=choices-with-rationale.v1'].map((task) =>
      computeModelVersion({ ...input, tasks: [task] }),
    );
    expect(new Set(versions).size).toBe(3);
  });
});
