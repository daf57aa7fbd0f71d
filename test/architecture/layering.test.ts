import { execFile } from 'node:child_process';
import path from 'node:path';

// The layering rules live in .dependency-cruiser.cjs; cruise-layers.mjs runs dependency-cruiser over a tree with them
// (dependency-cruiser is an ES module only, so it runs in a child process).
const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
const CRUISE_LAYERS = path.join(__dirname, 'cruise-layers.mjs');
/** A small fake house with one forbidden import per rule, and allowed imports of every kind beside them. */
const FIXTURE_TREE = path.join(__dirname, 'fixtures', 'forbidden-imports');

interface LayerViolation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
  readonly cycle?: readonly string[];
  readonly known: boolean;
}

interface LayerReport {
  readonly rules: readonly string[];
  readonly violations: readonly LayerViolation[];
  readonly staleKnownViolations: readonly Omit<LayerViolation, 'known' | 'cycle'>[];
  readonly modulesCruised: number;
}

/** Cruises the tree in `directory`; the runner exits 1 on violations, and its report is on stdout either way. */
function cruiseLayers(directory: string, ...flags: string[]): Promise<LayerReport> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CRUISE_LAYERS, '--json', ...flags],
      { cwd: directory, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (stdout.trim() === '') {
          reject(new Error(`cruise-layers.mjs printed no report (${error?.message ?? 'no error'}): ${stderr}`));
          return;
        }
        resolve(JSON.parse(stdout) as LayerReport);
      },
    );
  });
}

/** `rule: from → to`, a package named by its folder (`node_modules/ajv`), wherever it is installed. */
function describeViolation(violation: Pick<LayerViolation, 'rule' | 'from' | 'to'>): string {
  const to = violation.to.replace(/^(?:\.\.\/)*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, 'node_modules/$1');
  return `${violation.rule}: ${violation.from} → ${to}`;
}

let treeReport: LayerReport;
let fixtureReport: LayerReport;
beforeAll(async () => {
  // Both cruises at once; the fixture is cruised without the known list, which speaks of the real tree.
  [treeReport, fixtureReport] = await Promise.all([
    cruiseLayers(REPOSITORY_ROOT),
    cruiseLayers(FIXTURE_TREE, '--no-ignore-known'),
  ]);
}, 120_000);

describe('the layering of the tree', () => {
  let report: LayerReport;
  beforeAll(() => {
    report = treeReport;
  });

  it('cruises the whole house', () => {
    expect(report.modulesCruised).toBeGreaterThan(200);
  });

  it('has no import that breaks a layer rule, beyond the known ones in .dependency-cruiser.cjs', () => {
    const newViolations = report.violations.filter((violation) => !violation.known).map(describeViolation);
    expect(newViolations).toEqual([]);
  });

  it('lists as known only violations that still occur (delete an entry when its import is gone)', () => {
    expect(report.staleKnownViolations.map(describeViolation)).toEqual([]);
  });
});

describe('the layer rules fire on a forbidden import', () => {
  // [rule, from, to] for each forbidden import in the fixture tree; every other import there is allowed.
  const expected: ReadonlyArray<readonly [string, string, string]> = [
    ['core-imports-outward', 'core/pipeline.ts', 'tasks/choices/choices-task.ts'],
    ['core-imports-outward', 'core/reach-outward.ts', 'tasks/index.ts'],
    ['core-imports-outward', 'core/reach-outward.ts', 'providers/index.ts'],
    ['core-imports-outward', 'core/reach-outward.ts', 'server/container.ts'],
    ['core-imports-outward', 'core/reach-outward.ts', 'cli/run-predict-command.ts'],
    ['core-imports-outward', 'core/reach-outward.ts', 'config/load-project-file.ts'],
    ['task-imports-another-task', 'tasks/labels/labels-task.ts', 'tasks/choices/parse-choices-answer.ts'],
    ['task-imports-another-task', 'tasks/shared/list-labels.ts', 'tasks/choices/parse-choices-answer.ts'],
    [
      'provider-imports-another-provider',
      'providers/openai/openai-language-model.ts',
      'providers/anthropic/map-anthropic-error.ts',
    ],
    ['plugin-imports-application', 'tasks/labels/labels-task.ts', 'config/load-project-file.ts'],
    ['plugin-imports-application', 'providers/openai/openai-language-model.ts', 'server/container.ts'],
    ['plugin-imports-application', 'tasks/choices/choices-task.ts', 'cli/run-predict-command.ts'],
    // core/spec/ and a spec file still at core/'s root (a type-only import counts); a package other than tsyringe.
    ['spec-imports-implementation', 'core/spec/control-task.ts', 'core/retry.ts'],
    ['spec-imports-implementation', 'core/spec/control-task.ts', 'node_modules/ajv'],
    ['spec-imports-implementation', 'core/spec/stages.ts', 'core/pipeline.ts'],
    ['server-imports-cli', 'server/create-app.ts', 'cli/run-predict-command.ts'],
    // core/pipeline.ts and core/spec/stages.ts import each other's types.
    ['core-circular', 'core/pipeline.ts', 'core/spec/stages.ts'],
  ];

  let report: LayerReport;
  beforeAll(() => {
    report = fixtureReport;
  });

  it('has a forbidden import in the fixture tree for every rule', () => {
    expect([...new Set(expected.map(([rule]) => rule))].sort()).toEqual([...report.rules].sort());
  });

  it.each([...new Set(expected.map(([rule]) => rule))])('%s reports its forbidden imports', (rule) => {
    const reported = report.violations.filter((violation) => violation.rule === rule).map(describeViolation);
    const forbidden = expected
      .filter(([expectedRule]) => expectedRule === rule)
      .map(([, from, to]) => describeViolation({ rule, from, to }));
    expect(reported.sort()).toEqual(forbidden.sort());
  });

  it('reports nothing else: the allowed imports beside them pass', () => {
    // tasks/index.ts → every task, a task → tasks/shared/, providers/index.ts → every provider, a provider →
    // providers/shared/, the spec → the spec, core/errors.ts, node:fs and tsyringe, cli/ → server/,
    // and a core test → tasks/ and config/ (tests are outside the layering).
    expect(report.violations.map(describeViolation).sort()).toEqual(
      expected.map(([rule, from, to]) => describeViolation({ rule, from, to })).sort(),
    );
  });

  it('names the modules of a cycle', () => {
    const cycle = report.violations.find((violation) => violation.rule === 'core-circular');
    expect([...(cycle?.cycle ?? [])].sort()).toEqual(['core/pipeline.ts', 'core/spec/stages.ts']);
  });
});
