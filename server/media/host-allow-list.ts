import { isIP } from 'node:net';
import { ProjectConfigError } from '../../core/errors';
import { stripBrackets } from './classify-address';

interface AllowedHost {
  /** Lower case, no trailing dot; IPv6 in brackets, as `URL.hostname` spells it. */
  hostname: string;
  /** `*.example.com`: any subdomain of `example.com`, not `example.com` itself. */
  matchesSubdomains: boolean;
  /** Undefined: any port. */
  port?: string;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

export function normalizeHostName(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** The port a URL connects to, its scheme's default when it names none. */
export function effectivePort(url: URL): string {
  return url.port || DEFAULT_PORTS[url.protocol] || '';
}

function splitPort(entry: string): { host: string; port?: string } {
  const bracketed = /^(\[[^\]]+\])(?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1] as string, port: bracketed[2] };
  if (isIP(entry) === 6) return { host: `[${entry}]` };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort) return { host: withPort[1] as string, port: withPort[2] };
  return { host: entry };
}

function parseEntry(rawEntry: string): AllowedHost | string {
  let entry = rawEntry.trim().toLowerCase();
  if (entry.includes('://')) {
    if (!URL.canParse(entry)) return 'is not a host name';
    const url = new URL(entry);
    if (url.pathname !== '/' || url.search || url.username || url.password) return 'must be a host name, without a path or credentials';
    entry = url.host;
  }
  const matchesSubdomains = entry.startsWith('*.');
  if (matchesSubdomains) entry = entry.slice(2);
  const { host, port } = splitPort(entry);
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return 'has a port outside 1-65535';
  if (!host || /[\s/?#@*]/.test(host) || !URL.canParse(`http://${host}`)) return 'is not a host name';
  const hostname = normalizeHostName(new URL(`http://${host}`).hostname);
  if (!hostname) return 'is not a host name';
  if (matchesSubdomains && isIP(stripBrackets(hostname)) !== 0) return 'puts a wildcard on an IP address';
  if (matchesSubdomains && !hostname.includes('.')) return 'puts a wildcard on a top-level domain';
  return { hostname, matchesSubdomains, port };
}

/**
 * The hosts, besides Label Studio, that images may be downloaded from: `images.example.com`, `*.example.com`,
 * `127.0.0.1:9000`, `[::1]:8080`. An entry without a port allows every port of that host.
 */
export class HostAllowList {
  private readonly hosts: AllowedHost[];

  /** Throws a `ProjectConfigError` listing every entry that is not a host name. */
  constructor(entries: readonly string[]) {
    const problems: string[] = [];
    this.hosts = [];
    entries.forEach((entry, index) => {
      const parsed = typeof entry === 'string' ? parseEntry(entry) : 'is not a string';
      if (typeof parsed === 'string') problems.push(`allowedHosts[${index}] "${String(entry)}" ${parsed}`);
      else this.hosts.push(parsed);
    });
    if (problems.length > 0) throw new ProjectConfigError(problems);
  }

  allows(url: URL): boolean {
    const hostname = normalizeHostName(url.hostname);
    const port = effectivePort(url);
    const isAddress = isIP(stripBrackets(hostname)) !== 0;
    return this.hosts.some(
      (allowed) =>
        (allowed.port === undefined || allowed.port === port) &&
        (allowed.matchesSubdomains ? !isAddress && hostname.endsWith(`.${allowed.hostname}`) : hostname === allowed.hostname),
    );
  }
}
