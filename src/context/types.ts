/**
 * What the context phase establishes about a request beyond the principal: where it really came
 * from, the device it came from, and how risky its principal looks right now. Authorization
 * (Cedar, issue 4) reads it; monitoring (issue 8) supplies the risk score.
 */

/** Device posture from a verified source: a signed assertion from the caller's MDM/EDR, or a client-certificate extension. */
export interface DevicePosture {
  /** Who vouched for it: the assertion issuer, or `client-cert`. */
  readonly source: string;
  readonly deviceId?: string;
  /** Attributes the assertion carries, e.g. { managed: true, diskEncrypted: true, osPatched: true }. */
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  /** Seconds since epoch when the assertion was issued. */
  readonly issuedAt: number;
}

export interface RequestContextFacts {
  /** The client's address after the trusted-proxy rules (the socket peer unless a trusted proxy forwarded it). */
  readonly clientIp: string;
  /** ISO 3166-1 alpha-2, from the GeoIP file or a trusted edge header; absent when unknown. */
  readonly country?: string;
  /** Absent when the caller presented no (valid) posture. */
  readonly posture?: DevicePosture;
  /** Why a posture was rejected (expired, bad signature, …), so policies and decisions can say so. */
  readonly postureError?: string;
  /** 0 (normal) to 1 (certainly hostile), from the monitoring plane; 0 until it exists. */
  readonly risk: number;
  /** Hour 0-23 and ISO weekday 1 (Monday) to 7 (Sunday) in the configured time zone. */
  readonly hour?: number;
  readonly weekday?: number;
}

/** The monitoring plane's current view of a principal or source; the context stage asks it per request. */
export interface RiskSource {
  riskOf(principalId: string | undefined, clientIp: string): number;
}

export const noRisk: RiskSource = { riskOf: () => 0 };
