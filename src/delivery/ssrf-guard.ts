import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

// Refuses targets on loopback, private, link-local (cloud metadata lives there), multicast and
// other non-public ranges. Checked on the address actually connected to, so a DNS name that
// resolves to 127.0.0.1 is refused as well as the literal.

export class BlockedTargetError extends Error {
  readonly code = 'TIDINGS_BLOCKED_TARGET';
}

/** The ipaddr.js range name when the address is not public unicast, else undefined. */
export function blockedRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'invalid';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  return range === 'unicast' ? undefined : range;
}

export function assertPublicAddress(host: string, address: string): void {
  const range = blockedRange(address);
  if (range !== undefined) {
    throw new BlockedTargetError(
      `refused to connect to ${host} (${address}): ${range} addresses are not allowed as webhook targets ` +
        '(set TIDINGS_ALLOW_PRIVATE_TARGETS=true to allow them, e.g. for local development)',
    );
  }
}

/** Hostname of a URL without IPv6 brackets. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Checks an IP-literal URL before any connection (sockets skip DNS lookup for literals). */
export function assertLiteralTargetAllowed(url: URL): void {
  const host = bareHostname(url);
  if (net.isIP(host)) assertPublicAddress(host, host);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for net/tls.connect that refuses any resolved address outside public unicast. */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, options.all ? [] : '');
    try {
      for (const { address } of addresses) assertPublicAddress(hostname, address);
    } catch (blocked) {
      return callback(blocked as NodeJS.ErrnoException, options.all ? [] : '');
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}
