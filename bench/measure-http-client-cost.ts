import { fork } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { formatTable } from './format-table';
import { startFakeLanguageModel } from './start-fake-language-model';

/**
 * What one chat completion call costs the calling process in CPU, by HTTP client: node:http with a keep-alive agent,
 * Node's fetch (undici), fetch with an AbortSignal.timeout, and the openai SDK (fetch inside). The fake model runs in
 * a child process so that only the client is measured. Run after `npm run bench` has compiled it:
 * `node bench/.build/bench/measure-http-client-cost.js`.
 */

const CONCURRENCY = 32;
const WARM_UP_CALLS = 2_000;
const MEASURED_CALLS = 5_000;
const CHILD_FLAG = '--fake-model-child';
const CHILD_START_TIMEOUT_MS = 10_000;

const BODY: ChatCompletionCreateParamsNonStreaming = {
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You label data. '.repeat(90) },
    { role: 'user', content: '<text>Review 17: I bought this espresso machine and it works exactly as described.</text>' },
  ],
  response_format: {
    type: 'json_schema',
    json_schema: {
      name: 'label_studio_prediction',
      strict: true,
      schema: {
        type: 'object',
        properties: { sentiment: { anyOf: [{ type: 'string', enum: ['Positive', 'Negative', 'Neutral'] }, { type: 'null' }] } },
        required: ['sentiment'],
        additionalProperties: false,
      },
    },
  },
};

async function runFakeModelChild(): Promise<void> {
  const fake = await startFakeLanguageModel();
  fake.configure({ latencyMs: 0 });
  process.send?.(fake.baseURL);
  process.once('disconnect', () => void fake.close());
}

async function startFakeModelProcess(): Promise<{ baseURL: string; stop: () => void }> {
  const child = fork(__filename, [CHILD_FLAG], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const baseURL = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the fake model process did not start')), CHILD_START_TIMEOUT_MS);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(String(message));
    });
    child.once('exit', (code) => reject(new Error(`the fake model process exited (${code})`)));
  });
  return { baseURL, stop: () => child.kill('SIGKILL') };
}

async function runCalls(call: () => Promise<unknown>, count: number): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started += 1;
      await call();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function measureHttpClientCost(): Promise<void> {
  const fakeModel = await startFakeModelProcess();
  try {
    const bodyText = JSON.stringify(BODY);
    const url = new URL(`${fakeModel.baseURL}/chat/completions`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const client = new OpenAI({ apiKey: 'sk-bench-fake', baseURL: fakeModel.baseURL, maxRetries: 0, timeout: 60_000 });
    const headers = { 'content-type': 'application/json', authorization: 'Bearer sk-bench-fake' };
    const clients: Array<[string, () => Promise<unknown>]> = [
      [
        'node:http, keep-alive agent',
        () =>
          new Promise((resolve, reject) => {
            const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(bodyText) } }, (response) => {
              const chunks: Buffer[] = [];
              response.on('data', (chunk: Buffer) => chunks.push(chunk));
              response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
              response.on('error', reject);
            });
            request.on('error', reject);
            request.end(bodyText);
          }),
      ],
      ['fetch (Node undici)', async () => (await fetch(url, { method: 'POST', headers, body: bodyText })).json()],
      [
        'fetch + AbortSignal.timeout(60 s)',
        async () => (await fetch(url, { method: 'POST', headers, body: bodyText, signal: AbortSignal.timeout(60_000) })).json(),
      ],
      ['openai SDK chat.completions.create', () => client.chat.completions.create(BODY)],
    ];
    const rows: string[][] = [];
    for (const [name, call] of clients) {
      await runCalls(call, WARM_UP_CALLS);
      const cpuBefore = process.cpuUsage();
      const startedAt = performance.now();
      await runCalls(call, MEASURED_CALLS);
      const cpu = process.cpuUsage(cpuBefore);
      const wallMs = performance.now() - startedAt;
      rows.push([name, ((cpu.user + cpu.system) / 1000 / MEASURED_CALLS).toFixed(3), ((MEASURED_CALLS / wallMs) * 1000).toFixed(0)]);
    }
    agent.destroy();
    process.stdout.write(
      `${MEASURED_CALLS} calls after ${WARM_UP_CALLS} warm-up calls, ${CONCURRENCY} at a time, fake model (0 ms) in another process; Node ${process.version}\n\n` +
        `${formatTable(['client', 'client CPU ms per call', 'calls/s'], rows)}\n`,
    );
  } finally {
    fakeModel.stop();
  }
}

if (process.argv.includes(CHILD_FLAG)) {
  void runFakeModelChild();
} else {
  measureHttpClientCost().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
