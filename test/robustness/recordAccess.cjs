// Preload for security.test.ts (`node --require`, through NODE_OPTIONS): records what the process
// under test does to the file system and to the machine: every file it opens or reads, every
// folder it lists, every module it compiles, every child process it starts. Paths are recorded
// as given and as their real path (symlinks followed), and written as JSON to
// `$ACCESS_LOG.<pid>.json` when the process exits. It changes no behaviour.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const childProcess = require('node:child_process');
const { fileURLToPath } = require('node:url');

const out = { pid: process.pid, argv: process.argv, opened: [], listed: [], compiled: [], spawned: [] };
const realpath = fs.realpathSync.native;
// The recorder's own file system calls (realpath, the final write) are not the program's.
let recording = false;

function where(p) {
  if (typeof p === 'number') return undefined; // a file descriptor: its open was recorded
  const text = p instanceof URL ? fileURLToPath(p) : Buffer.isBuffer(p) ? p.toString() : String(p);
  const given = path.resolve(text);
  let real = given;
  try {
    real = realpath(given);
  } catch {
    // Missing or a broken link: the given path is all there is.
  }
  return { given, real };
}

function record(target, name, kind) {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function recorded(...args) {
    if (!recording) {
      recording = true;
      try {
        const at = where(args[0]);
        if (at) out[kind].push({ via: name, ...at });
      } catch {
        // Recording must never change what the program sees.
      } finally {
        recording = false;
      }
    }
    return original.apply(this, args);
  };
}

for (const name of ['openSync', 'open', 'readFileSync', 'readFile', 'createReadStream']) record(fs, name, 'opened');
for (const name of ['open', 'readFile']) record(fs.promises, name, 'opened');
for (const name of ['readdirSync', 'readdir', 'opendirSync', 'opendir']) record(fs, name, 'listed');
for (const name of ['readdir', 'opendir']) record(fs.promises, name, 'listed');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const original = childProcess[name];
  childProcess[name] = function recordedSpawn(...args) {
    out.spawned.push({ via: name, command: String(args[0]) });
    return original.apply(this, args);
  };
}
const compile = Module.prototype._compile;
Module.prototype._compile = function recordedCompile(content, filename) {
  out.compiled.push(filename);
  return compile.call(this, content, filename);
};

process.on('exit', () => {
  recording = true;
  if (process.env.ACCESS_LOG) fs.writeFileSync(`${process.env.ACCESS_LOG}.${process.pid}.json`, JSON.stringify(out));
});
