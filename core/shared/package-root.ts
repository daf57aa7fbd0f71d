import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding prelabel's package.json, found from `from` upwards. Data files (prompt templates, JSON
 * schemas) are read from the source tree both when running from `dist/` and under ts-jest.
 */
export function findPackageRoot(from: string = __dirname): string {
  let directory = from;
  for (;;) {
    if (existsSync(path.join(directory, 'package.json'))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${from}`);
    directory = parent;
  }
}
