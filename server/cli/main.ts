#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { describeError } from '../../core/errors';
import { closeRootServices, createRootServices } from '../container';
import { createLogger } from '../create-logger';
import { startServer } from '../main';
import { runEvalCommand } from './run-eval-command';
import { runPredictCommand } from './run-predict-command';
import { runValidateCommand } from './run-validate-command';

function createServices(projectsDirectory?: string) {
  const environment = process.env;
  const logger = createLogger({ ...environment, LOG_LEVEL: environment.LOG_LEVEL ?? 'warn' });
  return createRootServices({ environment, logger, projectsDirectory });
}

function fail(error: unknown): never {
  process.stderr.write(`prelabel: ${describeError(error).message}\n`);
  process.exit(1);
}

export function createProgram(): Command {
  const program = new Command('prelabel').description('Pre-label Label Studio tasks with large language models');

  program
    .command('serve')
    .description('run the Label Studio ML backend (PORT, default 9090)')
    .action(() => startServer());

  program
    .command('predict')
    .description('predict a Label Studio task file offline and write it back with predictions, ready to import')
    .requiredOption('--label-config <file>', 'the project labeling config (XML)')
    .requiredOption('--tasks <file>', 'tasks as Label Studio exports them (a JSON list of tasks with data)')
    .requiredOption('--out <file>', 'where to write the tasks with predictions')
    .option('--project-yaml <file>', 'a project YAML file (default: the projects folder, else the built-in pipeline)')
    .option('--project <id>', 'the Label Studio project id, to pick a file from the projects folder')
    .option('--projects-dir <folder>', 'the projects folder (default PRELABEL_PROJECTS_DIR or ./projects)')
    .option('--no-progress', 'no progress bar')
    .action(async (options: { labelConfig: string; tasks: string; out: string; projectYaml?: string; project?: string; projectsDir?: string; progress: boolean }) => {
      const services = createServices(options.projectsDir);
      try {
        const summary = await runPredictCommand(services, {
          ...options,
          progress: options.progress && Boolean(process.stderr.isTTY),
        });
        process.stderr.write(
          `prelabel: ${summary.predicted} tasks predicted (${summary.empty} with nothing to suggest), ${summary.failed} failed; wrote ${options.out}\n`,
        );
      } catch (error) {
        fail(error);
      } finally {
        await closeRootServices(services);
      }
    });

  program
    .command('eval')
    .description('predict the tasks of a Label Studio export and compare the predictions with its human annotations')
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
        const services = createServices(options.projectsDir);
        try {
          const { table } = await runEvalCommand(services, { ...options, progress: options.progress && Boolean(process.stderr.isTTY) });
          process.stdout.write(table);
        } catch (error) {
          fail(error);
        } finally {
          await closeRootServices(services);
        }
      },
    );

  program
    .command('validate')
    .description('check project YAML files without starting the server')
    .argument('<files...>', 'project YAML files')
    .option('--label-config <file>', 'also check the files against this labeling config (prompt placeholders, controls)')
    .option('--offline', 'skip the provider checks (API key, model served), which ask the provider')
    .action(async (files: string[], options: { labelConfig?: string; offline?: boolean }) => {
      const services = createServices();
      try {
        const { ok, lines } = await runValidateCommand(services, files, options.labelConfig, { offline: options.offline });
        process.stdout.write(`${lines.join('\n')}\n`);
        process.exitCode = ok ? 0 : 1;
      } catch (error) {
        fail(error);
      } finally {
        await closeRootServices(services);
      }
    });
  return program;
}

if (require.main === module) {
  createProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => fail(error));
}
