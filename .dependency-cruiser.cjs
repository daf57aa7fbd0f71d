// The layering of the house, enforced by test/architecture/layering.test.ts and `npm run lint:layers`.
// Paths are relative to the repository root. Every import counts, type-only ones too (tsPreCompilationDeps).

/** The spec: the interfaces plugins implement, in core/spec/. It imports only itself and core/errors.ts. */
const SPEC = '^core/spec/';

/** The CLI, the top layer: it builds on the server's composition root. */
const CLI = '^cli/';

/**
 * Violations the tree is allowed to keep. Nothing new may join this list: a new violation fails the test, and so does
 * an entry here that no longer occurs (delete it). Each entry is [from, to]; a cycle entry lists the modules on it.
 */
const KNOWN_VIOLATIONS = {};

/** KNOWN_VIOLATIONS in dependency-cruiser's baseline form (a matching violation is reported as `ignore`). */
const knownViolations = Object.entries(KNOWN_VIOLATIONS).flatMap(([name, entries]) =>
  entries.map((modules) => ({
    type: name === 'core-circular' ? 'cycle' : 'dependency',
    rule: { name, severity: 'error' },
    from: modules[0],
    to: modules[1],
    ...(name === 'core-circular' ? { cycle: modules.map((module) => ({ name: module, dependencyTypes: [] })) } : {}),
  })),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-outward',
      comment: 'core/ is the contract and the runner: it imports nothing from tasks/, providers/, server/, cli/ or config/.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(tasks|providers|server|cli|config)/' },
    },
    {
      name: 'task-imports-another-task',
      comment:
        'A task folder builds on core/, tasks/shared/ and the span wing tasks/spans/ only, never on another task folder (tasks/index.ts may import them all).',
      severity: 'error',
      from: { path: '^tasks/([^/]+)/' },
      to: { path: '^tasks/[^/]+/', pathNot: ['^tasks/$1/', '^tasks/shared/', '^tasks/spans/'] },
    },
    {
      name: 'provider-imports-another-provider',
      comment: 'A provider folder builds on core/ and providers/shared/ only, never on another provider folder (providers/index.ts may import them all).',
      severity: 'error',
      from: { path: '^providers/([^/]+)/' },
      to: { path: '^providers/[^/]+/', pathNot: ['^providers/$1/', '^providers/shared/'] },
    },
    {
      name: 'plugin-imports-application',
      comment: 'Tasks and providers build on core/ only: they import nothing from server/, cli/ or config/.',
      severity: 'error',
      from: { path: '^(tasks|providers)/' },
      to: { path: '^(server|cli|config)/' },
    },
    {
      name: 'spec-imports-implementation',
      comment: 'The spec (core/spec/) imports only the spec and core/errors.ts, plus node builtins and tsyringe.',
      severity: 'error',
      from: { path: SPEC },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: [SPEC, '^core/errors\\.ts$', '(^|/)node_modules/tsyringe/'],
      },
    },
    {
      name: 'server-imports-cli',
      comment: 'The CLI sits on top of the server\'s composition root, never the other way round.',
      severity: 'error',
      from: { path: '^server/', pathNot: CLI },
      to: { path: CLI },
    },
    {
      name: 'core-circular',
      comment: 'No circular imports inside core/ (type-only imports count).',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^core/', circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The layering governs the shipped modules; tests compose real parts on purpose (a core test may use real tasks).
    exclude: { path: '\\.test\\.ts$' },
    knownViolations,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
