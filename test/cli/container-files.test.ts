import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { checkHealth } from '../../server/check-health';
import { parseLogLevel } from '../../server/create-logger';
import { startTestServer } from '../helpers/start-test-server';

const root = path.join(__dirname, '..', '..');

// `docker-compose config` (Debian's docker-compose package) validates the file and prints it resolved. There is no
// Docker engine here; `config` needs none. In CI (CI=true) a missing docker-compose fails the test, never skips it.
const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
const describeWithDockerCompose = hasDockerCompose || process.env.CI ? describe : describe.skip;

interface ComposeService {
  image?: string;
  build?: { context: string };
  ports?: Array<{ published: number | string; target: number | string }>;
  environment?: Record<string, string>;
  /** docker-compose 1 prints `source:target:mode`; Compose 2 prints objects. */
  volumes?: Array<string | { source: string; target: string; read_only?: boolean }>;
  extra_hosts?: string[] | Record<string, string>;
  healthcheck?: { test: string[] };
  profiles?: string[];
}

/** `published:target` for each port, whichever Compose version printed the file. */
function portsOf(service: ComposeService): string[] {
  return (service.ports ?? []).map((port) => `${port.published}:${port.target}`);
}

/** `source:target[:ro]` for each volume. */
function volumesOf(service: ComposeService): string[] {
  return (service.volumes ?? []).map((volume) =>
    typeof volume === 'string' ? volume.replace(/:rw$/, '') : `${volume.source}:${volume.target}${volume.read_only ? ':ro' : ''}`,
  );
}

/** `host:address` for each extra host (Compose 2 may print `host=address` or a map). */
function extraHostsOf(service: ComposeService): string[] {
  const hosts = service.extra_hosts ?? [];
  return Array.isArray(hosts) ? hosts.map((entry) => entry.replace('=', ':')) : Object.entries(hosts).map(([host, address]) => `${host}:${address}`);
}

