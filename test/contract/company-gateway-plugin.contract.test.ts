import path from 'node:path';
import type { LanguageModel } from '../../core/spec/language-model';
import { silentLogger } from '../../core/spec/logger';
import { isComponentFactory, Registry } from '../../core/registry';
import { loadPlugin } from '../../config/load-plugin';
import { startFakeCompanyGateway, type GatewayReply } from '../../examples/plugins/company-gateway/fake-company-gateway';
import { createTestProjectSettings } from '../helpers/create-test-project-settings';
import { describeProviderContract, type ContractRequest } from './describe-provider-contract';

const API_KEY = 'gw-contract-secret-key';
const registry = new Registry();
loadPlugin(path.join(__dirname, '..', '..', 'examples', 'plugins', 'company-gateway'), __dirname, registry);
const factory = registry.get('provider', 'company-gateway');

let gateway: Awaited<ReturnType<typeof startFakeCompanyGateway>>;
const defaultReply = (): GatewayReply => ({ type: 'answer', output: 'OK' });

describeProviderContract('company-gateway (example plugin)', {
  apiKey: API_KEY,
  async setup() {
    gateway = await startFakeCompanyGateway(defaultReply);
  },
  async teardown() {
    await gateway.close();
  },
  reset() {
    gateway.reset();
  },
  createModel(overrides = {}): LanguageModel {
    if (!isComponentFactory(factory)) throw new Error('the plugin registers a factory');
    const settings = createTestProjectSettings({ name: 'company-gateway', model: 'internal-llm-70b', baseUrl: gateway.url, apiKey: API_KEY, ...overrides });
    return factory.create({ settings, environment: {}, logger: silentLogger });
  },
  answerText: (text) => gateway.script({ type: 'answer', output: text }),
  answerSchema: (value) => gateway.script({ type: 'answer', output: JSON.stringify(value) }),
  failWith: (status, headers) => gateway.script({ type: 'error', status, headers }),
  answerMalformed: () => gateway.script({ type: 'malformed' }),
  hang: () => gateway.script({ type: 'hang' }),
  truncate: () => gateway.script({ type: 'answer', output: '{"sentiment": "Pos', stop: 'length' }),
  requests: (): ContractRequest[] =>
    gateway.requests.map((request) => ({ method: 'POST', path: '/v1/generate', headers: request.headers, body: request.body })),
  schemaSentIn: (request) => ((request.body as { json_schema?: Record<string, unknown> | null }).json_schema ?? undefined),
});
