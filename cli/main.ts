#!/usr/bin/env node
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { describeError } from '../core/errors';
import { findPackageRoot } from '../core/shared/package-root';
import { closeRootServices, createRootServices, type RootServices } from '../server/container';
import { createLogger, createStderrLogDestination } from '../server/create-logger';
import { startServer, warnWhenProjectsFolderIsMissing } from '../server/main';
import type { TerminalLogDestination } from '../server/terminal-log-destination';
import { runEvalCommand } from './run-eval-command';
import { formatPredictSummary, runPredictCommand } from './run-predict-command';
import { runValidateCommand } from './run-validate-command';

/** The CLI's services; its logs (level LOG_LEVEL, default warn) go through one stderr destination the progress bar shares. */
function createServices(projectsDirectory?: string): { services: RootServices; logDestination: TerminalLogDestination } {
  const environment = process.env;
  const logDestination = createStderrLogDestination(environment);
  const logger = createLogger(environment, logDestination, 'warn');
  // Without a folder named (option or PRELABEL_PROJECTS_DIR), a missing ./projects is the usual offline case.
  if (projectsDirectory !== undefined || environment.PRELABEL_PROJECTS_DIR) warnWhenProjectsFolderIsMissing(environment, logger, projectsDirectory);
  return { services: createRootServices({ environment, logger, projectsDirectory }), logDestination };
}

/** prelabel's version, from its package.json (found from dist/ or the sources alike). */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(findPackageRoot(__dirname), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('a whole number, 0 or more');
  return Number(value);
}

function fail(error: unknown): never {
  process.stderr.write(`prelabel: ${describeError(error).message}\n`);
  process.exit(1);
}

export function createProgram(): Command {
  const version = packageVersion();
  const program = new Command('prelabel').description('Pre-label Label Studio tasks with large language models').version(version);

  program
    .command('serve')
    .description('run the Label Studio ML backend (PORT, default 9090)')
    .version(version)
    .option('--port <port>', 'the listen port (default PORT, else 9090)')
    .option('--projects-dir <folder>', 'the projects folder (default PRELABEL_PROJECTS_DIR or ./projects)')
    .action((options: { port?: string; projectsDir?: string }) =>
      startServer({
        ...process.env,
        ...(options.port === undefined ? {} : { PORT: options.port }),
        ...(options.projectsDir === undefined ? {} : { PRELABEL_PROJECTS_DIR: options.projectsDir }),
      }),
    );

  program
    .command('predict')
    .description('predict a Label Studio task file offline and write it back with predictions, ready to import')
    .version(version)
    .requiredOption('--label-config <file>', 'the project labeling config (XML)')
    .requiredOption('--tasks <file>', 'tasks as Label Studio exports them (a JSON list of tasks with data)')
    .requiredOption('--out <file>', 'where to write the tasks with predictions')
    .option('--project-yaml <file>', 'a project YAML file (default: the projects folder, else the built-in pipeline)')
    .option('--project <id>', 'the Label Studio project id, to pick a file from the projects folder')
    .option('--projects-dir <folder>', 'the projects folder (default PRELABEL_PROJECTS_DIR or ./projects)')
    .option('--allow-failures <count>', 'exit 0 when at most this many tasks failed (default 0: any failure exits 1)', parseCount, 0)
    .option('--no-progress', 'no progress bar')
    .action(
      async (options: {
        labelConfig: string;
        tasks: string;
        out: string;
        projectYaml?: string;
        project?: string;
        projectsDir?: string;
        allowFailures: number;
        progress: boolean;
      }) => {
        let created: ReturnType<typeof createServices> | undefined;
        try {
          created = createServices(options.projectsDir);
          const { services, logDestination } = created;
          const summary = await runPredictCommand(services, {
            ...options,
            progress: options.progress && Boolean(logDestination.stream.isTTY),
            logDestination,
          });
          process.stderr.write(formatPredictSummary(summary, options.out, options.allowFailures));
          process.exitCode = summary.failed.length > options.allowFailures ? 1 : 0;
        } catch (error) {
          fail(error);
        } finally {
          if (created) await closeRootServices(created.services);
        }
      },
    );

  program
    .command('eval')
    .description('predict the tasks of a Label Studio export and compare the predictions with its human annotations')
    .version(version)
    .requiredOption('--label-config <file>', 'the project labeling config (XML)')
    .requiredOption('--tasks <file>', 'a Label Studio JSON export with annotations')
    .option('--project-yaml <file>', 'a project YAML file (default: the projects folder, else the built-in pipeline)')
    .option('--project <id>', 'the Label Studio project id, to pick a file from the projects folder')
    .option('--projects-dir <folder>', 'the projects folder (default PRELABEL_PROJECTS_DIR or ./projects)')
    .option('--compare <file>', 'a second project YAML file (another prompt or model), evaluated on the same tasks')
    .option('--json <file>', 'also write every figure as JSON')
    .option('--html <file>', 'also write a self-contained HTML report')
    .option('--no-progress', 'no progress bar')
    .action(
      async (options: { labelConfig: string; tasks: string; projectYaml?: string; project?: string; projectsDir?: string; compare?: string; json?: string; html?: string; progress: boolean }) => {
        let created: ReturnType<typeof createServices> | undefined;
        try {
          created = createServices(options.projectsDir);
          const { services, logDestination } = created;
          const { table } = await runEvalCommand(services, { ...options, progress: options.progress && Boolean(logDestination.stream.isTTY), logDestination });
          process.stdout.write(table);
        } catch (error) {
          fail(error);
        } finally {
          if (created) await closeRootServices(created.services);
        }
      },
    );

  program
    .command('validate')
    .description('check project YAML files, or whole projects folders (as the server reads them), without starting the server')
    .version(version)
    .argument('<paths...>', 'project YAML files or projects folders')
    .option('--label-config <file>', 'also check the files against this labeling config (prompt placeholders, controls)')
    .option('--offline', 'skip the provider checks (API key, model served), which ask the provider')
    .action(async (paths: string[], options: { labelConfig?: string; offline?: boolean }) => {
      let created: ReturnType<typeof createServices> | undefined;
      try {
        created = createServices();
        const { ok, lines } = await runValidateCommand(created.services, paths, options.labelConfig, { offline: options.offline });
        process.stdout.write(`${lines.join('\n')}\n`);
        process.exitCode = ok ? 0 : 1;
      } catch (error) {
        fail(error);
      } finally {
        if (created) await closeRootServices(created.services);
      }
    });
  return program;
}

if (require.main === module) {
  createProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => fail(error));
}
