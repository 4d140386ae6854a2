/**
 * The data plane's response class: every answer carries `x-request-id`, added as its head is
 * written rather than with `setHeader` when the request arrives.
 *
 * `setHeader` before `writeHead` sends Node down its slow path: the response then has a header
 * map, so `writeHead` validates and copies every header of its object into that map one by one
 * and builds the head from the map. With no header set before, `writeHead` uses its object as
 * it is. Measured in isolation at about 0.5 µs per response (docs/performance.md, "Session 7").
 * Every way a head is written goes through `writeHead` — an explicit call, or `end`/`write`
 * without one (Node's implicit head calls `this.writeHead(this.statusCode)`) — so no answer
 * leaves without the id.
 */
import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';

type RawHeaders = OutgoingHttpHeaders | http.OutgoingHttpHeader[];

export class GatewayResponse<Request extends IncomingMessage = IncomingMessage> extends http.ServerResponse<Request> {
  /** Set by the listener as the request arrives; '' until then (no header added). */
  requestId = '';

  /** `writeHead(status[, reason][, headers])` with the request id among the headers. */
  override writeHead(statusCode: number, reason?: string | RawHeaders, headers?: RawHeaders): this {
    const hasReason = typeof reason === 'string';
    const given = hasReason ? headers : reason;
    const id = this.requestId;
    let withId: RawHeaders | undefined = given;
    if (id !== '') {
      if (given === undefined || given === null) withId = { 'x-request-id': id };
      else if (Array.isArray(given)) {
        // The raw-array form: Node appends it to the header map, so the id goes there first.
        this.setHeader('x-request-id', id);
      } else withId = { ...given, 'x-request-id': id };
    }
    return hasReason ? super.writeHead(statusCode, reason, withId) : super.writeHead(statusCode, withId);
  }
}
