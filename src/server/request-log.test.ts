import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger, type Logger } from '../log.js';
import { lazyChild } from './request-log.js';

function capture(level: 'info' | 'warn'): { log: Logger; lines: () => Record<string, unknown>[]; children: () => number } {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const log = createLogger({ level, destination });
  let made = 0;
  const child = log.child.bind(log);
  log.child = ((...args: Parameters<Logger['child']>) => {
    made++;
    return child(...args);
  }) as Logger['child'];
  return { log, lines: () => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), children: () => made };
}

test('level checks and handing the logger on make no child', () => {
  const { log, children } = capture('warn');
  const lazy = lazyChild(log, { requestId: 'r1' });
  assert.equal(lazy.isLevelEnabled('info'), false);
  assert.equal(lazy.isLevelEnabled('warn'), true);
  assert.equal(lazy.level, 'warn');
  assert.equal(children(), 0);
});

test('the first log call makes one child carrying the bindings, with redaction kept', () => {
  const { log, lines, children } = capture('info');
  const lazy = lazyChild(log, { requestId: 'r2' });
  lazy.info({ stage: 'identity', authorization: 'Bearer pc_secret' }, 'first');
  lazy.warn('second');
  assert.equal(children(), 1);
  const [first, second] = lines();
  assert.equal(first?.['requestId'], 'r2');
  assert.equal(first?.['msg'], 'first');
  assert.equal(first?.['authorization'], '[REDACTED]');
  assert.equal(second?.['requestId'], 'r2');
  assert.equal(second?.['level'], 40);
});

test('a level set on the request logger applies to it, not to the parent', () => {
  const { log, lines } = capture('warn');
  const lazy = lazyChild(log, { requestId: 'r3' });
  lazy.level = 'info';
  lazy.info('shown');
  log.info('hidden');
  assert.deepEqual(lines().map((l) => l['msg']), ['shown']);
});
