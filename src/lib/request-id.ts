/**
 * Request ids: UUID version 7 (RFC 9562 §5.7), a 48-bit Unix-millisecond timestamp followed by
 * random bits, instead of random version-4 UUIDs. The audit log keeps a unique index on the
 * request id (SQLite and PostgreSQL B-trees alike); a random key lands each new record on a
 * different leaf page of that index, so a group commit of N records dirtied and wrote back N
 * index pages. Ids that grow with time are inserted at the right edge of the index, a page or
 * two per commit. The ids stay unguessable (74 random bits) and unique; they now also reveal
 * the millisecond the request arrived, which the caller knows anyway.
 */
import { randomUUID } from 'node:crypto';

/**
 * A UUIDv7 for `now` (epoch ms). Built from `randomUUID()` (which draws from a cached pool of
 * random bytes) by writing the timestamp over its first 48 bits and the version nibble over
 * the `4`; its variant bits are already those v7 needs.
 */
export function timeOrderedId(now: number = Date.now()): string {
  const ms = Math.max(0, Math.min(Math.trunc(now), 0xffff_ffff_ffff));
  // Requests under load share milliseconds: the formatted prefix is kept for the next call.
  if (ms !== prefixMs) {
    const hex = ms.toString(16).padStart(12, '0');
    prefix = `${hex.slice(0, 8)}-${hex.slice(8)}-7`;
    prefixMs = ms;
  }
  return prefix + randomUUID().slice(15);
}

let prefixMs = -1;
let prefix = '';
