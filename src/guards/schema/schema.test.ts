import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnswer, compileSchema, SchemaCompileError } from './compile.js';

const ok = (schema: unknown, value: unknown): void => assert.equal(compileSchema(schema).validate(value), undefined, JSON.stringify({ schema, value }));
const bad = (schema: unknown, value: unknown, path?: string, message?: RegExp): void => {
  const r = compileSchema(schema).validate(value);
  assert.ok(r, `expected a violation: ${JSON.stringify({ schema, value })}`);
  if (path !== undefined) assert.equal(r.path, path);
  if (message !== undefined) assert.match(r.message, message);
};

// The shape of an OpenAI structured-outputs schema (strict mode): every property required,
// additionalProperties false, nullable fields as type unions, enums, nested objects, $defs.
const EVENT = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 40 },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' },
    kind: { type: 'string', enum: ['meeting', 'call'] },
    attendees: { type: 'array', items: { $ref: '#/$defs/person' }, minItems: 1, maxItems: 3 },
    priority: { type: ['integer', 'null'], minimum: 1, maximum: 5 },
    version: { const: 2 },
  },
  required: ['name', 'date', 'kind', 'attendees', 'priority', 'version'],
  additionalProperties: false,
  $defs: {
    person: {
      type: 'object',
      properties: { name: { type: 'string' }, email: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
      required: ['name', 'email'],
      additionalProperties: false,
    },
  },
};
const GOOD = { name: 'Standup', date: '2026-11-24', kind: 'meeting', attendees: [{ name: 'Ana', email: null }], priority: null, version: 2 };

