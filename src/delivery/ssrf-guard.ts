import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

// Refuses targets on loopback, private, link-local (cloud metadata lives there), multicast and
// other non-public ranges. Checked on the address actually connected to, so a DNS name that
// resolves to 127.0.0.1 is refused as well as the literal.

export class BlockedTargetError extends Error {
  readonly code = 'TIDINGS_BLOCKED_TARGET';
}

/** The host name of a target has no address (checked when an endpoint's URL is set). */
export class UnresolvableTargetError extends Error {
  readonly code = 'TIDINGS_UNRESOLVABLE_TARGET';
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
    // Worded for both uses: an endpoint URL being set, and a connection about to be made.
    const target = host === address ? address : `${host} (${address})`;
    throw new BlockedTargetError(
      `${target} is refused as a webhook target: ${range} addresses are not allowed ` +
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

/** Longest wait for DNS when an endpoint URL is checked, so a stuck resolver cannot hang the call. */
export const TARGET_LOOKUP_TIMEOUT_MS = 5_000;

/**
 * The same rule as at send time, applied when an endpoint's URL is set: an IP literal is checked
 * as is, a name by every address it resolves to now. Throws BlockedTargetError for a non-public
 * address, UnresolvableTargetError for a name without addresses (or whose lookup does not finish).
 * The send-time check stays: a name may resolve elsewhere later.
 */
export async function assertPublicTarget(url: URL, timeoutMs = TARGET_LOOKUP_TIMEOUT_MS): Promise<void> {
  const host = bareHostname(url);
  if (net.isIP(host)) return assertPublicAddress(host, host);
  let timer: NodeJS.Timeout | undefined;
  let addresses: dns.LookupAddress[];
  try {
    addresses = await Promise.race([
      dns.promises.lookup(host, { all: true }),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs}ms`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UnresolvableTargetError(`${host} does not resolve to any address (${e.code ?? e.message})`);
  } finally {
    clearTimeout(timer);
  }
  if (addresses.length === 0) throw new UnresolvableTargetError(`${host} does not resolve to any address`);
  for (const { address } of addresses) assertPublicAddress(host, address);
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
