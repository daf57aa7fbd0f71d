import * as path from 'node:path';
import { ProjectConfigError } from '../core/errors';
import type { ProjectSettings } from '../core/spec/project-settings';
import type { Registry } from '../core/registry';
import { checkProjectWiring } from './check-project-wiring';
import { formatConfigProblem, sortConfigProblems, type ConfigProblem } from './config-problem';
import { convertToProjectSettings } from './convert-to-project-settings';
import { templateSource } from './locate-prompt-template';
import type { ProjectFileData } from './project-config-schema';
import { asRecord, claimSite, problemAt, type ProjectClaimSite } from './project-file-context';
import { readProjectDocument } from './read-project-document';
import { validateProjectSchema } from './validate-project-schema';

export type { ProjectClaimSite } from './project-file-context';
import { checkProviderSettings, type ProviderConfigProblem } from './check-provider-settings';

export interface LoadProjectFileOptions {
  file: string;
  environment: NodeJS.ProcessEnv;
  registry: Registry;
}

export interface LoadedProjectFile {
  /** Absolute path of the YAML file. */
  file: string;
  /** The Label Studio project ids the file lists, as strings. */
  projects: string[];
  isDefault: boolean;
  settings: ProjectSettings;
  /** Absolute paths of the files read: the YAML file, then the template file if any. */
  dependencies: string[];
  /** Provider settings that cannot work (a missing key, a bad base URL): `validate` fails on them, the server warns. */
  providerProblems: ProviderConfigProblem[];
}

export type ProjectFileLoadResult =
  | {
      status: 'loaded';
      loaded: LoadedProjectFile;
      /** Project id → where the file lists it. */
      projectClaims: Map<string, ProjectClaimSite>;
      /** Where the file says `default: true`, or null. */
      defaultClaim: ProjectClaimSite | null;
    }
  | {
      status: 'invalid';
      error: ProjectConfigError;
      /** Absolute paths of the files read or looked for, so a caller knows when trying again may help. */
      dependencies: string[];
    };

/** Reads, interpolates, validates and normalises one project file. Throws one ProjectConfigError listing every problem. */
export function loadProjectFile(options: LoadProjectFileOptions): LoadedProjectFile {
  const result = tryLoadProjectFile(options);
  if (result.status === 'invalid') throw result.error;
  return result.loaded;
}

/**
 * As loadProjectFile, returning the problems instead of throwing them. Four steps, in order: read the document
 * (YAML, positions, `${VAR}`), validate it against the schema, check its wiring (plugins, registered names, keys,
 * cross-field rules, template file), convert it to settings. Every problem of the first three is reported at once.
 */
export function tryLoadProjectFile(options: LoadProjectFileOptions): ProjectFileLoadResult {
  const file = path.resolve(options.file);
  const dependencies = [file];
  const invalid = (problems: ConfigProblem[]): ProjectFileLoadResult => ({
    status: 'invalid',
    error: new ProjectConfigError(sortConfigProblems(problems).map(formatConfigProblem)),
    dependencies,
  });

  const document = readProjectDocument(file, options.environment);
  if (document.status === 'unreadable') return invalid(document.problems);
  const { context } = document;

  validateProjectSchema(context, document.data, document.unresolvedFields);

  const fileData = asRecord(document.data) ?? {};
  const wiring = checkProjectWiring(context, fileData, { registry: options.registry, references: document.references });
  dependencies.push(...wiring.pluginFiles);
  if (wiring.templateFile) dependencies.push(wiring.templateFile.file);

  if (context.problems.length > 0) return invalid(context.problems);

  const valid = fileData as ProjectFileData;
  const settings = convertToProjectSettings(valid, file, templateSource(context, valid.prompt?.template, wiring.templateFile));
  return {
    status: 'loaded',
    loaded: {
      file,
      projects: (valid.projects ?? []).map(String),
      isDefault: valid.default === true,
      settings,
      dependencies,
      providerProblems: checkProviderSettings({ settings, environment: options.environment, registry: options.registry, locate: (fieldPath, message) => problemAt(context, fieldPath, message) }),
    },
    projectClaims: new Map((valid.projects ?? []).map((id, index) => [String(id), claimSite(context, ['projects', index], 'value')])),
    defaultClaim: valid.default === true ? claimSite(context, ['default'], 'key') : null,
  };
}
