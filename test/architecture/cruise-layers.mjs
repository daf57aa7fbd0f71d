// Cruises the imports of the tree in the current directory with the rules in .dependency-cruiser.cjs.
// dependency-cruiser is an ES module only, so jest (CommonJS) runs this file as a child process.
//
//   node test/architecture/cruise-layers.mjs                    the violations, for people (npm run lint:layers)
//   node test/architecture/cruise-layers.mjs --json             { rules, violations, staleKnownViolations, modulesCruised }
//   node test/architecture/cruise-layers.mjs --no-ignore-known  reports the known violations too (a fixture tree)
//
// Exits 1 when a violation is not on the known list, or a known one no longer occurs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cruise, format } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** The folders the layering speaks of; those that exist are cruised. */
const LAYER_FOLDERS = ['core', 'tasks', 'providers', 'server', 'config', 'cli'];

const configuration = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');
const printJson = process.argv.includes('--json');
const withoutKnown = process.argv.includes('--no-ignore-known');
const hasTsConfig = existsSync('tsconfig.json');

const { knownViolations, tsConfig, ...options } = configuration.options;
const known = withoutKnown ? [] : knownViolations;
const cruiseOptions = {
  ...options,
  ...(hasTsConfig ? { tsConfig } : {}),
  knownViolations: known,
  validate: true,
  ruleSet: { forbidden: configuration.forbidden },
};
const roots = LAYER_FOLDERS.filter((folder) => existsSync(folder));
const { output: result } = await cruise(
  roots,
  cruiseOptions,
  undefined,
  hasTsConfig ? { tsConfig: extractTSConfig(tsConfig.fileName) } : {},
);

const violations = result.summary.violations.map((violation) => ({
  rule: violation.rule.name,
  from: violation.from,
  to: violation.to,
  ...(violation.cycle ? { cycle: violation.cycle.map((step) => step.name) } : {}),
  known: violation.rule.severity === 'ignore',
}));
const sameModules = (left, right) => left.length === right.length && left.every((name) => right.includes(name));
const staleKnownViolations = known
  .filter(
    (entry) =>
      !violations.some(
        (violation) =>
          violation.rule === entry.rule.name &&
          (entry.cycle && violation.cycle
            ? sameModules(
                entry.cycle.map((step) => step.name),
                violation.cycle,
              )
            : violation.from === entry.from && violation.to === entry.to),
      ),
  )
  .map((entry) => ({ rule: entry.rule.name, from: entry.from, to: entry.to }));
const failed = violations.some((violation) => !violation.known) || staleKnownViolations.length > 0;

if (printJson) {
  const rules = configuration.forbidden.map((rule) => rule.name);
  process.stdout.write(JSON.stringify({ rules, violations, staleKnownViolations, modulesCruised: result.summary.totalCruised }));
} else {
  process.stdout.write((await format(result, { outputType: 'err-long' })).output);
  for (const entry of staleKnownViolations) {
    process.stdout.write(`  stale known violation (delete it from KNOWN_VIOLATIONS): ${entry.rule}: ${entry.from} → ${entry.to}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