describe('JSON schema validator', () => {
  it('accepts a matching structured-output answer', () => ok(EVENT, GOOD));

  const violations: [string, unknown, string, RegExp][] = [
    ['missing required', { ...GOOD, kind: undefined }, '$', /missing required property "kind"/],
    ['extra property', { ...GOOD, extra: 1 }, '$.extra', /not allowed/],
    ['wrong type', { ...GOOD, name: 5 }, '$.name', /expected string, got number/],
    ['enum', { ...GOOD, kind: 'party' }, '$.kind', /allowed values/],
    ['pattern', { ...GOOD, date: '24/11/2026' }, '$.date', /pattern/],
    ['minLength', { ...GOOD, name: '' }, '$.name', /shorter/],
    ['maxItems', { ...GOOD, attendees: [1, 2, 3, 4].map(() => ({ name: 'a', email: null })) }, '$.attendees', /more than 3 items/],
    ['minItems', { ...GOOD, attendees: [] }, '$.attendees', /fewer than 1/],
    ['$ref item', { ...GOOD, attendees: [{ name: 'a' }] }, '$.attendees[0]', /missing required property "email"/],
    ['anyOf', { ...GOOD, attendees: [{ name: 'a', email: 3 }] }, '$.attendees[0].email', /anyOf/],
    ['integer', { ...GOOD, priority: 2.5 }, '$.priority', /expected integer or null/],
    ['maximum', { ...GOOD, priority: 9 }, '$.priority', /greater than 5/],
    ['const', { ...GOOD, version: 3 }, '$.version', /constant/],
  ];
  for (const [name, value, path, message] of violations) it(`refuses: ${name}`, () => bad(EVENT, JSON.parse(JSON.stringify(value)) as unknown, path, message));

  it('string bounds count code points, not UTF-16 units', () => {
    ok({ type: 'string', maxLength: 2 }, '😀😀');
    bad({ type: 'string', maxLength: 1 }, '😀😀');
  });

  it('number bounds, exclusive bounds (both drafts) and multipleOf', () => {
    ok({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, 0.5);
    bad({ type: 'number', exclusiveMinimum: 0 }, 0);
    bad({ type: 'number', minimum: 0, exclusiveMinimum: true }, 0);
    ok({ type: 'number', multipleOf: 0.01 }, 19.99);
    bad({ type: 'number', multipleOf: 0.5 }, 0.3);
    bad({ type: 'number' }, Infinity);
  });

  it('allOf, oneOf, not, prefixItems, uniqueItems, min/maxProperties, boolean schemas', () => {
    ok({ allOf: [{ type: 'number' }, { minimum: 1 }] }, 2);
    bad({ allOf: [{ type: 'number' }, { minimum: 1 }] }, 0);
    bad({ oneOf: [{ type: 'number' }, { minimum: 1 }] }, 2, '$', /exactly one/);
    ok({ oneOf: [{ type: 'string' }, { minimum: 1 }] }, 2);
    bad({ not: { type: 'null' } }, null);
    ok({ prefixItems: [{ type: 'string' }, { type: 'number' }], items: false }, ['a', 1]);
    bad({ prefixItems: [{ type: 'string' }], items: false }, ['a', 1]);
    bad({ uniqueItems: true }, [{ a: 1, b: 2 }, { b: 2, a: 1 }], '$', /equal/);
    bad({ minProperties: 1 }, {});
    ok(true, 'anything');
    bad(false, 'anything');
  });

  it('supports recursive schemas through $ref', () => {
    const tree = { $defs: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } }, additionalProperties: false } }, $ref: '#/$defs/node' };
    ok(tree, { children: [{ children: [] }, { children: [{ children: [] }] }] });
    bad(tree, { children: [{ children: [{ kids: 1 }] }] }, '$.children[0].children[0].kids');
    const self = { type: 'object', properties: { next: { anyOf: [{ $ref: '#' }, { type: 'null' }] } }, required: ['next'] };
    ok(self, { next: { next: null } });
  });

  it('refuses unsupported assertions, remote refs and bad keywords at compile time', () => {
    for (const schema of [{ if: {} }, { patternProperties: {} }, { $ref: 'https://example.com/s.json' }, { $ref: '#/$defs/missing' }, { type: 'text' }, { pattern: '(?=x)' }, { minLength: -1 }, { anyOf: [] }, 'string']) {
      assert.throws(() => compileSchema(schema), SchemaCompileError, JSON.stringify(schema));
    }
  });

  it('ignores annotations (title, description, format, default)', () => ok({ title: 't', description: 'd', format: 'email', default: 1, type: 'string' }, 'not-an-email'));

  it('bounds the work a schema built to branch exponentially can cause', () => {
    // d_i = anyOf[string, allOf[d_(i-1), d_(i-1)]]: 2^30 visits for the number 1 without a budget.
    const $defs: Record<string, unknown> = { d0: { type: 'number' } };
    for (let i = 1; i <= 30; i++) $defs[`d${i}`] = { anyOf: [{ type: 'string' }, { allOf: [{ $ref: `#/$defs/d${i - 1}` }, { $ref: `#/$defs/d${i - 1}` }] }] };
    const started = performance.now();
    const r = compileSchema({ $defs, $ref: '#/$defs/d30' }).validate(1);
    assert.ok(performance.now() - started < 2000);
    assert.match(r?.message ?? '', /budget/);
    // Inlined copies of a shared sub-schema count as nodes: a schema cannot be made huge by aliasing.
    let s: unknown = { type: 'number' };
    for (let i = 0; i < 20; i++) s = { allOf: [s, s] };
    assert.throws(() => compileSchema(s), /more than 10000 nodes/);
  });

  it('checkAnswer: the answer must be JSON (an object when no schema is given)', () => {
    assert.match(checkAnswer(undefined, 'Sure! {"a":1}')?.message ?? '', /not valid JSON/);
    assert.match(checkAnswer(undefined, '[1]')?.message ?? '', /not a JSON object/);
    assert.equal(checkAnswer(undefined, '{"a":1}'), undefined);
    assert.equal(checkAnswer(compileSchema(EVENT), JSON.stringify(GOOD)), undefined);
    assert.equal(checkAnswer(compileSchema(EVENT), `${'['.repeat(100_000)}${']'.repeat(100_000)}`)?.path, '$');
  });
});
