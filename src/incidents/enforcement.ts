/**
 * What incident response enforces on the data plane: quarantined principals and keys, blocked
 * addresses and networks, throttled principals, principals that must re-authenticate, and routes
 * switched to strict guards — each with an expiry. The enforcement stage reads a local table
 * (plain Map lookups, no I/O per request); the store behind it keeps every instance's table equal
 * (in-process here, Redis in redis-enforcement.ts).
 */
import { BlockList, isIP } from 'node:net';

export const ENFORCEMENT_KINDS = ['quarantine-principal', 'quarantine-key', 'block-ip', 'throttle', 'reauth', 'strict-route'] as const;
export type EnforcementKind = (typeof ENFORCEMENT_KINDS)[number];

export interface Enforcement {
  readonly kind: EnforcementKind;
  /** Principal id, API key id, CIDR (`a.b.c.d/n`) or route, by kind. */
  readonly subject: string;
  /** Epoch ms when it was set; `reauth` refuses tokens issued before this. */
  readonly since: number;
  /** Epoch ms when it lapses on its own. */
  readonly until: number;
  readonly incidentId?: string;
  /** `throttle`: requests per minute allowed meanwhile. */
  readonly perMinute?: number;
}

/** One request taken from a throttle's bucket, or not, with how long until one would be. */
export interface ThrottleTake {
  readonly ok: boolean;
  readonly retryAfterMs: number;
}

/** One signal occurrence, counted for a rule and subject in a window every instance shares. */
export interface SharedCount {
  /** Rule and subject. */
  readonly key: string;
  readonly at: number;
  readonly windowMs: number;
  /** Occurrences within the window that fire the rule. */
  readonly count: number;
  readonly cooldownMs: number;
}

/** Rule windows shared by every instance (Redis), so N instances count one signal stream. */
export interface SharedWindows {
  /**
   * Counts every occurrence; per entry, the fleet-wide count when this call fired the rule (one
   * instance fires it and starts the shared cooldown), else 0 (not enough yet, or cooling down).
   */
  count(entries: readonly SharedCount[]): Promise<number[]>;
}

export interface EnforcementStore {
  readonly table: EnforcementTable;
  /** Shared rule windows; absent in process (each instance counts its own signals). */
  readonly windows?: SharedWindows;
  /**
   * Shared throttle buckets (Redis): takes one request from the subject's bucket of `perMinute`
   * across every instance, so N instances throttle to one rate. Absent in process (each instance
   * keeps its own bucket). Only throttled principals reach it, so normal traffic never waits on it.
   */
  readonly takeThrottle?: (subject: string, perMinute: number, now: number) => Promise<ThrottleTake>;
  /** Sets (or extends) an enforcement on every instance. */
  apply(e: Enforcement): Promise<void>;
  /** Lifts it everywhere; false when there was none. */
  lift(kind: EnforcementKind, subject: string): Promise<boolean>;
  close(): Promise<void>;
}

export const fieldOf = (kind: EnforcementKind, subject: string): string => `${kind}|${subject}`;

/** Parses a stored enforcement; undefined when it is not one (never trusted blindly from Redis). */
export function parseEnforcement(text: string): Enforcement | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (!(ENFORCEMENT_KINDS as readonly unknown[]).includes(o.kind) || typeof o.subject !== 'string' || o.subject.length > 512) return undefined;
  if (typeof o.since !== 'number' || typeof o.until !== 'number') return undefined;
  if (o.kind === 'block-ip' && parseCidr(o.subject) === undefined) return undefined;
  return {
    kind: o.kind as EnforcementKind,
    subject: o.subject,
    since: o.since,
    until: o.until,
    ...(typeof o.incidentId === 'string' ? { incidentId: o.incidentId } : {}),
    ...(typeof o.perMinute === 'number' && o.perMinute > 0 ? { perMinute: o.perMinute } : {}),
  };
}

/** `a.b.c.d/n` or `v6/n` (a bare address is a single host), normalised; undefined when invalid. */
export function parseCidr(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6'; text: string } | undefined {
  const slash = text.indexOf('/');
  const address = unmap(slash === -1 ? text : text.slice(0, slash));
  const version = isIP(address);
  if (version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  const rest = slash === -1 ? String(max) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(rest) || Number(rest) > max) return undefined;
  const prefix = Number(rest);
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6', text: `${address}/${prefix}` };
}

/** IPv4-mapped IPv6 (`::ffff:a.b.c.d`, as Node reports IPv4 on a dual-stack socket) as plain IPv4. */
export function unmap(ip: string): string {
  return ip.length > 7 && ip.slice(0, 7).toLowerCase() === '::ffff:' && ip.includes('.') ? ip.slice(7) : ip;
}

