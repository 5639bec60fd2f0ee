// Test-only preload for the language server (loaded with `node --expose-gc --require` by
// serverLoad.test.ts; the product never loads it): on SIGUSR2 it runs a full garbage collection
// and reports the memory in use on stderr, so a memory test measures live objects rather than
// garbage V8 has not collected yet. Nothing in the server changes for it.
'use strict';
if (typeof globalThis.gc !== 'function') throw new Error('gcOnSignal.cjs needs node --expose-gc');
let count = 0;
process.on('SIGUSR2', () => {
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  process.stderr.write(`[gcOnSignal] collected ${++count} heapUsed=${(m.heapUsed / 1048576).toFixed(1)} heapTotal=${(m.heapTotal / 1048576).toFixed(1)} rss=${(m.rss / 1048576).toFixed(1)} external=${(m.external / 1048576).toFixed(1)}\n`);
});
