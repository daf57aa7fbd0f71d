import { BlockList, isIP } from 'node:net';

export type AddressClass =
  /** Link-local, cloud metadata, unspecified, multicast, broadcast: never downloaded from. */
  | 'forbidden'
  /** Loopback and private ranges: downloaded from only when allow-listed, never passed to a provider. */
  | 'private'
  | 'public';

function blockList(ranges: ReadonlyArray<readonly [string, number]>): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of ranges) list.addSubnet(network, prefix, isIP(network) === 6 ? 'ipv6' : 'ipv4');
  return list;
}

const FORBIDDEN = blockList([
  ['0.0.0.0', 8],
  ['169.254.0.0', 16],
  ['100.100.100.200', 32],
  ['168.63.129.16', 32],
  ['224.0.0.0', 4],
  ['255.255.255.255', 32],
  ['::', 128],
  ['fe80::', 10],
  ['fd00:ec2::254', 128],
  ['ff00::', 8],
]);

const PRIVATE = blockList([
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['::1', 128],
  ['fc00::', 7],
]);

/** Host names of cloud metadata services. */
const METADATA_HOST_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

/** `[::1]` → `::1`; other host names unchanged. */
export function stripBrackets(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** The class of an IP address (IPv4-mapped IPv6 addresses count as their IPv4 address); undefined for a host name. */
export function classifyAddress(address: string): AddressClass | undefined {
  const bare = stripBrackets(address);
  const family = isIP(bare);
  if (family === 0) return undefined;
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (FORBIDDEN.check(bare, type)) return 'forbidden';
  if (PRIVATE.check(bare, type)) return 'private';
  return 'public';
}

export function isMetadataHostName(hostname: string): boolean {
  return METADATA_HOST_NAMES.has(hostname.toLowerCase().replace(/\.$/, ''));
}
