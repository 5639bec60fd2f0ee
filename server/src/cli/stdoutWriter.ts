import { writeSync } from 'node:fs';

// Why the CLI does not simply call `process.stdout.write`: when stdout is a pipe (a CI runner, `| jq`),
// Node's pipe stream is non-blocking, and whatever the reader has not taken yet is queued in
// memory until the event loop runs again. A check streams its report while it works and yields
// only at the end, so the whole report (30 MB of JSON at 50,000 memos) was held before a byte
// left. Written synchronously, at most one 64 KB batch is in memory, and a slow reader slows the
// check instead of growing it.

/** Where the writer's pieces come from; the defaults are the process's own. Tests pass fakes. */
export interface StdoutPort {
  isTTY: boolean;
  /** Bytes the stream still queues: written in order after them, or not at all. */
  queuedBytes(): number;
  /** The stream's own asynchronous write. */
  streamWrite(text: string): void;
  /** `fs.writeSync` on stdout's descriptor: returns the bytes written, throws EAGAIN when the pipe is full. */
  writeSync(bytes: Uint8Array, offset: number): number;
  /** Waits about `ms` milliseconds without spinning. */
  pause(ms: number): void;
  /** The reader has gone (EPIPE). */
  closed(): void;
}

const STDOUT_FD = 1;

/** The writer for this process's stdout: synchronous for pipes and files, the stream's own for a terminal and on Windows. */
export function processStdoutWriter(closed: () => void): (text: string) => void {
  // A Windows pipe is not a file descriptor `writeSync` can wait on, and a terminal is written synchronously already.
  if (process.platform === 'win32') return (text) => void process.stdout.write(text);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  return stdoutWriter({
    isTTY: process.stdout.isTTY === true,
    queuedBytes: () => process.stdout.writableLength,
    streamWrite: (text) => void process.stdout.write(text),
    writeSync: (bytes, offset) => writeSync(STDOUT_FD, bytes, offset),
    pause: (ms) => void Atomics.wait(sleeper, 0, 0, ms),
    closed,
  });
}

export function stdoutWriter(port: StdoutPort): (text: string) => void {
  if (port.isTTY) return (text) => port.streamWrite(text);
  return (text) => {
    if (text === '') return;
    // Something written earlier through the stream (commander's help, say) must come out first.
    if (port.queuedBytes() > 0) return port.streamWrite(text);
    writeAll(port, Buffer.from(text, 'utf8'));
  };
}

function writeAll(port: StdoutPort, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += port.writeSync(bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') port.pause(1);
      else if (code === 'EPIPE') return port.closed();
      else throw error;
    }
  }
}
