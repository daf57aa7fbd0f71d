import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Registry } from '../core/registry';
import { registerBuiltinComponents } from '../server/register-builtin-components';
import { loadProjectFile } from './load-project-file';
import { formatConfigProblem } from './config-problem';

const registry = new Registry();
registerBuiltinComponents(registry);
const folder = mkdtempSync(path.join(tmpdir(), 'prelabel-check-provider-settings-'));

function load(name: string, lines: string[], environment: NodeJS.ProcessEnv = {}) {
  const file = path.join(folder, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return loadProjectFile({ file, environment, registry });
}

describe('provider settings checked when a project file loads', () => {
  it('reports a missing OpenAI key at the provider section, with the fix', () => {
    const loaded = load('no-key.yaml', ['projects: [1]', 'provider:', '  model: gpt-4o']);
    expect(loaded.providerProblems.map(formatConfigProblem)).toEqual([
      `${loaded.file}:2:1: provider.api_key: OPENAI_API_KEY is not set: set it in the environment of prelabel, or provider.api_key: \${VAR} in ${loaded.file}`,
    ]);
    expect(loaded.providerProblems[0]?.code).toBe('PROVIDER_KEY_MISSING');
  });

  it('reports nothing when the key is set, or when the server is not api.openai.com', () => {
    expect(load('key.yaml', ['projects: [1]'], { OPENAI_API_KEY: 'sk-test' }).providerProblems).toEqual([]);
    expect(load('local.yaml', ['projects: [1]'], { OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).providerProblems).toEqual([]);
  });

  it('reports an OPENAI_BASE_URL that is not a URL, at the provider section', () => {
    const loaded = load('bad-url.yaml', ['projects: [1]', 'provider:', '  model: gpt-4o'], { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'not a url' });
    expect(loaded.providerProblems).toMatchObject([
      { line: 2, field: 'provider.base_url', code: 'PROJECT_CONFIG_INVALID', message: 'provider.base_url (or OPENAI_BASE_URL) is not a valid URL' },
    ]);
  });

  it('checks each fallback with its own provider, and names it by index', () => {
    const loaded = load(
      'fallbacks.yaml',
      ['projects: [1]', 'fallbacks:', '  - name: anthropic', '    model: claude-sonnet-4-5', '  - name: openai-compatible', '    model: llama3'],
      { OPENAI_API_KEY: 'sk-test' },
    );
    expect(loaded.providerProblems.map((problem) => [problem.field, problem.code])).toEqual([
      ['fallbacks[0].api_key', 'PROVIDER_KEY_MISSING'],
      ['fallbacks[1].base_url', 'PROJECT_CONFIG_INVALID'],
    ]);
    expect(loaded.providerProblems[0]?.message).toMatch(/^ANTHROPIC_API_KEY is not set/);
    expect(loaded.providerProblems[1]?.message).toMatch(/^provider\.base_url is required for the openai-compatible provider/);
  });

  it('checks Azure OpenAI credentials and endpoint', () => {
    const loaded = load('azure.yaml', ['projects: [1]', 'provider:', '  name: azure-openai', '  model: gpt-4o']);
    expect(loaded.providerProblems.map((problem) => [problem.field, problem.code])).toEqual([
      ['provider.base_url', 'PROJECT_CONFIG_INVALID'],
      ['provider.api_key', 'PROVIDER_KEY_MISSING'],
    ]);
  });

  it('skips a provider registered without a check', () => {
    const plugins = new Registry();
    registerBuiltinComponents(plugins);
    plugins.register('provider', 'plugin-model', { create: () => ({}) as never });
    const file = path.join(folder, 'plugin.yaml');
    writeFileSync(file, 'projects: [1]\nprovider:\n  name: plugin-model\n  model: x\n');
    expect(loadProjectFile({ file, environment: {}, registry: plugins }).providerProblems).toEqual([]);
  });
});
