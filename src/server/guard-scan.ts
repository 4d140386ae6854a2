/**
 * `POST /v1/guard/scan`: guardrails as a service (DESIGN.md, "The guard interface"). The caller
 * is authenticated by the identity stage like any data-plane call; the endpoint names no model,
 * so there is no route lookup, and the answer is the scan result (200 whether flagged or not).
 */
import type { IncomingMessage } from 'node:http';
import type { Runtime } from '../config/compile.js';
import { createScanner, parseScanInput, type ScanResult, type Scanner } from '../guards/scan.js';
import { parseJsonBody, readBody } from './http.js';

// One scanner per runtime: compiled on first use from the runtime's already validated `guards:`
// section, and dropped with the runtime when a reload replaces it.
const scanners = new WeakMap<Runtime, Scanner>();

/** The compiled scanner of a runtime. */
export function scannerOf(runtime: Runtime): Scanner {
  let scanner = scanners.get(runtime);
  if (scanner === undefined) {
    scanner = createScanner(runtime.config.guards);
    scanners.set(runtime, scanner);
  }
  return scanner;
}

/**
 * Reads the body `{"text", "role"?, "id"?}` and scans it.
 * @throws GatewayError PC_ERR_BAD_JSON / PC_ERR_BAD_REQUEST on a bad body, PC_ERR_BODY_TOO_LARGE
 *   over `server.bodyLimitBytes` or `guards.maxInputBytes`.
 */
export async function guardScan(req: IncomingMessage, runtime: Runtime): Promise<ScanResult> {
  const { bodyLimitBytes, requestTimeoutMs } = runtime.config.server;
  const body = parseJsonBody(req, await readBody(req, bodyLimitBytes, requestTimeoutMs));
  return scannerOf(runtime).scan(parseScanInput(body));
}
