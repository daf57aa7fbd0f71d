// The layering of the house, enforced by test/architecture/layering.test.ts and `npm run lint:layers`.
// Paths are relative to the repository root. Every import counts, type-only ones too (tsPreCompilationDeps).

/**
 * The spec: the interfaces plugins implement. Its home is core/spec/; until the move into it lands, the spec files
 * still at core/'s root are listed here so the rule guards them today. Delete an entry when its file has moved.
 */
const SPEC_FILES_AT_CORE_ROOT = [
  'stages.ts',
  'language-model.ts',
  'control-task.ts',
  'label-config.ts',
  'label-studio.ts',
  'project-settings.ts',
  'logger.ts',
  'media-loader.ts',
  'example-store.ts',
  'response-cache.ts',
  'pipeline-observer.ts',
  'language-model-middleware.ts',
  'tokens.ts',
];

const escapeForRegularExpression = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SPEC = `^core/(spec/|(${SPEC_FILES_AT_CORE_ROOT.map(escapeForRegularExpression).join('|')})$)`;

/** The CLI: top-level cli/, and server/cli/ until it moves there. */
const CLI = '^(cli|server/cli)/';

/**
 * Violations in the tree when the rules were written (issue 10), tolerated until the moves that remove them land.
 * Nothing new may join this list: a new violation fails the test, and so does an entry here that no longer occurs
 * (delete it). Each entry is [from, to]; a cycle entry lists the modules on the cycle.
 */
const KNOWN_VIOLATIONS = {
  // core/tokens.ts types its tokens with implementation classes; core/pipeline-observer.ts takes AnswerSource from
  // the answer cache (it belongs in the spec's response-cache.ts).
  'spec-imports-implementation': [
    ['core/pipeline-observer.ts', 'core/answer-cache.ts'],
    ['core/tokens.ts', 'core/answer-cache.ts'],
    ['core/tokens.ts', 'core/pipeline.ts'],
    ['core/tokens.ts', 'core/provider-gates.ts'],
    ['core/tokens.ts', 'core/registry.ts'],
  ],
  // The type-only half of it: core/tokens.ts imports the Pipeline type, core/pipeline.ts imports TOKENS.
  'core-circular': [['core/pipeline.ts', 'core/tokens.ts']],
  // The evaluation reads task files with the CLI's reader (both move to cli/).
  'server-imports-cli': [['server/evaluation/read-evaluation-tasks.ts', 'server/cli/read-tasks-file.ts']],
  // The span tasks build on tasks/labels/ (a shared span wing would end these), and labels on choices' normalizeLabel.
  'task-imports-another-task': [
    ['tasks/hypertext-labels/hypertext-labels-task.ts', 'tasks/labels/create-labels-schema.ts'],
    ['tasks/hypertext-labels/hypertext-labels-task.ts', 'tasks/labels/create-span-instructions.ts'],
    ['tasks/hypertext-labels/hypertext-labels-task.ts', 'tasks/labels/labels-task.ts'],
    ['tasks/hypertext-labels/hypertext-labels-task.ts', 'tasks/labels/mapping-report.ts'],
    ['tasks/hypertext-labels/hypertext-labels-task.ts', 'tasks/labels/parse-labels-answer.ts'],
    ['tasks/hypertext-labels/map-hypertext-labels-result.ts', 'tasks/labels/locate-mentions.ts'],
    ['tasks/hypertext-labels/map-hypertext-labels-result.ts', 'tasks/labels/map-labels-result.ts'],
    ['tasks/hypertext-labels/map-hypertext-labels-result.ts', 'tasks/labels/mapping-report.ts'],
    ['tasks/hypertext-labels/map-hypertext-labels-result.ts', 'tasks/labels/parse-labels-answer.ts'],
    ['tasks/hypertext-labels/map-hypertext-labels-result.ts', 'tasks/labels/resolve-spans.ts'],
    ['tasks/hypertext-labels/validate-hypertext-labels-result.ts', 'tasks/labels/describe-span-kind.ts'],
    ['tasks/hypertext-labels/validate-hypertext-labels-result.ts', 'tasks/labels/validate-labels-result.ts'],
    ['tasks/labels/parse-labels-answer.ts', 'tasks/choices/parse-choices-answer.ts'],
    ['tasks/paragraph-labels/create-paragraph-labels-schema.ts', 'tasks/labels/create-labels-schema.ts'],
    ['tasks/paragraph-labels/map-paragraph-labels-result.ts', 'tasks/labels/locate-mentions.ts'],
    ['tasks/paragraph-labels/map-paragraph-labels-result.ts', 'tasks/labels/map-labels-result.ts'],
    ['tasks/paragraph-labels/map-paragraph-labels-result.ts', 'tasks/labels/mapping-report.ts'],
    ['tasks/paragraph-labels/map-paragraph-labels-result.ts', 'tasks/labels/resolve-spans.ts'],
    ['tasks/paragraph-labels/map-paragraph-labels-result.ts', 'tasks/labels/slice-code-points.ts'],
    ['tasks/paragraph-labels/paragraph-labels-task.ts', 'tasks/labels/create-span-instructions.ts'],
    ['tasks/paragraph-labels/paragraph-labels-task.ts', 'tasks/labels/labels-task.ts'],
    ['tasks/paragraph-labels/paragraph-labels-task.ts', 'tasks/labels/mapping-report.ts'],
    ['tasks/paragraph-labels/parse-paragraph-labels-answer.ts', 'tasks/labels/parse-labels-answer.ts'],
    ['tasks/paragraph-labels/validate-paragraph-labels-result.ts', 'tasks/labels/describe-span-kind.ts'],
    ['tasks/paragraph-labels/validate-paragraph-labels-result.ts', 'tasks/labels/validate-labels-result.ts'],
  ],
};

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
      comment: 'A task folder builds on core/ and tasks/shared/ only, never on another task folder (tasks/index.ts may import them all).',
      severity: 'error',
      from: { path: '^tasks/([^/]+)/' },
      to: { path: '^tasks/[^/]+/', pathNot: ['^tasks/$1/', '^tasks/shared/'] },
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
