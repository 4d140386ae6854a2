/**
 * Credential scopes beyond models: which operations a credential may call, and which source
 * networks it may be used from (`net.BlockList`, so IPv4 and IPv6 CIDRs are matched by Node
 * rather than by hand-written prefix arithmetic).
 */
import { BlockList, isIP } from 'node:net';

/** Operations a credential can be scoped to. `scan` is the guard service (`POST /v1/guard/scan`). */
export const SCOPED_OPERATIONS = ['chat', 'embed', 'messages', 'models', 'scan'] as const;
export type ScopedOperation = (typeof SCOPED_OPERATIONS)[number];

/** Throws a TypeError naming the first unknown operation. */
export function checkOperations(operations: readonly string[]): readonly ScopedOperation[] {
  for (const op of operations) {
    if (!(SCOPED_OPERATIONS as readonly string[]).includes(op)) throw new TypeError(`unknown operation "${op}" (use ${SCOPED_OPERATIONS.join(', ')})`);
  }
  return operations as readonly ScopedOperation[];
}

/** True when the scope allows `operation`; an empty scope allows everything. */
export function operationAllowed(operations: readonly string[] | undefined, operation: string): boolean {
  return operations === undefined || operations.length === 0 || operations.includes(operation);
}

function parseCidr(cidr: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } {
  const slash = cidr.indexOf('/');
  const address = slash === -1 ? cidr : cidr.slice(0, slash);
  const version = isIP(address);
  if (version === 0) throw new TypeError(`"${cidr}" is not an IP address or CIDR block`);
  const max = version === 4 ? 32 : 128;
  const prefix = slash === -1 ? max : Number(cidr.slice(slash + 1));
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (slash !== -1 && !/^\d{1,3}$/.test(cidr.slice(slash + 1)))) {
    throw new TypeError(`"${cidr}" has an invalid prefix length`);
  }
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** Validates CIDR blocks (a bare address means a single host); throws a TypeError on the first bad one. */
export function checkCidrs(cidrs: readonly string[]): readonly string[] {
  for (const c of cidrs) parseCidr(c);
  return cidrs;
}

function compile(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const c of cidrs) {
    const { address, prefix, family } = parseCidr(c);
    list.addSubnet(address, prefix, family);
  }
  return list;
}

/** Compiled lists by their joined text; bounded, since credentials are many but bindings few. */
const compiled = new Map<string, BlockList>();
const MAX_COMPILED = 1_024;

/**
 * Whether `sourceIp` (as Node reports it; IPv4-mapped IPv6 is unwrapped) is inside one of
 * `cidrs`. No binding means any source. An unparsable source never matches.
 */
export function sourceAllowed(cidrs: readonly string[] | undefined, sourceIp: string): boolean {
  if (cidrs === undefined || cidrs.length === 0) return true;
  const cacheKey = cidrs.join(',');
  let list = compiled.get(cacheKey);
  if (!list) {
    list = compile(cidrs);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(cacheKey, list);
  }
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(sourceIp);
  const ip = mapped ? (mapped[1] as string) : sourceIp;
  const version = isIP(ip);
  if (version === 0) return false;
  return list.check(ip, version === 4 ? 'ipv4' : 'ipv6');
}
