'use strict';
/**
 * An example prelabel plugin: a provider for a company-internal HTTP model gateway.
 *
 * The gateway's API (made up for this example, but typical):
 *   POST {base_url}/v1/generate
 *   Authorization: Bearer <key>
 *   {"model", "system", "prompt", "json_schema" | null, "max_tokens", "temperature"}
 *   → 200 {"output": "<text>", "stop": "complete" | "length", "usage": {"input": n, "output": n}}
 *   → 429/5xx with an optional retry-after header when busy or down.
 *
 * Use it from a project YAML file:
 *   plugins: [../examples/plugins/company-gateway]
 *   provider:
 *     name: company-gateway
 *     model: internal-llm-70b
 *     base_url: ${GATEWAY_URL}
 *     api_key: ${GATEWAY_KEY}
 *
 * A plugin is one exported function. It receives the registry and prelabel's core module (errors, types), and
 * registers what it brings. prelabel owns retries, rate limits, caching and fallbacks: a provider only makes one call
 * and says whether a failure is worth retrying.
 */

const RETRYABLE_STATUSES = new Set([408, 409, 429]);

/** `retry-after` in seconds or as an HTTP date → milliseconds. */
function readRetryAfterMs(headers) {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The messages of a call as the gateway wants them: one system text, one prompt text (no images). */
function toGatewayPrompt(messages) {
  const textOf = (message) =>
    typeof message.content === 'string' ? message.content : message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
  return {
    system: messages.filter((message) => message.role === 'system').map(textOf).join('\n\n'),
    prompt: messages.filter((message) => message.role !== 'system').map(textOf).join('\n\n'),
  };
}

class CompanyGatewayModel {
  constructor(context, prelabel) {
    const { provider } = context.settings;
    this.specificationVersion = 'v1';
    this.provider = 'company-gateway';
    this.modelId = provider.model;
    this.structuredOutput = provider.structuredOutput === 'auto' ? 'json_schema' : provider.structuredOutput;
    this.acceptsImages = false;
    this.baseUrl = provider.baseUrl || context.environment.COMPANY_GATEWAY_URL;
    this.apiKey = provider.apiKey || context.environment.COMPANY_GATEWAY_KEY;
    this.timeoutMs = provider.timeoutMs;
    this.prelabel = prelabel;
    this.warnings = Object.keys(provider.options).map((setting) => ({
      type: 'unsupported-setting',
      setting: `provider.options.${setting}`,
      message: `the company-gateway provider ignores provider.options.${setting}`,
    }));
  }

  async generate(options) {
    const { ProviderCallError, AbortedError } = this.prelabel;
    if (!this.baseUrl) throw new ProviderCallError('company-gateway needs provider.base_url (or COMPANY_GATEWAY_URL)', { provider: this.provider });
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const signal = options.abortSignal ? AbortSignal.any([options.abortSignal, deadline]) : deadline;
    const body = {
      model: this.modelId,
      ...toGatewayPrompt(options.messages),
      json_schema: options.responseFormat.type === 'json' ? options.responseFormat.schema : null,
      max_tokens: options.maxOutputTokens ?? 1024,
      temperature: options.temperature ?? null,
    };
    let response;
    try {
      response = await fetch(new URL('v1/generate', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.apiKey && { authorization: `Bearer ${this.apiKey}` }) },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (options.abortSignal && options.abortSignal.aborted) throw new AbortedError();
      const timedOut = deadline.aborted;
      throw new ProviderCallError(timedOut ? `company-gateway did not answer within ${this.timeoutMs} ms` : 'company-gateway cannot be reached', {
        provider: this.provider,
        isRetryable: true,
      });
    }
    if (!response.ok) {
      throw new ProviderCallError(`company-gateway answered ${response.status}`, {
        provider: this.provider,
        statusCode: response.status,
        isRetryable: RETRYABLE_STATUSES.has(response.status) || response.status >= 500,
        retryAfterMs: readRetryAfterMs(response.headers),
      });
    }
    let answer;
    try {
      answer = await response.json();
    } catch {
      throw new ProviderCallError('company-gateway answered with a body that is not JSON', { provider: this.provider, isRetryable: true });
    }
    if (typeof answer !== 'object' || answer === null || typeof answer.output !== 'string') {
      throw new ProviderCallError('company-gateway answered without an output', { provider: this.provider, isRetryable: true });
    }
    const usage = answer.usage || {};
    return {
      text: answer.output,
      finishReason: { unified: answer.stop === 'length' ? 'length' : 'stop', raw: answer.stop },
      usage: {
        inputTokens: typeof usage.input === 'number' ? usage.input : null,
        outputTokens: typeof usage.output === 'number' ? usage.output : null,
      },
      warnings: this.warnings,
      responseModelId: this.modelId,
    };
  }
}

module.exports = function registerCompanyGateway(registry, prelabel) {
  registry.register('provider', 'company-gateway', { create: (context) => new CompanyGatewayModel(context, prelabel) });
};
