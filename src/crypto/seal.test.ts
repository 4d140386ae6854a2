import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { open, seal, sealingKey } from './seal.js';

describe('seal/open (AES-256-GCM)', () => {
  const key = sealingKey(randomBytes(32));

  it('round-trips and never contains the plaintext', () => {
    const sealed = seal(key, 'sk-secret-value', 'openai');
    assert.ok(!sealed.includes('sk-secret'));
    assert.equal(open(key, sealed, 'openai'), 'sk-secret-value');
  });

  it('uses a fresh IV each time', () => {
    assert.notEqual(seal(key, 'x', 'n'), seal(key, 'x', 'n'));
  });

  it('refuses another context, another key, and any alteration', () => {
    const sealed = seal(key, 'value', 'a');
    assert.throws(() => open(key, sealed, 'b'));
    assert.throws(() => open(sealingKey(randomBytes(32)), sealed, 'a'), /sealed under key/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] as string, 'base64url');
    body[0] = (body[0] as number) ^ 1;
    parts[3] = body.toString('base64url');
    assert.throws(() => open(key, parts.join('.'), 'a'));
  });

  it('requires a 32-byte key', () => {
    assert.throws(() => sealingKey(Buffer.alloc(16)));
  });
});
