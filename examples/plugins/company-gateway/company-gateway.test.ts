import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Registry } from '../../../core/registry';
import { loadProjectFile } from '../../../config/load-project-file';
import { registerBuiltinComponents } from '../../../server/register-builtin-components';
import { startTestServer, type TestServer } from '../../../test/helpers/start-test-server';
import { startFakeCompanyGateway } from './fake-company-gateway';

const PLUGIN = __dirname;
const predictRequest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'label-studio', 'predict-request.json'), 'utf8'));

function projectFolder(yaml: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'prelabel-plugin-'));
  writeFileSync(path.join(folder, 'project.yaml'), yaml);
  return folder;
}

describe('the company-gateway example plugin', () => {
  it('answers Label Studio through the gateway, named in one YAML line', async () => {
    const gateway = await startFakeCompanyGateway(({ body }) => ({
      type: 'answer',
      output: JSON.stringify({ sentiment: body.prompt.includes('love') ? 'Positive' : 'Negative' }),
    }));
    const folder = projectFolder(
      [`plugins: [${JSON.stringify(PLUGIN)}]`, 'default: true', 'provider:', '  name: company-gateway', '  model: internal-llm-70b', '  base_url: ${GATEWAY_URL}', '  api_key: ${GATEWAY_KEY}', ''].join('\n'),
    );
    let server: TestServer | undefined;
    try {
      server = await startTestServer({ projectsDirectory: folder, environment: { GATEWAY_URL: gateway.url, GATEWAY_KEY: 'gw-secret-key' } });
      const setup = await server.post('/setup', { project: '3.1', schema: predictRequest.label_config });
      expect(setup.body.model_version).toMatch(/^prelabel-internal-llm-70b-/);
      const response = await server.post('/predict', predictRequest);
      expect(response.body.results.map((prediction: any) => prediction.result[0].value.choices)).toEqual([['Positive'], ['Negative']]);
      expect(gateway.requests[0]?.headers.authorization).toBe('Bearer gw-secret-key');
      expect(gateway.requests[0]?.body).toMatchObject({ model: 'internal-llm-70b', json_schema: { required: ['sentiment'] } });
      expect(gateway.requests[0]?.body.system).toContain('What to label');
      expect(server.logText()).not.toContain('gw-secret-key');
    } finally {
      await server?.close();
      await gateway.close();
    }
  });
});

describe('plugin errors are reported when the YAML loads, naming the plugin', () => {
  const registry = registerBuiltinComponents(new Registry());
  const load = (yaml: string) => () => loadProjectFile({ file: path.join(projectFolder(yaml), 'project.yaml'), environment: {}, registry });

  it.each([
    ['a missing module', 'plugins: [./no-such-plugin.js]\ndefault: true\n', /project\.yaml:1:\d+: plugins\[0\]: plugin "\.\/no-such-plugin\.js": cannot find the module/],
    ['a module that exports no function', `plugins: [${JSON.stringify(path.join(PLUGIN, 'fake-company-gateway.ts'))}]\ndefault: true\n`, /plugin ".*fake-company-gateway\.ts": it exports no function/],
  ])('%s', (_name, yaml, message) => {
    expect(load(yaml)).toThrow(expect.objectContaining({ code: 'PROJECT_CONFIG_INVALID', message: expect.stringMatching(message) }));
  });

  it('a provider name registered twice', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'prelabel-plugin-'));
    writeFileSync(path.join(folder, 'twice.js'), "module.exports = (registry) => registry.register('provider', 'openai', { create: () => ({}) });\n");
    writeFileSync(path.join(folder, 'project.yaml'), 'default: true\nplugins:\n  - ./twice.js\n');
    expect(() => loadProjectFile({ file: path.join(folder, 'project.yaml'), environment: {}, registry })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/project\.yaml:3:\d+: plugins\[0\]: plugin "\.\/twice\.js": a provider named "openai" is already registered/) }),
    );
  });

  it('a provider only a plugin registers is unknown without it', () => {
    expect(load('default: true\nprovider: { name: company-gateway }\n')).toThrow(/no provider named "company-gateway" is registered/);
  });
});
