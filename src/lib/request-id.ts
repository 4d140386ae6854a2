/**
 * Request ids: UUID version 7 (RFC 9562 §5.7), a 48-bit Unix-millisecond timestamp followed by
 * random bits, instead of random version-4 UUIDs. The audit log keeps a unique index on the
 * request id (SQLite and PostgreSQL B-trees alike); a random key lands each new record on a
 * different leaf page of that index, so a group commit of N records dirtied and wrote back N
 * index pages. Ids that grow with time are inserted at the right edge of the index, a page or
 * two per commit. The ids stay unguessable (74 random bits) and unique; they now also reveal
 * the millisecond the request arrived, which the caller knows anyway.
 */
import { randomFillSync } from 'node:crypto';

/** Lower-case hex digits as character codes. */
const HEX = Buffer.from('0123456789abcdef', 'latin1');
/** Random bytes drawn in batches (one `randomFillSync` per 102 ids), as `randomUUID` does internally. */
const POOL = Buffer.alloc(1020);
/** Random bytes per id: 74 random bits, spread over 10 bytes for simple nibble arithmetic. */
const PER_ID = 10;
let used = POOL.length;
/** The id being built: the prefix (timestamp and version) stays while the millisecond does. */
const ID = Buffer.from('00000000-0000-7000-8000-000000000000', 'latin1');

/**
 * A UUIDv7 for `now` (epoch ms): the timestamp in the first 48 bits, version `7`, variant `10`,
 * and 74 random bits from the CSPRNG. Written as characters into one buffer and read out as one
 * string: `randomUUID()` and the slicing and joining this replaced made about 600 bytes of
 * short-lived strings per request (docs/performance.md, "Session 7 — Second pass").
 */
export function timeOrderedId(now: number = Date.now()): string {
  const ms = Math.max(0, Math.min(Math.trunc(now), 0xffff_ffff_ffff));
  // Requests under load share milliseconds: the written prefix is kept for the next call.
  if (ms !== prefixMs) {
    const hex = ms.toString(16).padStart(12, '0');
    ID.write(hex.slice(0, 8), 0, 'latin1');
    ID.write(hex.slice(8), 9, 'latin1');
    prefixMs = ms;
  }
  if (used + PER_ID > POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  const r = used;
  used += PER_ID;
  // xxxxxxxx-xxxx-7RRR-VRRR-RRRRRRRRRRRR: 12 + 2 + 12 + 48 random bits.
  nibbles(POOL[r] as number, 15);
  ID[17] = HEX[(POOL[r + 1] as number) >> 4] as number;
  ID[19] = HEX[8 | ((POOL[r + 1] as number) & 3)] as number;
  nibbles(POOL[r + 2] as number, 20);
  ID[22] = HEX[(POOL[r + 3] as number) >> 4] as number;
  for (let i = 0; i < 6; i++) nibbles(POOL[r + 4 + i] as number, 24 + 2 * i);
  return ID.toString('latin1');
}

function nibbles(byte: number, at: number): void {
  ID[at] = HEX[byte >> 4] as number;
  ID[at + 1] = HEX[byte & 15] as number;
}

let prefixMs = -1;
