/**
 * `audit verify` speed on either store, and where its time goes:
 *
 *   node dist/bench/audit-verify.js [--store postgres|sqlite] [--records N] [--runs R] [--page ROWS]
 *
 * Fills a fresh store (PostgreSQL: a throw-away schema in PORTCULLIS_TEST_POSTGRES, default
 * postgres://postgres@127.0.0.1:5432/test; SQLite: a temp file) with N chained records whose
 * bodies are ~550 bytes (verify-speed.ts; `npm run bench` uses gateway-sized ~1.6 KB ones), then runs `verifyAudit` R times and
 * reports records/s (median) by wall clock and per CPU-second of this process, next to the rate
 * of only reading the rows (as the verifier does, without checking them) and of only hashing.
 */
import { hash } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { encodeHeader } from '../src/audit/chain.js';
import { verifyAudit } from '../src/audit/verify.js';
import { fillAudit, scratchStore, timeVerify } from './verify-speed.js';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'postgres' },
    records: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    page: { type: 'string' },
    'compare-paging': { type: 'boolean', default: false },
  },
});
const n = Number(values.records);
const runs = Number(values.runs);
// The verifier's own page size unless --page is given.
const pageSize = values.page === undefined ? undefined : Number(values.page);

async function main(): Promise<void> {
  if (values.store !== 'postgres' && values.store !== 'sqlite') throw new Error('--store takes postgres or sqlite');
  const { store, cleanup } = await scratchStore(values.store);
  try {
    // ~550-byte bodies, as this bench always used (verify-speed.ts's gateway-sized ones are npm run bench's).
    await fillAudit(store.audit, n, true);
    const { rates, cpuRates } = await timeVerify(store.audit, n, runs, pageSize);
    const paged: number[] = [];
    // --compare-paging: runs of the verifier with the store's snapshot scan hidden, i.e. paging
    // with `page()` as before the scan existed, under the same load.
    const pagedRepo = { ...store.audit, scan: undefined };
    if (values['compare-paging']) for (let r = 0; r < runs; r++) paged.push((await verifyAudit(pagedRepo, { keys: new Map(), ...(pageSize !== undefined ? { pageSize } : {}) })).recordsPerSecond);
    // Where the time goes: reading every row the way the verifier does (the store's snapshot
    // scan when it has one, else pages) with no verification work, and hashing every record alone.
    let t = performance.now();
    const fetchCpu0 = process.cpuUsage();
    const rows = [];
    if (store.audit.scan) {
      for await (const page of store.audit.scan(0, undefined, pageSize ?? 2_000)) rows.push(...page);
    } else {
      for (let after = 0; ; ) {
        const page = await store.audit.page(after, pageSize ?? 2_000);
        if (page.length === 0) break;
        rows.push(...page);
        after = (page.at(-1) as { seq: number }).seq;
      }
    }
    const fetchCpu = process.cpuUsage(fetchCpu0);
    const fetchS = (performance.now() - t) / 1000;
    t = performance.now();
    for (const row of rows) {
      hash('sha256', encodeHeader(row), 'hex');
      if (row.body !== null) hash('sha256', row.body, 'hex');
    }
    const hashS = (performance.now() - t) / 1000;
    rates.sort((a, b) => a - b);
    cpuRates.sort((a, b) => a - b);
    process.stdout.write(
      `${values.store}: verify ${n} records, ${runs} runs, pages of ${pageSize ?? 'the verifier\'s default'}, load average ${loadavg()[0]?.toFixed(2)}: median ${rates[Math.floor(runs / 2)]} records/s (${rates.join(', ')}); ` +
        `per CPU-second of this process: median ${cpuRates[Math.floor(runs / 2)]} records/s\n` +
        `  read only: ${Math.round(n / fetchS)} records/s (${Math.round(n / ((fetchCpu.user + fetchCpu.system) / 1e6))} per CPU-second); hash only: ${Math.round(n / hashS)} records/s\n` +
        (paged.length > 0 ? `  paging with page() instead: median ${paged.sort((a, b) => a - b)[Math.floor(runs / 2)]} records/s (${paged.join(', ')})\n` : ''),
    );
  } finally {
    await cleanup();
  }
}

await main();
