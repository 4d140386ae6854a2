/**
 * What the monitoring plane reports: a signal is one observation of suspicious behaviour about a
 * subject (a principal, a source address or a route), with a strength in [0, 1] and the evidence
 * behind it. Incident rules count signals per subject over windows (incidents/rules.ts).
 */
import type { SignalName, SubjectKind } from '../config/monitor.js';

export interface Signal {
  readonly name: SignalName;
  readonly subjectKind: SubjectKind;
  /** Principal id, source address or route (public model name). */
  readonly subject: string;
  readonly strength: number;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly requestId?: string;
  readonly principalId?: string;
  /** Public id of the credential (API key id) the request used. */
  readonly keyId?: string;
  readonly ip?: string;
  readonly route?: string;
  /** Features that drove it, name → contribution; never raw prompt text. */
  readonly features?: Readonly<Record<string, number>>;
}

export type SignalSink = (signal: Signal) => void;
