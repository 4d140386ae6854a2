/**
 * The client's address. X-Forwarded-For is believed only as far as the configured trusted
 * proxies vouch for it: starting at the socket peer, while the current hop is a trusted proxy,
 * step to the address it says it received the request from (the header's entries, right to
 * left). The first untrusted hop is the client. With no trusted proxies (the default) the header
 * is ignored entirely, so a spoofed one from an untrusted peer changes nothing.
 */
import { BlockList, isIP } from 'node:net';

/** Node reports IPv4 peers of a dual-stack socket as `::ffff:a.b.c.d`; policies see `a.b.c.d`. */
export function normalizeIp(ip: string): string {
  if (ip.length > 7 && ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4) return ip.slice(7);
  return ip;
}

function familyOf(ip: string): 'ipv4' | 'ipv6' | undefined {
  const v = isIP(ip);
  return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : undefined;
}

/**
 * The trusted proxies, with each address's answer remembered: `BlockList.check` builds a native
 * `SocketAddress` per call (about 7% of the context and authorize stages' CPU together, measured
 * with `node dist/bench/policy.js --case "stages, no cache"` under --cpu-prof), and the addresses
 * asked about are mostly the same few proxies. Bounded: cleared when full.
 */
export class TrustedProxies {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly list: BlockList) {}

  has(ip: string): boolean {
    let trusted = this.known.get(ip);
    if (trusted === undefined) {
      const family = familyOf(ip);
      trusted = family !== undefined && this.list.check(ip, family);
      if (this.known.size >= KNOWN_KEPT) this.known.clear();
      this.known.set(ip, trusted);
    }
    return trusted;
  }
}

const KNOWN_KEPT = 4096;

export function trustedProxyList(cidrs: readonly string[]): TrustedProxies | undefined {
  if (cidrs.length === 0) return undefined;
  const list = new BlockList();
  for (const cidr of cidrs) {
    const slash = cidr.indexOf('/');
    const address = slash === -1 ? cidr : cidr.slice(0, slash);
    const family = familyOf(address) as 'ipv4' | 'ipv6';
    const max = family === 'ipv4' ? 32 : 128;
    list.addSubnet(address, slash === -1 ? max : Number(cidr.slice(slash + 1)), family);
  }
  return new TrustedProxies(list);
}

export interface ClientAddress {
  readonly ip: string;
  /** True when the socket peer is a trusted proxy (its other headers may be believed too). */
  readonly viaTrustedProxy: boolean;
}

/** Longest X-Forwarded-For walked; past it the last trusted hop's answer stands. */
const MAX_HOPS = 32;

export function clientAddress(peer: string, forwardedFor: string | string[] | undefined, trusted: TrustedProxies | undefined): ClientAddress {
  const socketIp = normalizeIp(peer);
  const viaTrustedProxy = trusted !== undefined && trusted.has(socketIp);
  if (!viaTrustedProxy || forwardedFor === undefined) return { ip: socketIp, viaTrustedProxy };
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
  let current = socketIp;
  // `current` is a trusted hop on every entry to the loop body: the peer was checked above.
  for (let i = hops.length - 1, walked = 0; i >= 0 && walked < MAX_HOPS; i--, walked++) {
    if (walked > 0 && !trusted.has(current)) break;
    const hop = normalizeIp((hops[i] as string).trim());
    // A malformed entry ends the walk: what the trusted proxy added before it cannot be read, so
    // the client is the last address a trusted proxy vouched for.
    if (familyOf(hop) === undefined) break;
    current = hop;
  }
  return { ip: current, viaTrustedProxy: true };
}
