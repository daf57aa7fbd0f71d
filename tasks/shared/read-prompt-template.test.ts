import fs from 'node:fs';
import path from 'node:path';
import { findPackageRoot } from '../../core/shared/package-root';
import { readPromptTemplate } from './read-prompt-template';

const TEMPLATE_PATHS = [
  'tasks/choices/choices.v1.prompt.txt',
  'tasks/datetime/datetime.v1.prompt.txt',
  'tasks/hypertext-labels/hypertext-labels.v1.prompt.txt',
  'tasks/labels/labels.v1.prompt.txt',
  'tasks/number/number.v1.prompt.txt',
  'tasks/pairwise/pairwise.v1.prompt.txt',
  'tasks/paragraph-labels/paragraph-labels.v1.prompt.txt',
  'tasks/rating/rating.v1.prompt.txt',
  'tasks/taxonomy/taxonomy.v1.prompt.txt',
  'tasks/textarea/textarea.v1.prompt.txt',
];

describe('readPromptTemplate', () => {
  afterEach(() => jest.restoreAllMocks());

  test.each(TEMPLATE_PATHS)('%s: the file as written, read once', (templatePath) => {
    const written = fs.readFileSync(path.join(findPackageRoot(), templatePath), 'utf8');
    expect(readPromptTemplate(templatePath)).toBe(written);
    const readFile = jest.spyOn(fs, 'readFileSync');
    expect(readPromptTemplate(templatePath)).toBe(written);
    expect(readFile).not.toHaveBeenCalled();
  });

  test('a missing template throws', () => {
    expect(() => readPromptTemplate('tasks/missing.v1.prompt.txt')).toThrow(/ENOENT/);
  });
});
