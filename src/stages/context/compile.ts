/**
 * The context phase's settings compiled once per runtime: the trusted-proxy list, the GeoIP
 * reader, the posture verifier and the clock for the configured time zone.
 */
import { resolve } from 'node:path';
import maxmind, { type CountryResponse, type Reader } from 'maxmind';
import type { ContextConfig } from '../../config/policy.js';
import { trustedProxyList, type TrustedProxies } from './client-ip.js';
import { createPostureVerifier, type PostureVerifier } from './posture.js';

export interface CompiledContext {
  readonly trustedProxies: TrustedProxies | undefined;
  readonly geoip: Reader<CountryResponse> | undefined;
  /** Lower-cased; believed only from a trusted proxy. */
  readonly countryHeader: string | undefined;
  readonly posture: PostureVerifier | undefined;
  readonly clientCertSanPrefix: string | undefined;
  /** Hour and ISO weekday at `ms` in the configured zone. */
  clock(ms: number): { hour: number; weekday: number };
}

const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function zonedClock(timeZone: string): (ms: number) => { hour: number; weekday: number } {
  if (timeZone === 'UTC') {
    return (ms) => {
      const d = new Date(ms);
      return { hour: d.getUTCHours(), weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay() };
    };
  }
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23', weekday: 'short' });
  // Formatting is the costly part; the answer only changes on the minute (zones are offset by
  // whole or half hours, or 45 minutes), so it is kept per minute.
  let minute = -1;
  let last = { hour: 0, weekday: 1 };
  return (ms) => {
    const m = Math.floor(ms / 60_000);
    if (m !== minute) {
      const parts = format.formatToParts(new Date(ms));
      const hour = Number(parts.find((p) => p.type === 'hour')?.value);
      const weekday = WEEKDAYS[parts.find((p) => p.type === 'weekday')?.value ?? ''] ?? 1;
      last = { hour, weekday };
      minute = m;
    }
    return last;
  };
}

export type ContextCompileResult = { readonly ok: true; readonly context: CompiledContext } | { readonly ok: false; readonly issues: readonly { path: string; message: string }[] };

export async function compileContext(config: ContextConfig, baseDir: string): Promise<ContextCompileResult> {
  const issues: { path: string; message: string }[] = [];
  let geoip: Reader<CountryResponse> | undefined;
  if (config.geoip.database) {
    try {
      geoip = await maxmind.open<CountryResponse>(resolve(baseDir, config.geoip.database));
    } catch (err) {
      issues.push({ path: 'context.geoip.database', message: `cannot open the GeoIP database: ${(err as Error).message}` });
    }
  }
  let posture: PostureVerifier | undefined;
  try {
    posture = createPostureVerifier(config.posture, baseDir);
  } catch (err) {
    issues.push({ path: 'context.posture.issuers', message: `cannot load posture issuer keys: ${(err as Error).message}` });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    context: Object.freeze({
      trustedProxies: trustedProxyList(config.trustedProxies),
      geoip,
      countryHeader: config.geoip.header?.toLowerCase(),
      posture,
      clientCertSanPrefix: config.posture.clientCertSanPrefix,
      clock: zonedClock(config.timeZone),
    }),
  };
}