/** The network of `ip` at the given prefix lengths, as CIDR text. */
export function networkOf(ip: string, prefixV4: number, prefixV6: number): string | undefined {
  const addr = unmap(ip);
  const version = isIP(addr);
  if (version === 4) {
    if (prefixV4 === 32) return `${addr}/32`;
    const n = addr.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    const mask = prefixV4 === 0 ? 0 : Math.floor(n / 2 ** (32 - prefixV4)) * 2 ** (32 - prefixV4);
    return `${[24, 16, 8, 0].map((s) => Math.floor(mask / 2 ** s) % 256).join('.')}/${prefixV4}`;
  }
  if (version === 6) {
    if (prefixV6 === 128) return `${addr}/128`;
    const groups = expand6(addr);
    if (!groups) return undefined;
    let bits = prefixV6;
    const out = groups.map((g) => {
      const keep = Math.max(0, Math.min(16, bits));
      bits -= 16;
      return keep === 16 ? g : keep === 0 ? 0 : g & (0xffff << (16 - keep)) & 0xffff;
    });
    return `${out.map((g) => g.toString(16)).join(':')}/${prefixV6}`;
  }
  return undefined;
}

function expand6(addr: string): number[] | undefined {
  const [head, tail] = addr.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  if (h.some((x) => x.includes('.')) || t.some((x) => x.includes('.'))) return undefined;
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  const groups = [...h, ...Array<string>(fill).fill('0'), ...t].map((x) => parseInt(x, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g)) ? groups : undefined;
}

/** The local view. Lookups are O(1) except for network blocks, which are few. */
export class EnforcementTable {
  private readonly entries = new Map<string, Enforcement>();
  private networks: { readonly entry: Enforcement; readonly list: BlockList; readonly family: 'ipv4' | 'ipv6' }[] = [];
  /** Bumped on every change, so derived views (strict guards) know when to rebuild. */
  version = 0;

  set(e: Enforcement): void {
    const field = fieldOf(e.kind, e.subject);
    const old = this.entries.get(field);
    // Two incidents on one subject: the later expiry wins, the earlier `since` is kept for reauth.
    const merged = old ? { ...e, until: Math.max(old.until, e.until), since: e.kind === 'reauth' ? Math.max(old.since, e.since) : Math.min(old.since, e.since) } : e;
    this.entries.set(field, merged);
    this.changed();
  }

  delete(kind: EnforcementKind, subject: string): boolean {
    const had = this.entries.delete(fieldOf(kind, subject));
    if (had) this.changed();
    return had;
  }

  /** Replaces everything (a resync from the shared store). */
  replaceAll(list: readonly Enforcement[]): void {
    this.entries.clear();
    for (const e of list) this.entries.set(fieldOf(e.kind, e.subject), e);
    this.changed();
  }

  /** Live entries, soonest expiry first. */
  list(now: number): Enforcement[] {
    return [...this.entries.values()].filter((e) => e.until > now).sort((a, b) => a.until - b.until);
  }

  get(kind: EnforcementKind, subject: string, now: number): Enforcement | undefined {
    const e = this.entries.get(fieldOf(kind, subject));
    return e && e.until > now ? e : undefined;
  }

  /** The block that covers `ip`, if any. */
  blocked(ip: string, now: number): Enforcement | undefined {
    if (this.networks.length === 0) return undefined;
    const addr = unmap(ip);
    const version = isIP(addr);
    if (version === 0) return undefined;
    const family = version === 4 ? 'ipv4' : 'ipv6';
    const exact = this.get('block-ip', `${addr}/${version === 4 ? 32 : 128}`, now);
    if (exact) return exact;
    for (const n of this.networks) if (n.family === family && n.entry.until > now && n.list.check(addr, family)) return n.entry;
    return undefined;
  }

  private changed(): void {
    this.version++;
    this.networks = [];
    for (const e of this.entries.values()) {
      if (e.kind !== 'block-ip') continue;
      const c = parseCidr(e.subject);
      if (!c) continue;
      const list = new BlockList();
      list.addSubnet(c.address, c.prefix, c.family);
      this.networks.push({ entry: e, list, family: c.family });
    }
  }
}

/** Without Redis: one instance, one table. */
export function memoryEnforcement(): EnforcementStore {
  const table = new EnforcementTable();
  return {
    table,
    async apply(e) {
      table.set(e);
    },
    async lift(kind, subject) {
      return table.delete(kind, subject);
    },
    async close() {},
  };
}
