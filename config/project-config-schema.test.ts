import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_CONFIG_SCHEMA } from './project-config-schema';

describe('project-config.schema.json', () => {
  it('is written from the TypeBox schema (run `npm run schema` after changing config/project-config-schema.ts)', () => {
    const written = JSON.parse(fs.readFileSync(path.join(__dirname, 'project-config.schema.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(PROJECT_CONFIG_SCHEMA)));
  });
});
