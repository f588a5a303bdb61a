import { lookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isAllowedTargetAddress, webhookHostVerdict, type HostVerdict, type NetworkPolicy } from '../../domain/network-address';
import { badInput, type Violation } from '../../domain/rule-violation';

/**
 * Where a webhook URL leads, checked against the rules of `src/domain/network-address.ts`: at
 * registration (the URL's host and every address its name resolves to) and when the worker
 * connects (every address DNS gives then, through the socket's own lookup, so the address checked
 * is the address connected to: DNS that changes between the check and the connection cannot slip
 * an internal address past it).
 */

/** Every address a host name resolves to (as `dns.lookup` with `all: true` gives them). Injectable for tests. */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

/** The system's resolver: the addresses the server itself would connect to, in its resolver's order. */
export const systemResolver: HostResolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** How long registration waits for DNS before refusing the URL. */
const RESOLVE_TIMEOUT_MS = 5_000;

/** What a delivery's log says when its URL leads somewhere it may not: nothing about where. */
export const REFUSED_TARGET_MESSAGE = 'refused: the URL resolves to a non-public address';

/** A connection refused before it was made, because the host's address is not public. */
export class RefusedTargetError extends Error {
  readonly code = 'ERR_WEBHOOK_TARGET_REFUSED';

  constructor() {
    super(REFUSED_TARGET_MESSAGE);
    this.name = 'RefusedTargetError';
  }
}

/** `resolve(name)`, or a rejection once `ms` have passed. */
async function resolveWithin(resolve: HostResolver, name: string, ms: number): Promise<LookupAddress[]> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      resolve(name),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`DNS gave no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why a host is refused by its form, in words that do not repeat it. */
const refusedByForm = (verdict: HostVerdict): Violation[] =>
  verdict.allowed
    ? []
    : [
        verdict.kind === 'address'
          ? badInput(['url'], 'The URL must lead to a public internet address, not a local, private or reserved one')
          : badInput(['url'], 'The URL must name a public internet host, not a local or internal name'),
      ];

/**
 * The registration check of a well-formed URL's host by its form alone (see `webhookHostVerdict`):
 * no local or internal name, no internal IP address. The messages say what is wrong without
 * repeating the URL.
 */
export function webhookHostViolations(url: string, policy: NetworkPolicy): Violation[] {
  return refusedByForm(webhookHostVerdict(new URL(url).hostname, policy));
}

/**
 * The full registration check of a URL that is already well formed (absolute, http(s), no
 * credentials: `validateWebhookUrl`): its host passes `webhookHostViolations`, and every address its
 * name resolves to now is public (a name that does not resolve is refused too). The messages say
 * nothing of the addresses found.
 */
export async function webhookTargetViolations(
  url: string,
  policy: NetworkPolicy,
  resolve: HostResolver = systemResolver,
): Promise<Violation[]> {
  const verdict = webhookHostVerdict(new URL(url).hostname, policy);
  if (!verdict.allowed || verdict.kind === 'address') return refusedByForm(verdict);
  const unresolved = badInput(['url'], "The URL's host name could not be resolved: check it, or try again later");
  let addresses: LookupAddress[];
  try {
    addresses = await resolveWithin(resolve, verdict.name, RESOLVE_TIMEOUT_MS);
  } catch {
    return [unresolved];
  }
  if (addresses.length === 0) return [unresolved];
  return addresses.every((found) => isAllowedTargetAddress(found.address, policy))
    ? []
    : [badInput(['url'], "The URL's host name resolves to an address that is not public")];
}

/**
 * Whether the worker may send to this URL without looking anything up: false for a host that is
 * an internal IP address or a local or internal name by its form (an endpoint registered before
 * these rules, or under a looser policy). A name that passes is then checked address by address
 * by `guardedLookup` as the connection is made.
 */
export function mayContact(url: URL, policy: NetworkPolicy): boolean {
  return webhookHostVerdict(url.hostname, policy).allowed;
}

/**
 * A `lookup` for `http(s).request` (and so `net.connect`) that resolves with `resolve` and refuses,
 * with a `RefusedTargetError`, when any address the name resolves to is not an allowed target:
 * the socket then connects to nothing. Otherwise it answers as `dns.lookup` would, in the form
 * asked for (one address, or all of them when Node tries each family in turn).
 */
export function guardedLookup(policy: NetworkPolicy, resolve: HostResolver = systemResolver): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    const fail = (error: NodeJS.ErrnoException) => (options.all ? callback(error, []) : callback(error, ''));
    resolve(hostname).then(
      (found) => {
        if (found.length === 0 || !found.every((address) => isAllowedTargetAddress(address.address, policy)))
          return fail(new RefusedTargetError());
        const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
        const usable = family === 0 ? found : found.filter((address) => address.family === family);
        if (usable.length === 0) return fail(Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' }));
        return options.all ? callback(null, usable) : callback(null, usable[0].address, usable[0].family);
      },
      (error: NodeJS.ErrnoException) => fail(error),
    );
  };
}
