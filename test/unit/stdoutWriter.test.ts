import { describe, expect, it } from 'vitest';
import { stdoutWriter, type StdoutPort } from '../../server/src/cli/stdoutWriter';

// The CLI's stdout writer: every byte in order through a pipe that is full now and then or takes
// part of a write, the stream's own write for a terminal or behind bytes the stream still queues,
// and a quiet stop when the reader has gone.

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A pipe that refuses every third call (EAGAIN) and takes at most `chunk` bytes per write. */
function fakePipe(chunk: number, overrides: Partial<StdoutPort> = {}) {
  const received: number[] = [];
  const events: string[] = [];
  let calls = 0;
  const port: StdoutPort = {
    isTTY: false,
    queuedBytes: () => 0,
    streamWrite: (text) => void events.push(`stream:${text}`),
    writeSync(bytes, offset) {
      calls += 1;
      if (calls % 3 === 0) throw errno('EAGAIN');
      const end = Math.min(bytes.length, offset + chunk);
      received.push(...bytes.subarray(offset, end));
      return end - offset;
    },
    pause: (ms) => void events.push(`pause:${ms}`),
    closed: () => void events.push('closed'),
    ...overrides,
  };
  return { port, events, text: () => Buffer.from(received).toString('utf8') };
}

describe('stdoutWriter', () => {
  it('writes every byte in order through partial writes and a full pipe, waiting instead of spinning', () => {
    const pipe = fakePipe(7);
    const write = stdoutWriter(pipe.port);
    const parts = ['{"memos":[', 'naïve ✓ ✗ 🙂 “quoted”', '', ']}\n'];
    for (const part of parts) write(part);
    expect(pipe.text()).toBe(parts.join(''));
    expect(pipe.events.filter((e) => e === 'pause:1').length).toBeGreaterThan(0);
    expect(pipe.events.some((e) => e.startsWith('stream:'))).toBe(false);
  });

  it('uses the stream for a terminal', () => {
    const pipe = fakePipe(100, { isTTY: true });
    stdoutWriter(pipe.port)('hello\n');
    expect(pipe.events).toEqual(['stream:hello\n']);
    expect(pipe.text()).toBe('');
  });

  it('goes through the stream while it still queues earlier bytes, so nothing overtakes them', () => {
    let queued = 5;
    const pipe = fakePipe(100, { queuedBytes: () => queued });
    const write = stdoutWriter(pipe.port);
    write('after help\n');
    queued = 0;
    write('later\n');
    expect(pipe.events).toEqual(['stream:after help\n']);
    expect(pipe.text()).toBe('later\n');
  });

  it('stops quietly when the reader has gone, and lets other errors through', () => {
    const gone = fakePipe(100, { writeSync: () => { throw errno('EPIPE'); } });
    stdoutWriter(gone.port)('x');
    expect(gone.events).toEqual(['closed']);
    const broken = fakePipe(100, { writeSync: () => { throw errno('EIO'); } });
    expect(() => stdoutWriter(broken.port)('x')).toThrow('EIO');
  });
});
