import type { LabeledExample } from '../../core/spec/example-store';
import type { RetrySettings } from '../../core/spec/project-settings';
import { silentLogger, type Logger } from '../../core/spec/logger';
import { LabelStudioClient, type LabelStudioResponse } from '../label-studio/label-studio-client';
import { isRecord } from '../../core/shared/is-record';
import { readLabeledExample } from './read-labeled-example';
import { errorMessageOf } from '../../core/shared/error-message-of';

export interface FetchProjectExamplesOptions {
  projectId: string;
  /** Default: LABEL_STUDIO_URL, else LABEL_STUDIO_HOST. May carry a path prefix. */
  labelStudioUrl?: string;
  /** A legacy token or a Personal Access Token. Default: LABEL_STUDIO_API_KEY, else LABEL_STUDIO_ACCESS_TOKEN. */
  apiKey?: string;
  environment?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** The whole download, every page included. Default 60 s. */
  timeoutMs?: number;
  /** Default 100. */
  pageSize?: number;
  /** Default 1000 pages. */
  maxPages?: number;
  /** Per page. Default 64 MiB. */
  maxPageBytes?: number;
  signal?: AbortSignal;
  /** Retries of Label Studio's 429/502/503/504 answers; default the client's. */
  retry?: RetrySettings;
}

export type ProjectExamplesFetchFailure = 'not-configured' | 'authentication' | 'http-status' | 'invalid-response' | 'timeout' | 'aborted' | 'network' | 'too-large';

/** Reading a project's annotations from Label Studio failed. The message never contains the API key or access token. */
export class ProjectExamplesFetchError extends Error {
  readonly failure: ProjectExamplesFetchFailure;
  readonly statusCode?: number;

  constructor(failure: ProjectExamplesFetchFailure, message: string, statusCode?: number) {
    super(message);
    this.name = 'ProjectExamplesFetchError';
    this.failure = failure;
    this.statusCode = statusCode;
  }
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_MAX_PAGES = 1000;
const DEFAULT_MAX_PAGE_BYTES = 64 * 1024 * 1024;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function labelStudioBase(labelStudioUrl: string | undefined): string {
  if (!labelStudioUrl) throw new ProjectExamplesFetchError('not-configured', 'LABEL_STUDIO_URL is not set: prelabel needs it to read the project\'s annotations');
  const parsed = URL.canParse(labelStudioUrl) ? new URL(labelStudioUrl) : undefined;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username || parsed.password) {
    throw new ProjectExamplesFetchError('not-configured', 'LABEL_STUDIO_URL must be an http(s) URL without credentials');
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

interface TaskPage {
  tasks: unknown[];
  total: number | undefined;
}

function readTaskPage(body: Buffer, described: string): TaskPage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ProjectExamplesFetchError('invalid-response', `${described} answered with something that is not JSON`);
  }
  if (Array.isArray(parsed)) return { tasks: parsed, total: undefined };
  if (isRecord(parsed) && Array.isArray(parsed.tasks)) {
    return { tasks: parsed.tasks, total: typeof parsed.total === 'number' ? parsed.total : undefined };
  }
  throw new ProjectExamplesFetchError('invalid-response', `${described} answered without a "tasks" list`);
}

/**
 * Every annotated task of a project as examples, read page by page from `GET /api/tasks/?project=…&fields=all`
 * (for START_TRAINING). Cancelled and empty annotations are left out. The key goes to LABEL_STUDIO_URL only
 * (redirects are not followed); a Personal Access Token is exchanged for an access token first (protocol doc §9).
 * Throws `ProjectExamplesFetchError`.
 */
export async function fetchProjectExamples(options: FetchProjectExamplesOptions): Promise<LabeledExample[]> {
  const environment = options.environment ?? process.env;
  const logger = (options.logger ?? silentLogger).child({ component: 'fetch-project-examples', projectId: options.projectId });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const maxPageBytes = options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const base = labelStudioBase(
    nonEmpty(options.labelStudioUrl) ?? nonEmpty(environment.LABEL_STUDIO_URL) ?? nonEmpty(environment.LABEL_STUDIO_HOST),
  );
  const client = new LabelStudioClient({
    apiKey: nonEmpty(options.apiKey) ?? nonEmpty(environment.LABEL_STUDIO_API_KEY) ?? nonEmpty(environment.LABEL_STUDIO_ACCESS_TOKEN),
    baseUrl: base,
    timeoutMs,
    logger,
    ...(options.retry && { retry: options.retry }),
  });
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const startedAt = Date.now();

  const readPage = ({ status, body, described }: LabelStudioResponse): { items: unknown[]; total: number | undefined } => {
    if (status === 401 || status === 403) {
      throw new ProjectExamplesFetchError('authentication', `Label Studio rejected the API key: ${described} answered ${status} (check LABEL_STUDIO_API_KEY)`, status);
    }
    if (status < 200 || status > 299) throw new ProjectExamplesFetchError('http-status', `${described} answered ${status}`, status);
    const { tasks, total } = readTaskPage(body, described);
    return { items: tasks, total };
  };

  const examples: LabeledExample[] = [];
  try {
    const pages = client.pages('/api/tasks/', {
      query: (page) => ({ project: options.projectId, page: String(page), page_size: String(pageSize), fields: 'all' }),
      pageSize,
      maxPages,
      maxBytes: maxPageBytes,
      signal,
      describe: (page) => `(project ${options.projectId}, page ${page})`,
      readPage,
    });
    for await (const { page, items: tasks, total } of pages) {
      const now = Date.now();
      for (const task of tasks) {
        const annotations = isRecord(task) && Array.isArray(task.annotations) ? task.annotations : [];
        for (const annotation of annotations) {
          const reading = readLabeledExample(options.projectId, annotation, task, now);
          if (reading?.kind === 'example') examples.push(reading.example);
        }
      }
      logger.info({ page, tasks: tasks.length, total, examples: examples.length }, 'read a page of Label Studio tasks');
      const isLast = tasks.length < pageSize || (total !== undefined && page * pageSize >= total);
      if (page === maxPages && !isLast) logger.warn({ maxPages }, 'stopped reading Label Studio tasks at the page limit');
    }
  } catch (error) {
    if (error instanceof ProjectExamplesFetchError) {
      throw new ProjectExamplesFetchError(error.failure, client.redact(error.message), error.statusCode);
    }
    if (options.signal?.aborted && !deadline.aborted) {
      throw new ProjectExamplesFetchError('aborted', `reading project ${options.projectId}'s tasks from Label Studio was aborted`);
    }
    if (deadline.aborted) {
      throw new ProjectExamplesFetchError('timeout', `reading project ${options.projectId}'s tasks from Label Studio took longer than ${timeoutMs} ms`);
    }
    const failure = (error as { failure?: unknown }).failure;
    const reason = client.redact((error as NodeJS.ErrnoException).code ?? errorMessageOf(error));
    if (failure === 'authentication') throw new ProjectExamplesFetchError('authentication', reason);
    if (failure === 'too-large') throw new ProjectExamplesFetchError('too-large', reason);
    throw new ProjectExamplesFetchError('network', `reading project ${options.projectId}'s tasks from ${base} failed: ${reason}`);
  }
  logger.info({ examples: examples.length, durationMs: Date.now() - startedAt }, 'read the project\'s annotations from Label Studio');
  return examples;
}
