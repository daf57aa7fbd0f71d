import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProjectConfigError } from '../core/errors';
import type { Logger } from '../core/spec/logger';
import type { ProjectSettings } from '../core/spec/project-settings';
import type { Registry } from '../core/registry';
import { formatConfigProblem, sortConfigProblems, type ConfigProblem } from './config-problem';
import { createDefaultProjectSettings } from './default-project-settings';
import { tryLoadProjectFile, type LoadedProjectFile, type ProjectFileLoadResult } from './load-project-file';

export interface ProjectConfigStoreOptions {
  /** The projects folder; a missing folder holds no files. */
  directory: string;
  environment: NodeJS.ProcessEnv;
  registry: Registry;
  logger: Logger;
}

export interface SettingsWithSource {
  settings: ProjectSettings;
  /** The YAML file the settings come from, or `built-in default`. */
  source: string;
}

export const BUILT_IN_DEFAULT_SOURCE = 'built-in default';

type LoadedResult = Extract<ProjectFileLoadResult, { status: 'loaded' }>;

interface TrackedFile {
  /** Dependency path → what its stat looked like when the file was last read. */
  fingerprints: Map<string, string>;
  /** The outcome of the last read. */
  latest: ProjectFileLoadResult;
  /** The version in use: the last read if it was good and claims nothing another file holds, else an earlier one. */
  active: LoadedResult | null;
}

/**
 * The project files of a folder, read at start-up (`loadAll`) and hot reloaded (`refresh`, cheap enough for every
 * request: a readdir and a stat per file read). A file that becomes invalid keeps its last good version.
 */
export class ProjectConfigStore {
  private readonly directory: string;
  private readonly environment: NodeJS.ProcessEnv;
  private readonly registry: Registry;
  private readonly logger: Logger;
  private readonly builtInDefault: ProjectSettings;
  private tracked = new Map<string, TrackedFile>();
  private projectOwners = new Map<string, LoadedProjectFile>();
  private defaultFile: LoadedProjectFile | null = null;

  constructor(options: ProjectConfigStoreOptions) {
    this.directory = path.resolve(options.directory);
    this.environment = options.environment;
    this.registry = options.registry;
    this.logger = options.logger;
    this.builtInDefault = createDefaultProjectSettings(options.environment);
  }

  /**
   * Reads every `*.yaml` / `*.yml` file of the folder. Throws one ProjectConfigError listing the problems of every
   * bad file and every project id (or default) claimed by two files; the store is left as it was then.
   */
  loadAll(): void {
    const tracked = new Map<string, TrackedFile>();
    const messages: string[] = [];
    for (const file of this.listFiles()) {
      const entry = this.read(file, null);
      tracked.set(file, entry);
      if (entry.latest.status === 'invalid') messages.push(...entry.latest.error.problems);
    }
    messages.push(...sortConfigProblems(this.settle(tracked)).map(formatConfigProblem));
    if (messages.length > 0) throw new ProjectConfigError(messages);
    this.tracked = tracked;
    this.index();
    this.logger.info({ directory: this.directory, files: [...tracked.keys()] }, 'project files loaded');
  }

  /**
   * Reloads the files that changed, appeared or disappeared since the last look. Problems are logged, never
   * thrown. Returns whether anything was reread or dropped.
   */
  refresh(): boolean {
    let files: Set<string>;
    try {
      files = new Set(this.listFiles());
    } catch (error) {
      this.logger.error({ directory: this.directory, error }, `cannot list the project files in ${this.directory}; keeping the files loaded`);
      return false;
    }
    let changed = false;
    for (const file of [...this.tracked.keys()]) {
      if (files.has(file)) continue;
      this.tracked.delete(file);
      changed = true;
      this.logger.info({ file }, 'project file removed; its projects fall back to the default');
    }
    for (const file of files) {
      const known = this.tracked.get(file);
      if (known && !this.hasChanged(known)) continue;
      const entry = this.read(file, known?.active ?? null);
      this.tracked.set(file, entry);
      changed = true;
      if (entry.latest.status === 'invalid') {
        const consequence = entry.active ? 'keeping its last good version' : 'the file is ignored';
        this.logger.error(
          { file, problems: entry.latest.error.problems },
          `invalid project file ${file}; ${consequence}:\n${entry.latest.error.message}`,
        );
      } else {
        this.logger.info({ file, projects: entry.latest.loaded.projects, isDefault: entry.latest.loaded.isDefault }, 'project file loaded');
      }
    }
    if (!changed) return false;
    const conflicts = sortConfigProblems(this.settle(this.tracked));
    for (const conflict of conflicts) {
      const consequence = this.tracked.get(conflict.file)?.active ? 'keeping its last good version' : 'the file is ignored';
      this.logger.error({ file: conflict.file }, `${formatConfigProblem(conflict)}; ${consequence}`);
    }
    this.index();
    return true;
  }

