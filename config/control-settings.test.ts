import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Registry } from '../core/registry';
import { registerBuiltinComponents } from '../server/register-builtin-components';
import { loadProjectFile } from './load-project-file';

const registry = registerBuiltinComponents(new Registry());
let directory: string;

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'prelabel-control-settings-'));
});
afterEach(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

function load(lines: string[]) {
  const file = path.join(directory, 'project.yaml');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return () => loadProjectFile({ file, environment: {}, registry });
}

describe('controls.<name> in a project file', () => {
  it('names a task and instructions per control, next to controls.include and controls.instructions', () => {
    const { settings } = load([
      'default: true',
      'controls:',
      '  include: [sentiment, topic]',
      '  instructions:',
      '    topic: Pick the main topic.',
      '  sentiment:',
      '    task: choices.v1',
      '    instructions: Sarcasm is negative.',
    ])();
    expect(settings.controls).toEqual({
      include: ['sentiment', 'topic'],
      instructions: { topic: 'Pick the main topic.', sentiment: 'Sarcasm is negative.' },
      tasks: { sentiment: 'choices.v1' },
    });
  });

  it('keeps a control named __proto__ as a key, never as a prototype', () => {
    const { settings } = load(['default: true', 'controls:', '  __proto__:', '    task: choices.v1'])();
    expect(Object.getPrototypeOf(settings.controls.tasks)).toBe(Object.prototype);
    expect(Object.keys(settings.controls.tasks)).toEqual(['__proto__']);
  });

  it('refuses a task name nobody registered, listing the registered ones, at its line and column', () => {
    expect(load(['default: true', 'controls:', '  sentiment:', '    task: choices.v9'])).toThrow(
      expect.objectContaining({
        code: 'PROJECT_CONFIG_INVALID',
        message: expect.stringMatching(
          /project\.yaml:4:11: controls\.sentiment\.task: no task named "choices\.v9" is registered \(available: choices\.v1, datetime\.v1, .*labels\.v1.*textarea\.v1\)$/,
        ),
      }),
    );
  });

  it('refuses an unknown key of a control, with a suggestion', () => {
    expect(load(['default: true', 'controls:', '  sentiment:', '    tasks: choices.v1'])).toThrow(
      expect.objectContaining({ message: expect.stringContaining('project.yaml:4:5: controls.sentiment.tasks: unknown key "tasks"; did you mean "task"?') }),
    );
  });

  it('refuses instructions given twice for one control', () => {
    expect(load(['default: true', 'controls:', '  instructions:', '    sentiment: One.', '  sentiment:', '    instructions: Two.'])).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('project.yaml:6:19: controls.sentiment.instructions: the instructions of "sentiment" are also given in controls.instructions: give them once'),
      }),
    );
  });
});
