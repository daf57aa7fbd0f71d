import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); the browser suite never downloads one. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_INSTALL_HINT = 'Install it from Debian: apt-get update && apt-get install -y chromium';

const CHROMIUM_ARGUMENTS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Console messages the editor prints on every load, whatever it is given. */
const CONSOLE_NOISE = [/Mobx observer: You are trying to use 'observer' on a component that already has 'inject'/];

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

const EDITOR_PAGE = `<!doctype html>
<html>
  <head>
    <meta charset="utf-8">
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/lsf/css/main.css">
  </head>
  <body>
    <div id="label-studio"></div>
    <script src="/lsf/js/main.js"></script>
    <script src="/editor-page.js"></script>
  </body>
</html>
`;

/** One result as Label Studio stores it: what prelabel's `/predict` returns, and what the editor serializes back. */
export interface EditorResult {
  id?: string;
  from_name: string;
  to_name: string;
  type: string;
  value: Record<string, unknown>;
  [key: string]: unknown;
}

export interface EditorPrediction {
  result: EditorResult[];
  score?: number | null;
  model_version?: string;
}

export interface RenderRequest {
  /** The labeling config XML. */
  config: string;
  /** `task.data`: the values of the config's `$variables`. */
  data: Record<string, unknown>;
  predictions: EditorPrediction[];
  /** Which prediction (in the order sent) to read back. Default 0. */
  selectedPrediction?: number;
}

export interface RenderedRegion {
  /** The result id the region came from, without the editor's `#entity` suffix. */
  id: string;
  /** The editor's region type, e.g. `richtextregion`, `rectangleregion`. */
  type: string;
  /** Labels of the region's `*labels` results. */
  labels: string[];
  text: string | null;
  startOffset: number | null;
  endOffset: number | null;
  box: { x: number; y: number; width: number; height: number } | null;
}

/** The highlighted text of one region as drawn (`span.htx-highlight`), joined over its spans. */
export interface RenderedHighlight {
  /** Null for a highlight no region of the selected prediction owns. */
  regionId: string | null;
  text: string;
  /** The label the editor shows on the span (`data-label`, or `data-labels` in Paragraphs); null when it shows none. */
  label: string | null;
  /** True inside an iframe (HyperText). */
  inFrame: boolean;
}

export interface RenderedControl {
  name: string;
  /** The editor's tag type, lower case: `choices`, `labels`, `text`... */
  type: string;
  /** For Choices, Labels and the like: the values selected in the shown prediction. */
  selectedValues: string[] | null;
}

/** What the editor kept and drew for the selected prediction. */
export interface RenderedEditor {
  /** False when the editor never finished loading the task. */
  initialized: boolean;
  /** `prediction` or `annotation`. */
  entityType: string | null;
  /** `serializeAnnotation()` of the selected prediction: every result the editor kept, as it would save it. */
  results: EditorResult[];
  regions: RenderedRegion[];
  highlights: RenderedHighlight[];
  /** Every tag with a name (object and control tags). */
  controls: RenderedControl[];
  /** Texts of the checked checkboxes and radio buttons in the page. */
  checkedInPage: string[];
  /** The editor's error box (`annotationStore.validation`). */
  validationErrors: string[];
  /** Uncaught errors, unhandled rejections, and a failure to start. */
  pageErrors: string[];
  /** `console.error` messages, without the editor's known noise. */
  consoleErrors: string[];
}

export interface LabelStudioEditorOptions {
  /** Wait after the editor has drawn the task, before reading it back. Default 50 ms. */
  settleMs?: number;
  /** Give up on a task the editor does not load within this time. Default 15 s. */
  timeoutMs?: number;
}

function findEditorBundle(): string {
  const packageFile = require.resolve('label-studio-frontend/package.json');
  const bundle = path.join(path.dirname(packageFile), 'dist', 'lsf');
  if (!existsSync(path.join(bundle, 'js', 'main.js'))) {
    throw new Error(`The Label Studio editor bundle is missing at ${bundle}; run npm ci (devDependency label-studio-frontend@1.7.1).`);
  }
  return bundle;
}

function serveFile(response: ServerResponse, file: string, cacheable: boolean): void {
  if (!existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': cacheable ? 'max-age=3600, immutable' : 'no-store',
  });
  response.end(readFileSync(file));
}

