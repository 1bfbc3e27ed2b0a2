import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import net from 'node:net';

/** What an address is, for deciding whether a webhook may be posted to it. */
export type AddressClass = 'public' | 'unspecified' | 'loopback' | 'link_local' | 'private' | 'reserved';

/**
 * The ranges a webhook may not reach: loopback and private ones only with the admin's
 * allow_private, the others never. IPv4-mapped IPv6
 * (::ffff:a.b.c.d) matches its IPv4 range by itself (node's BlockList); NAT64 (64:ff9b::/96)
 * addresses are given the class of the IPv4 address they carry, below.
 */
const ranges: Record<Exclude<AddressClass, 'public'>, readonly string[]> = {
  unspecified: ['0.0.0.0/8', '::/128'],
  loopback: ['127.0.0.0/8', '::1/128'],
  link_local: ['169.254.0.0/16', 'fe80::/10'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7', 'fec0::/10'],
  reserved: [
    '192.0.0.0/24', '192.0.2.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
    // IPv4-compatible IPv6 (deprecated), multicast, documentation.
    '::/96', 'ff00::/8', '2001:db8::/32',
  ],
};

const lists = Object.entries(ranges).map(([cls, cidrs]) => {
  const list = new net.BlockList();
  for (const cidr of cidrs) {
    const [address, bits] = cidr.split('/');
    const family = net.isIPv4(address) ? 'ipv4' : 'ipv6';
    list.addSubnet(address, Number(bits), family);
    if (family === 'ipv4') list.addSubnet(`64:ff9b::${address}`, 96 + Number(bits), 'ipv6');
  }
  return [cls as Exclude<AddressClass, 'public'>, list] as const;
});

/** The class of an IP address (IPv4 or IPv6 text); anything that is not an address is 'reserved'. */
export function classifyAddress(address: string): AddressClass {
  const family = net.isIP(address);
  if (family === 0) return 'reserved';
  for (const [cls, list] of lists) if (list.check(address, family === 4 ? 'ipv4' : 'ipv6')) return cls;
  return 'public';
}

const described: Record<Exclude<AddressClass, 'public'>, string> = {
  unspecified: 'an unspecified address',
  loopback: 'a loopback address',
  link_local: 'a link-local address',
  private: 'a private address',
  reserved: 'a reserved address',
};

/** Why the address may not be posted to, or null when it may. */
export function refusalOf(address: string, allowPrivate: boolean): string | null {
  const cls = classifyAddress(address);
  if (cls === 'public') return null;
  // A self-hosted receiver is on this machine or the LAN. Link-local holds the clouds' metadata
  // service (169.254.169.254); reserved ranges and the unspecified address are no receiver at all.
  const permissible = cls === 'loopback' || cls === 'private';
  if (allowPrivate && permissible) return null;
  return `${address} is ${described[cls]}${permissible ? ' (allow_private permits it for self-hosting)' : ''}`;
}

/** The URL's host as connect() takes it: IPv6 literals without their brackets. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** A refusal by the guard: the delivery fails with this message (and is not sent). */
export class RefusedAddressError extends Error {
  readonly code = 'EREFUSEDADDRESS';
}

/**
 * A `lookup` for http.request that resolves the host, refuses it when any of its addresses may
 * not be reached, and hands the connection exactly the addresses it checked: a DNS answer that
 * changes between a check and the connect (rebinding) cannot slip a private address in.
 */
export function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0, hints: options.hints }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.map((a) => refusalOf(a.address, allowPrivate)).find((r) => r !== null);
      if (refused) return callback(new RefusedAddressError(`${hostname} resolves to ${refused}`), '', 0);
      if (addresses.length === 0) return callback(new RefusedAddressError(`${hostname} has no address`), '', 0);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * Checks a webhook URL when it is registered: an IP literal by its class, a name by every address
 * it resolves to now. Answers the problem, or null. Deliveries check again at each connect.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL';
  return checkHost(hostOf(url), allowPrivate);
}

/**
 * Why a host (a name, or an address) may not be connected to, or null: every address it resolves
 * to is checked. `unresolvable: 'allow'` lets a name that does not resolve now pass (an IMAP
 * server the poller will report on), where a webhook's is refused.
 */
export async function checkHost(host: string, allowPrivate: boolean, unresolvable: 'refuse' | 'allow' = 'refuse'): Promise<string | null> {
  if (net.isIP(host)) return refusalOf(host, allowPrivate);
  const addresses = await new Promise<LookupAddress[] | NodeJS.ErrnoException>((resolve) =>
    dnsLookup(host, { all: true }, (error, found) => resolve(error ?? found)),
  );
  if (!Array.isArray(addresses)) return unresolvable === 'allow' ? null : `the host ${host} could not be resolved (${addresses.code ?? addresses.message})`;
  const refused = addresses.map((a) => refusalOf(a.address, allowPrivate)).find((r) => r !== null);
  return refused ? `${host} resolves to ${refused}` : null;
}
