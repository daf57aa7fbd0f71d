import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder of prelabel's package.json, above this file (bench/ or its compiled copy in bench/.build/bench/). */
export function findRepositoryRoot(start: string = __dirname): string {
  let folder = start;
  for (let level = 0; level < 8; level += 1) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'prelabel') return folder;
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  throw new Error(`no prelabel package.json above ${start}`);
}