function answer(request: IncomingMessage, response: ServerResponse, bundle: string): void {
  const route = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  if (route === '/') {
    response.writeHead(200, { 'content-type': CONTENT_TYPES['.html']! }).end(EDITOR_PAGE);
  } else if (route === '/editor-page.js') {
    serveFile(response, path.join(__dirname, 'editor-page.js'), false);
  } else if (route.startsWith('/lsf/')) {
    const file = path.resolve(bundle, `.${route.slice('/lsf'.length)}`);
    if (file.startsWith(bundle + path.sep)) serveFile(response, file, true);
    else response.writeHead(403).end();
  } else {
    response.writeHead(404).end();
  }
}

async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function isNoise(text: string): boolean {
  return CONSOLE_NOISE.some((pattern) => pattern.test(text));
}

/**
 * The real Label Studio editor (label-studio-frontend@1.7.1) in headless Debian Chromium: one browser, a fresh
 * page per task, each page served from 127.0.0.1 only. The editor runs with the annotator setting "Show labels
 * inside the regions" on, so that every kind of highlight carries its label.
 */
export class LabelStudioEditor {
  private constructor(
    private readonly server: Server,
    private readonly pageUrl: string,
    private readonly context: BrowserContext,
    private readonly profileDirectory: string,
    private readonly settleMs: number,
    private readonly timeoutMs: number,
  ) {}

  static isChromiumInstalled(): boolean {
    return existsSync(CHROMIUM_PATH);
  }

  static async launch(options: LabelStudioEditorOptions = {}): Promise<LabelStudioEditor> {
    if (!LabelStudioEditor.isChromiumInstalled()) {
      throw new Error(`Chromium is missing at ${CHROMIUM_PATH}. ${CHROMIUM_INSTALL_HINT}`);
    }
    const bundle = findEditorBundle();
    const server = createServer((request, response) => answer(request, response, bundle));
    const pageUrl = await listenOnLoopback(server);
    const profileDirectory = mkdtempSync(path.join(tmpdir(), 'prelabel-chromium-'));
    try {
      const context = await chromium.launchPersistentContext(profileDirectory, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGUMENTS,
      });
      return new LabelStudioEditor(server, pageUrl, context, profileDirectory, options.settleMs ?? 50, options.timeoutMs ?? 15_000);
    } catch (error) {
      server.close();
      rmSync(profileDirectory, { recursive: true, force: true });
      throw error;
    }
  }

  /** Loads one task with these predictions into a fresh editor page and reads back what the editor kept and drew. */
  async renderPredictions(request: RenderRequest): Promise<RenderedEditor> {
    const page = await this.context.newPage();
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`uncaught ${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !isNoise(message.text())) consoleErrors.push(message.text());
    });
    try {
      await page.goto(this.pageUrl, { waitUntil: 'load', timeout: this.timeoutMs });
      const rendered = await this.evaluate(page, request);
      return {
        ...rendered,
        pageErrors: [...new Set([...rendered.pageErrors, ...pageErrors])],
        consoleErrors,
      };
    } finally {
      await page.close();
    }
  }

  private evaluate(page: Page, request: RenderRequest): Promise<Omit<RenderedEditor, 'consoleErrors'>> {
    const input = {
      config: request.config,
      data: request.data,
      predictions: request.predictions,
      selectedPrediction: request.selectedPrediction ?? 0,
      settleMs: this.settleMs,
      timeoutMs: this.timeoutMs,
    };
    // A string, not a function: a function would be sent as its compiled (and maybe coverage-instrumented) source.
    const rendering = page.evaluate<Omit<RenderedEditor, 'consoleErrors'>>(`window.renderPredictions(${JSON.stringify(input)})`);
    let timer: NodeJS.Timeout | undefined;
    const limit = this.timeoutMs + 10_000;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the editor page did not answer within ${limit} ms`)), limit);
    });
    return Promise.race([rendering, timeout]).finally(() => clearTimeout(timer));
  }

  async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      this.server.closeAllConnections();
      await new Promise<void>((resolve) => this.server.close(() => resolve()));
      rmSync(this.profileDirectory, { recursive: true, force: true });
    }
  }
}
