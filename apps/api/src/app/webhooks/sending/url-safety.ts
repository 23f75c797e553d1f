import { lookup as dnsLookup, LookupAddress, LookupOneOptions } from 'node:dns';
import { BlockList, isIP, LookupFunction } from 'node:net';

/**
 * Addresses a webhook may not reach unless `WEBHOOKS_ALLOW_PRIVATE=true`: "this network", loopback, private
 * (RFC 1918, unique-local), carrier-grade NAT, link-local (cloud metadata at 169.254.169.254), benchmarking,
 * multicast and reserved ranges, and IPv4-mapped or NAT64 forms of them. (An IPv4-mapped IPv6 subnet would match
 * every IPv4 address: BlockList compares IPv4 addresses in their mapped form too.)
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and IPv4-compatible (::a.b.c.d)
  ['::ffff:0:0:0', 96], // IPv4-translated (SIIT)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['2002::', 16], // 6to4, which embeds any IPv4 address
  ['fec0::', 10], // site-local (deprecated)
  ['64:ff9b::', 96], // NAT64 of any IPv4 address
  ['100::', 64], // discard
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

/** Whether `address` (a literal IPv4 or IPv6 address) is one a webhook may not reach. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return PRIVATE.check(address, 'ipv6') || (mapped !== null && PRIVATE.check(mapped[1], 'ipv4'));
}

/**
 * Why `url` cannot be an endpoint's URL, or undefined when it can: absolute `https` (or `http` with `allowPrivate`),
 * no credentials, no fragment, and not a literal private address or `localhost` unless `allowPrivate`. Host names
 * are checked again on every attempt against what they resolve to (`safeLookup`).
 */
export function endpointUrlProblem(url: string, allowPrivate: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.protocol !== 'https:' && !(allowPrivate && parsed.protocol === 'http:'))
    return allowPrivate ? 'must be an http or https URL' : 'must be an https URL';
  if (parsed.username || parsed.password) return 'must not hold credentials';
  if (parsed.hash) return 'must not have a fragment';
  if (allowPrivate) return undefined;
  const host = parsed.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && isPrivateAddress(host)))
    return 'must not point to a loopback, link-local or private address';
  return undefined;
}

/** The error of a connection the safety check refused: the attempt fails (and is retried) without being sent. */
export class RefusedAddressError extends Error {
  readonly code = 'EWEBHOOKADDRESS';
}

/**
 * A `lookup` for `http.request`: resolves like `dns.lookup` and refuses a private address (unless `allowPrivate`).
 * The connection goes to the very address checked, so a host that resolves differently later (DNS rebinding)
 * gains nothing.
 */
export function safeLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...(options as LookupOneOptions), all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const allowed = allowPrivate ? list : list.filter((entry) => !isPrivateAddress(entry.address));
      if (!allowed.length) return callback(new RefusedAddressError(`${hostname} resolves to a refused address`), '', 0);
      if ((options as { all?: boolean }).all) return (callback as never as AllCallback)(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

type AllCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;
