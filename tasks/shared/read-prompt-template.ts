import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findPackageRoot } from '../../core/shared/package-root';

const promptTemplates = new Map<string, string>();

/** A task's prompt template by its path from the package root, read from disk once. */
export function readPromptTemplate(templatePath: string): string {
  let template = promptTemplates.get(templatePath);
  if (template === undefined) {
    template = readFileSync(path.join(findPackageRoot(__dirname), templatePath), 'utf8');
    promptTemplates.set(templatePath, template);
  }
  return template;
}
