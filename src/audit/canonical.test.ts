import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, canonicalJsonOfData, jsonString } from './canonical.js';
import { encodeHeader, linkEntries, EMPTY_HEAD } from './chain.js';

describe('canonical JSON', () => {
  const cases: [string, unknown, string][] = [
    ['sorts keys by UTF-16 code units', { b: 1, a: 2, A: 3, é: 4, '\u{1F600}': 5, '\uFFFF': 6 }, '{"A":3,"a":2,"b":1,"é":4,"\u{1F600}":5,"\uFFFF":6}'],
    ['nests and drops undefined members', { z: [1, { y: null, x: undefined }], a: 'q"\n' }, '{"a":"q\\"\\n","z":[1,{"y":null}]}'],
    ['uses ECMAScript number form (RFC 8785 §3.2.2.3)', [1e21, 1e-7, 0.1, 100, 5e-324], '[1e+21,1e-7,0.1,100,5e-324]'],
    ['writes literals', [true, false, null], '[true,false,null]'],
    ['sorts keys given in reverse, and more keys than the short sort takes', Object.fromEntries([...'qponmlkjihgfedcbaZYX'].map((k, i) => [k, i])), `{${[...'XYZabcdefghijklmnopq'].map((k) => `"${k}":${'qponmlkjihgfedcbaZYX'.indexOf(k)}`).join(',')}}`],
    ['escapes keys as JSON.stringify does', { 'a"b': 1, 'c\\d': 2, 'e\nf': 3, '\ud800': 4 }, '{"a\\"b":1,"c\\\\d":2,"e\\nf":3,"\\ud800":4}'],
  ];
  for (const [name, value, expected] of cases) {
    it(name, () => assert.equal(canonicalJson(value), expected));
  }
  it('refuses values with no canonical form', () => {
    for (const bad of [Number.NaN, Infinity, -0, [undefined], new Date(0), () => 1, 1n]) assert.throws(() => canonicalJson(bad), TypeError);
  });
});

describe('audit chain', () => {
  it('the hand-written header encoder is canonical JSON of the header', () => {
    const [row] = linkEntries(EMPTY_HEAD, [{ requestId: 'r"1', ts: 5, principal: null, route: 'm\u00e9', outcome: 'deny', status: 401, body: '{}' }]);
    assert.ok(row);
    const { hash: _h, body: _b, ...header } = row;
    assert.equal(encodeHeader(row), canonicalJson({ ...header, v: 1 }));
  });
  it('links each record to the previous hash', () => {
    const rows = linkEntries(EMPTY_HEAD, [1, 2, 3].map((i) => ({ requestId: `r${i}`, ts: i, principal: 'p', route: 'm', outcome: 'allow' as const, status: 200, body: `{"i":${i}}` })));
    assert.deepEqual(rows.map((r) => r.seq), [1, 2, 3]);
    assert.equal(rows[0]?.prev, EMPTY_HEAD.hash);
    assert.equal(rows[2]?.prev, rows[1]?.hash);
  });
});

describe('canonical JSON of parsed data', () => {
  const values: unknown[] = [
    { b: [1, undefined, -0, { z: undefined, 'k"ey': 'v\u2028' }], a: -0, c: Number.NaN, 'é': null },
    { kind: 'chat', model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi\n"there"' }] }], temperature: -0, stream: false },
    ['x', 1e21, 0.1, true, null],
  ];
  for (const [i, v] of values.entries()) {
    it(`equals canonicalJson after a JSON round trip (${i})`, () => assert.equal(canonicalJsonOfData(v), canonicalJson(JSON.parse(JSON.stringify(v)))));
  }
  it('refuses what is not plain data', () => assert.throws(() => canonicalJsonOfData({ d: new Date(0) }), TypeError));
});

describe('jsonString', () => {
  // Every class of character JSON.stringify treats specially, alone and inside plain text.
  const cases = ['', 'api-key', '/v1/chat/completions', 'q"uote', 'back\\slash', 'new\nline', '\u0000', '\u001f', '\u007f', '\u2028\u2029', 'é ü 中文', '\u{1F600}', '\ud800', 'x\udfffy', '\udbff\udfff'];
  for (const s of cases) {
    it(`writes ${JSON.stringify(s)} exactly as JSON.stringify does`, () => assert.equal(jsonString(s), JSON.stringify(s)));
  }
});
