import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may be sent: an address on the public internet, never one inside Ofsted's own
 * network or the cloud it runs in (server-side request forgery). A local authority chooses the URL,
 * and the delivery log shows how each attempt went, so an internal target would let it reach, and
 * probe, what only the server can see.
 *
 * These are the rules alone (no I/O): registration applies them to the URL's host and to what its
 * name resolves to, and the delivery worker again to the address it connects to.
 */
export interface NetworkPolicy {
  /** Development and tests: a loopback address (127.0.0.0/8, ::1, `localhost`) is a target too. */
  allowLoopback: boolean;
}

/**
 * The IPv4 addresses an IPv6 one carries, if it is one of the forms that reach an IPv4 host:
 * IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`, deprecated; `::` and `::1`
 * excepted), NAT64 with the well-known prefix (`64:ff9b::a.b.c.d`), 6to4 (`2002:AABB:CCDD::/48`)
 * and Teredo (`2001:0::/32`: the server's address, and the client's, stored inverted). Empty for
 * any other address.
 */
function carriedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const parts = address.parts;
  const v4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const zeros = (from: number, to: number) => parts.slice(from, to).every((part) => part === 0);
  if (address.isIPv4MappedAddress()) return [address.toIPv4Address()];
  if (zeros(0, 6) && (parts[6] !== 0 || parts[7] > 1)) return [v4(parts[6], parts[7])];
  if (parts[0] === 0x64 && parts[1] === 0xff9b && zeros(2, 6)) return [v4(parts[6], parts[7])];
  if (parts[0] === 0x2002) return [v4(parts[1], parts[2])];
  if (parts[0] === 0x2001 && parts[1] === 0) return [v4(parts[2], parts[3]), v4(parts[6] ^ 0xffff, parts[7] ^ 0xffff)];
  return [];
}

/**
 * Whether a webhook may be sent to this IP address (as DNS or `new URL()` writes it: dotted IPv4,
 * or IPv6 with or without brackets). Only ipaddr.js's `unicast` range is public; everything else
 * is refused: loopback (unless the policy allows it), private (10/8, 172.16/12, 192.168/16),
 * link-local (169.254/16, where the clouds' metadata services answer, and fe80::/10), unique-local
 * (fc00::/7), carrier-grade NAT (100.64/10), multicast, broadcast, unspecified and 0.0.0.0/8,
 * reserved, documentation and benchmarking ranges. An IPv6 address that carries an IPv4 one is
 * judged by what it carries (`::ffff:127.0.0.1` is loopback, `64:ff9b::10.0.0.5` private); the
 * local-use NAT64 prefix (64:ff9b:1::/48, a private network's translator) and the IPv4-translated
 * form (::ffff:0:a.b.c.d) are refused outright. Anything that is not an IP address is refused.
 */
export function isAllowedTargetAddress(address: string, policy: NetworkPolicy): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return false;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv4') return allowedRange(parsed.range(), policy);
  const v6 = parsed as ipaddr.IPv6;
  if (v6.parts[0] === 0x64 && v6.parts[1] === 0xff9b && v6.parts[2] === 1) return false;
  const carried = carriedIPv4(v6);
  if (carried.length > 0) return carried.every((v4) => allowedRange(v4.range(), policy));
  return allowedRange(v6.range(), policy);
}

const allowedRange = (range: string, policy: NetworkPolicy): boolean =>
  range === 'unicast' || (policy.allowLoopback && range === 'loopback');

/**
 * Name suffixes that never lead to the public internet: RFC 6761's `localhost`, `test`, `invalid`
 * and `example`, mDNS's `local` (RFC 6762), `home.arpa` (RFC 8375), `internal` (reserved by ICANN
 * for private use; the clouds' metadata names are under it, e.g. `metadata.google.internal`), Tor's
 * `onion`, and the suffixes private networks commonly use and the root never delegates.
 */
const PRIVATE_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'home.arpa',
  'test',
  'invalid',
  'example',
  'onion',
  'localdomain',
  'lan',
  'home',
  'corp',
  'intranet',
  'private',
];

export type HostVerdict =
  /** An IP address written in the URL, allowed or not: no name to resolve. */
  | { kind: 'address'; address: string; allowed: boolean }
  /** A DNS name: `allowed` false for a name that is local or internal by its form alone; otherwise allowed as far as its form goes (what it resolves to decides the rest). */
  | { kind: 'name'; name: string; allowed: boolean };

/**
 * The verdict on a URL's host, as `new URL(url).hostname` gives it. WHATWG URL parsing has already
 * turned IPv4 in odd notations (`2130706433`, `0177.0.0.1`, `0x7f.1`) into dotted decimal and IPv6
 * into its compressed form in brackets, so an IP address is recognised here however it was
 * written. A name is refused when it is `localhost` or under it (unless the policy allows loopback,
 * which admits `localhost` itself), under one of the private suffixes, a single label (`metadata`,
 * `intranet`: resolved through the server's search domains) or has an empty label; a trailing dot
 * (`localhost.`) changes nothing.
 */
export function webhookHostVerdict(hostname: string, policy: NetworkPolicy): HostVerdict {
  const host = hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']'))
    return { kind: 'address', address: host.slice(1, -1), allowed: isAllowedTargetAddress(host, policy) };
  if (ipaddr.IPv4.isValidFourPartDecimal(host)) return { kind: 'address', address: host, allowed: isAllowedTargetAddress(host, policy) };
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  const labels = name.split('.');
  if (policy.allowLoopback && host === 'localhost') return { kind: 'name', name, allowed: true };
  const privateName = PRIVATE_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
  return { kind: 'name', name, allowed: !privateName && labels.length > 1 && labels.every((label) => label !== '') };
}
