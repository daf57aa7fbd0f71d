'use strict';
// Writes config/project-config.schema.json from the TypeBox schema in config/project-config-schema.ts (built to
// dist/ first: `npm run schema`). config/project-config-schema.test.ts fails when the two differ.
const fs = require('node:fs');
const path = require('node:path');
const { PROJECT_CONFIG_SCHEMA } = require('../dist/config/project-config-schema');

fs.writeFileSync(path.join(__dirname, '..', 'config', 'project-config.schema.json'), `${JSON.stringify(PROJECT_CONFIG_SCHEMA, null, 2)}\n`);
