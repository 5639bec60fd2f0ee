// Preloaded with `node --require` (through NODE_OPTIONS) when GNU time is not available: on exit,
// appends this process's peak resident set size (getrusage ru_maxrss, in KiB, the figure GNU
// time's `%M` reports) and its user and system CPU seconds (`%U %S`) to the file named by
// BENCH_MAXRSS_FILE, as one line "KiB user sys". Every command the benchmark times
// is a Node program, so this works wherever Node does. Worker threads share the process, so the
// main thread's figure already covers them; only the main thread writes.
'use strict';
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const target = process.env.BENCH_MAXRSS_FILE;
if (target && isMainThread) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      fs.appendFileSync(target, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
    } catch {
      // Measuring must never change the outcome of the command being measured.
    }
  });
}
