import type { ProjectSettings } from '../spec/project-settings';
import { DEFAULT_CIRCUIT, ProviderGate, type CircuitSettings } from './provider-gate';

/**
 * One gate per provider endpoint and model, shared by every request and project of the process, so the
 * concurrency bound and rate limits hold across simultaneous `/predict` requests. Projects sharing a gate get the
 * lowest `concurrency` any of them declares.
 */
export class ProviderGates {
  private readonly gates = new Map<string, { gate: ProviderGate; claims: Map<string, number> }>();

  constructor(private readonly circuit: CircuitSettings = DEFAULT_CIRCUIT) {}

  gateFor(projectKey: string, settings: Pick<ProjectSettings, 'provider' | 'concurrency'>): ProviderGate {
    const { provider } = settings;
    const key = JSON.stringify([provider.name, provider.baseUrl ?? '', provider.model]);
    let entry = this.gates.get(key);
    if (!entry) {
      const gate = new ProviderGate(
        { concurrency: settings.concurrency, requestsPerMinute: provider.requestsPerMinute, tokensPerMinute: provider.tokensPerMinute },
        `${provider.name} (${provider.model})`,
        this.circuit,
      );
      entry = { gate, claims: new Map() };
      this.gates.set(key, entry);
    }
    for (const [otherKey, other] of this.gates) if (otherKey !== key) other.claims.delete(projectKey);
    entry.claims.set(projectKey, settings.concurrency);
    entry.gate.setConcurrency(Math.min(...entry.claims.values()));
    return entry.gate;
  }

  shutdown(): void {
    for (const { gate } of this.gates.values()) gate.shutdown();
  }
}
