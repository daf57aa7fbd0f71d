import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/create-app';
import { closeRootServices, createRootServices, type RootServices } from '../../server/container';
import { createLogger } from '../../server/create-logger';
import type { AuthenticationSettings } from '../../server/middleware/authentication';
import type { PrometheusObserver } from '../../server/metrics/prometheus-observer';

export interface TestServer {
  url: string;
  /** Every log line the server wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** The raw log text, for checks that nothing secret was written. */
  logText(): string;
  projectsDirectory: string;
  services: RootServices;
  post(route: string, body: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  get(route: string, headers?: Record<string, string>): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  /** The HTTP reason phrase: what Label Studio shows of an error. */
  statusText: string;
  body: any;
  headers: Headers;
}

/** The real app on 127.0.0.1 (a free port), with a capturing logger and its own projects folder. */
export async function startTestServer(options: {
  environment?: NodeJS.ProcessEnv;
  projectsDirectory?: string;
  authentication?: AuthenticationSettings;
  bodyLimit?: string;
  predictDeadlineMs?: number;
  /** Receives the pipeline's reports; its registry is served at `GET /metrics`. */
  observer?: PrometheusObserver;
} = {}): Promise<TestServer> {
  const lines: string[] = [];
  const environment = { LOG_LEVEL: 'debug', PRELABEL_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'prelabel-data-')), ...options.environment };
  const logger = createLogger(environment, { write: (line: string) => void lines.push(line) });
  const projectsDirectory = options.projectsDirectory ?? mkdtempSync(path.join(tmpdir(), 'prelabel-projects-'));
  const services = createRootServices({ environment, logger, projectsDirectory, observer: options.observer });
  services.store.loadAll();
  const app = createApp({ pipelines: services.pipelines, logger, authentication: options.authentication, bodyLimit: options.bodyLimit, predictDeadlineMs: options.predictDeadlineMs, metricsRegistry: options.observer?.registry, exampleStore: services.exampleStore, environment });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function send(method: string, route: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, statusText: response.statusText, body: parsed as any, headers: response.headers };
  }

  return {
    url,
    get logs() {
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    logText: () => lines.join(''),
    projectsDirectory,
    services,
    post: (route, body, headers) => send('POST', route, body, headers),
    get: (route, headers) => send('GET', route, undefined, headers),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeRootServices(services);
    },
  };
}