describeWithDockerCompose('docker-compose.yml', () => {
  function config(environment: NodeJS.ProcessEnv, ...extra: string[]): { services: Record<string, ComposeService>; volumes: Record<string, unknown> } {
    // An empty --env-file: a developer's own .env must not decide the outcome.
    const envFile = path.join(mkdtempSync(path.join(tmpdir(), 'prelabel-compose-')), 'empty.env');
    writeFileSync(envFile, '');
    const result = spawnSync('docker-compose', ['--env-file', envFile, '-f', path.join(root, 'docker-compose.yml'), ...extra, 'config'], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...environment },
    });
    if (result.error) throw result.error;
    expect(result.stderr).not.toMatch(/ERROR/);
    expect(result.status).toBe(0);
    return parse(result.stdout);
  }

  it('runs Label Studio and prelabel wired to each other, keys from the environment (.env)', () => {
    const { services, volumes } = config({ OPENAI_API_KEY: 'sk-from-dotenv', LABEL_STUDIO_API_KEY: 'ls-token', LOG_LEVEL: 'WARNING' });
    expect(Object.keys(services).sort()).toEqual(['label-studio', 'prelabel', 'redis']);

    const labelStudio = services['label-studio']!;
    expect(labelStudio.image).toMatch(/^heartexlabs\/label-studio(:|$)/);
    expect(portsOf(labelStudio)).toEqual(['8080:8080']);
    expect(volumesOf(labelStudio)).toEqual(['label-studio-data:/label-studio/data']);

    const prelabel = services.prelabel!;
    expect(prelabel.build?.context).toBe(root);
    expect(portsOf(prelabel)).toEqual(['9090:9090']);
    expect(prelabel.environment).toMatchObject({
      OPENAI_API_KEY: 'sk-from-dotenv',
      LABEL_STUDIO_API_KEY: 'ls-token',
      LABEL_STUDIO_URL: 'http://label-studio:8080',
      PORT: '9090',
      LOG_LEVEL: 'WARNING',
      PRELABEL_PROJECTS_DIR: '/app/projects',
      PRELABEL_DATA_DIR: '/data',
    });
    expect(extraHostsOf(prelabel)).toEqual(['host.docker.internal:host-gateway']);
    expect(prelabel.healthcheck?.test).toEqual(['CMD', 'node', 'dist/server/check-health.js']);
    expect(volumesOf(prelabel).sort()).toEqual([`${path.join(root, 'projects')}:/app/projects:ro`, 'prelabel-data:/data'].sort());
    expect(Object.keys(volumes).sort()).toEqual(['label-studio-data', 'prelabel-data', 'redis-data']);

    expect(services.redis?.profiles).toEqual(['scale']);
    expect(services.redis?.image).toMatch(/^redis:/);
  });

  it('needs no .env: every key defaults to empty, which prelabel treats as unset', () => {
    const { services } = config({});
    expect(services.prelabel!.environment).toMatchObject({ OPENAI_API_KEY: '', LABEL_STUDIO_API_KEY: '', REDIS_URL: '', LOG_LEVEL: 'info' });
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+\s/.test(line));

  it('builds with dev dependencies, runs with npm ci --omit=dev and dist/, as a non-root user on 9090', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(instructions.filter((line) => line.startsWith('FROM ')).length).toBe(3);
    expect(dockerfile).toMatch(/RUN npm ci --ignore-scripts/);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/RUN npm ci --omit=dev --ignore-scripts [\s\S]*npm rebuild better-sqlite3/);
    expect(dockerfile).toMatch(/apt-get install -y --no-install-recommends python3 make g\+\+/);
    expect(instructions).toContain('COPY --from=build /app/dist dist');
    expect(instructions).toContain('USER node');
    expect(instructions).toContain('EXPOSE 9090');
    expect(instructions).toContain('VOLUME ["/app/projects", "/data"]');
    expect(dockerfile).toMatch(/^HEALTHCHECK .* CMD \["node", "dist\/server\/check-health\.js"\]$/m);
    expect(instructions.at(-1)).toBe('CMD ["node", "dist/server/main.js"]');
  });

  it('keeps secrets, dependencies and local builds out of the build context', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'node_modules', 'dist', '.prelabel-data', '.git']));
    const gitignored = readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n');
    expect(gitignored).toEqual(expect.arrayContaining(['.env', '!.env.example']));
    expect(readFileSync(path.join(root, '.env.example'), 'utf8')).toMatch(/^OPENAI_API_KEY=$/m);
  });
});

describe('the health check the image runs', () => {
  it('is healthy when /health answers 200, with basic auth when it is on, and says why otherwise', async () => {
    const server = await startTestServer({ authentication: { basicAuthUser: 'ls', basicAuthPassword: 'secret' } });
    const port = new URL(server.url).port;
    try {
      await expect(checkHealth({ PORT: port, BASIC_AUTH_USER: 'ls', BASIC_AUTH_PASS: 'secret' })).resolves.toMatchObject({ healthy: true });
      await expect(checkHealth({ PORT: port })).resolves.toEqual({ healthy: false, detail: expect.stringMatching(/^GET \/health: 401 /) });
    } finally {
      await server.close();
    }
    // Nobody listens there any more.
    await expect(checkHealth({ PORT: port })).resolves.toEqual({ healthy: false, detail: expect.stringMatching(new RegExp(`^GET /health on port ${port}: `)) });
  });
});

describe('LOG_LEVEL', () => {
  it("accepts Label Studio's Python names and pino's, any case", () => {
    const levels = ['DEBUG', 'info', 'Warning', 'WARN', 'ERROR', 'CRITICAL', 'fatal', 'trace', 'silent'].map((name) => parseLogLevel(name));
    expect(levels).toEqual(['debug', 'info', 'warn', 'warn', 'error', 'fatal', 'fatal', 'trace', 'silent']);
    expect(parseLogLevel(undefined)).toBe('info');
    expect(parseLogLevel('', 'warn')).toBe('warn');
    expect(() => parseLogLevel('verbose')).toThrow(/^LOG_LEVEL=verbose is not a log level; use DEBUG, INFO, WARNING, ERROR or CRITICAL/);
  });
});