  /** A file listing the project > the `default: true` file > the built-in default. */
  settingsFor(projectId: string | null): SettingsWithSource {
    const owner = (projectId !== null && this.projectOwners.get(projectId)) || this.defaultFile;
    if (owner) return { settings: owner.settings, source: owner.file };
    return { settings: this.builtInDefault, source: BUILT_IN_DEFAULT_SOURCE };
  }

  /** The files in use, by path. */
  files(): LoadedProjectFile[] {
    return [...this.tracked.values()]
      .flatMap((entry) => (entry.active ? [entry.active.loaded] : []))
      .sort((left, right) => (left.file < right.file ? -1 : 1));
  }

  private listFiles(): string[] {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(this.directory, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return entries
      .filter((entry) => /\.ya?ml$/i.test(entry.name) && !entry.name.startsWith('.') && !entry.isDirectory())
      .map((entry) => path.join(this.directory, entry.name))
      .sort();
  }

  private read(file: string, active: LoadedResult | null): TrackedFile {
    const latest = tryLoadProjectFile({ file, environment: this.environment, registry: this.registry });
    const dependencies = latest.status === 'loaded' ? latest.loaded.dependencies : latest.dependencies;
    const fingerprints = new Map(dependencies.map((dependency) => [dependency, fingerprintOf(dependency)]));
    return { fingerprints, latest, active };
  }

  private hasChanged(entry: TrackedFile): boolean {
    for (const [dependency, fingerprint] of entry.fingerprints) {
      if (fingerprintOf(dependency) !== fingerprint) return true;
    }
    return false;
  }

  /**
   * Chooses each file's active version so no project id and no default is claimed twice. Versions in use keep
   * their claims; a newly read good version replaces its file's version when its claims are free (tried by path,
   * again while that makes progress), else the file keeps the version it had. Returns the refused claims.
   */
  private settle(tracked: Map<string, TrackedFile>): ConfigProblem[] {
    const projectClaims = new Map<string, { file: string; line: number }>();
    let defaultClaim: { file: string; line: number } | null = null;

    const conflictsOf = (version: LoadedResult): ConfigProblem[] => {
      const file = version.loaded.file;
      const conflicts: ConfigProblem[] = [];
      for (const [projectId, site] of version.projectClaims) {
        const holder = projectClaims.get(projectId);
        if (holder && holder.file !== file) {
          conflicts.push({ file, ...site, message: `project ${projectId} is already claimed by ${holder.file}:${holder.line}` });
        }
      }
      if (version.defaultClaim && defaultClaim && defaultClaim.file !== file) {
        conflicts.push({
          file,
          ...version.defaultClaim,
          message: `${defaultClaim.file}:${defaultClaim.line} is already the default file; only one file may say default: true`,
        });
      }
      return conflicts;
    };
    const claim = (version: LoadedResult): void => {
      const file = version.loaded.file;
      for (const [projectId, site] of version.projectClaims) projectClaims.set(projectId, { file, line: site.line });
      if (version.defaultClaim) defaultClaim = { file, line: version.defaultClaim.line };
    };
    const release = (version: LoadedResult): void => {
      for (const [projectId, holder] of projectClaims) if (holder.file === version.loaded.file) projectClaims.delete(projectId);
      if (defaultClaim?.file === version.loaded.file) defaultClaim = null;
    };

    for (const entry of tracked.values()) if (entry.active) claim(entry.active);
    let pending = [...tracked.entries()]
      .filter(([, entry]) => entry.latest.status === 'loaded' && entry.latest !== entry.active)
      .sort(([left], [right]) => (left < right ? -1 : 1))
      .map(([, entry]) => entry);
    let conflicts: ConfigProblem[] = [];
    for (let progress = true; progress && pending.length > 0; ) {
      progress = false;
      conflicts = [];
      for (const entry of pending) {
        const candidate = entry.latest as LoadedResult;
        if (entry.active) release(entry.active);
        const candidateConflicts = conflictsOf(candidate);
        if (candidateConflicts.length === 0) {
          entry.active = candidate;
          progress = true;
        } else {
          conflicts.push(...candidateConflicts);
        }
        if (entry.active) claim(entry.active);
      }
      pending = pending.filter((entry) => entry.latest !== entry.active);
    }
    return conflicts;
  }

  private index(): void {
    this.projectOwners = new Map();
    this.defaultFile = null;
    for (const loaded of this.files()) {
      for (const projectId of loaded.projects) this.projectOwners.set(projectId, loaded);
      if (loaded.isDefault) this.defaultFile = loaded;
    }
  }
}

/** What a stat says about a file's content, or `missing`. */
function fingerprintOf(file: string): string {
  try {
    const stats = fs.statSync(file);
    return `${stats.mtimeMs}:${stats.size}:${stats.ino}`;
  } catch {
    return 'missing';
  }
}
