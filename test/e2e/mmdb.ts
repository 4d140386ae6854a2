/**
 * A tiny MaxMind DB writer for tests: an IPv4 search tree with 24-bit records and a data section
 * of maps, strings and unsigned integers, after the public MaxMind DB format spec (version 2.0).
 * Enough for country lookups in tests; not a general writer (no overlapping networks, no IPv6).
 */

type Value = string | number | { readonly [key: string]: Value };

function control(type: number, size: number): number[] {
  if (size >= 29) throw new RangeError('test writer: values of 29 or more bytes/entries are not supported');
  // Types above 7 are "extended": type 0 in the control byte, type - 7 in the next one.
  return type <= 7 ? [(type << 5) | size] : [size, type - 7];
}

function uintBytes(n: number): number[] {
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return out;
}

function encode(value: Value): number[] {
  if (typeof value === 'string') {
    const bytes = [...Buffer.from(value, 'utf8')];
    return [...control(2, bytes.length), ...bytes];
  }
  if (typeof value === 'number') {
    const bytes = uintBytes(value);
    // uint32 (type 6) for everything that fits; the readers widen it as needed.
    return [...control(6, bytes.length), ...bytes];
  }
  const entries = Object.entries(value);
  const out = control(7, entries.length);
  for (const [k, v] of entries) out.push(...encode(k), ...encode(v));
  return out;
}

function encodeUint16(n: number): number[] {
  const bytes = uintBytes(n);
  return [...control(5, bytes.length), ...bytes];
}

function encodeUint64(n: number): number[] {
  const bytes = uintBytes(n);
  return [...control(9, bytes.length), ...bytes];
}

interface Node {
  records: [Node | number | undefined, Node | number | undefined];
}

/** Builds an .mmdb (database type `GeoLite2-Country`) mapping each IPv4 network to its record. */
export function buildMmdb(networks: readonly { readonly cidr: string; readonly data: Value }[]): Buffer {
  const data: number[] = [];
  const root: Node = { records: [undefined, undefined] };
  for (const { cidr, data: record } of networks) {
    const [address, prefixText] = cidr.split('/') as [string, string | undefined];
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    const ip = address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
    const offset = data.length;
    data.push(...encode(record));
    let node = root;
    for (let depth = 0; depth < prefix; depth++) {
      const bit = Math.floor(ip / 2 ** (31 - depth)) % 2;
      if (depth === prefix - 1) {
        node.records[bit] = offset;
        break;
      }
      let next = node.records[bit];
      if (typeof next !== 'object') {
        if (typeof next === 'number') throw new RangeError('test writer: overlapping networks are not supported');
        next = { records: [undefined, undefined] };
        node.records[bit] = next;
      }
      node = next;
    }
  }
  // Number the nodes breadth-first (root is 0).
  const nodes: Node[] = [];
  const queue: Node[] = [root];
  const index = new Map<Node, number>();
  while (queue.length > 0) {
    const n = queue.shift() as Node;
    index.set(n, nodes.length);
    nodes.push(n);
    for (const r of n.records) if (typeof r === 'object') queue.push(r);
  }
  const nodeCount = nodes.length;
  const tree = Buffer.alloc(nodeCount * 6);
  nodes.forEach((n, i) => {
    n.records.forEach((r, side) => {
      // A data record points past the tree and the 16-byte separator; "no data" is nodeCount.
      const value = r === undefined ? nodeCount : typeof r === 'number' ? nodeCount + 16 + r : (index.get(r) as number);
      tree.writeUIntBE(value, i * 6 + side * 3, 3);
    });
  });
  const metadata = [
    ...control(7, 9),
    ...encode('node_count'),
    ...encode(nodeCount),
    ...encode('record_size'),
    ...encodeUint16(24),
    ...encode('ip_version'),
    ...encodeUint16(4),
    ...encode('database_type'),
    ...encode('GeoLite2-Country'),
    ...encode('languages'),
    ...control(11, 1),
    ...encode('en'),
    ...encode('binary_format_major_version'),
    ...encodeUint16(2),
    ...encode('binary_format_minor_version'),
    ...encodeUint16(0),
    ...encode('build_epoch'),
    ...encodeUint64(1_700_000_000),
    ...encode('description'),
    ...encode({ en: 'Portcullis test database' }),
  ];
  return Buffer.concat([tree, Buffer.alloc(16), Buffer.from(data), Buffer.from([0xab, 0xcd, 0xef]), Buffer.from('MaxMind.com'), Buffer.from(metadata)]);
}
