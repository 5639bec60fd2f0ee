// The words of a line for counting, without a string per word. Counting terms runs over every
// word of every memo, twice in a check (indexing, then ranking); cutting each word out of its
// line and hashing it in a `Map` was most of that time and most of its garbage. Here a line is
// scanned once for word boundaries, and each word is looked up by its characters in place.
//
// A word is what `words` (language.ts) matches on the lower-cased line:
// /[a-z][a-z0-9]*(?:'[a-z]+)?|[0-9]+[a-z]+[a-z0-9]*/g. lineWords.test.ts holds the two together.

const A = 97;
const Z = 122;
const ZERO = 48;
const NINE = 57;
const APOSTROPHE = 39;

const isLetter = (c: number) => c >= A && c <= Z;
const isLetterOrDigit = (c: number) => (c >= A && c <= Z) || (c >= ZERO && c <= NINE);

/** Word spans of a lower-cased line: word `k` is `line.slice(starts[k], ends[k])`. */
export interface WordSpans {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/** Finds the words of a lower-cased line into `spans` (its arrays grow as needed), as `words` would. */
export function scanWords(line: string, spans: WordSpans): void {
  const n = line.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    let end: number;
    if (isLetter(c)) {
      end = i + 1;
      while (end < n && isLetterOrDigit(line.charCodeAt(end))) end++;
      if (end + 1 < n && line.charCodeAt(end) === APOSTROPHE && isLetter(line.charCodeAt(end + 1))) {
        end += 2;
        while (end < n && isLetter(line.charCodeAt(end))) end++;
      }
    } else if (c >= ZERO && c <= NINE) {
      let j = i + 1;
      while (j < n && line.charCodeAt(j) >= ZERO && line.charCodeAt(j) <= NINE) j++;
      // Digits count only when letters follow them (`10x`, `p99` is a letter word); bare numbers are skipped.
      if (j < n && isLetter(line.charCodeAt(j))) {
        end = j + 1;
        while (end < n && isLetterOrDigit(line.charCodeAt(end))) end++;
      } else {
        i = j;
        continue;
      }
    } else {
      i++;
      continue;
    }
    if (count === spans.starts.length) grow(spans);
    spans.starts[count] = i;
    spans.ends[count] = end;
    count++;
    i = end;
  }
  spans.count = count;
}

function grow(spans: WordSpans): void {
  const starts = new Int32Array(spans.starts.length * 2 || 64);
  const ends = new Int32Array(starts.length);
  starts.set(spans.starts);
  ends.set(spans.ends);
  spans.starts = starts;
  spans.ends = ends;
}

/**
 * What is known of each word seen, found by the word's characters inside its line (open
 * addressing on a hash of the characters), so a word seen before costs no string. `make` says
 * what to know of a word the first time it is met.
 */
export class WordTable<T> {
  private words: (string | undefined)[] = [];
  private values: T[] = [];
  private hashes = new Int32Array(0);
  private size = 0;

  constructor(private readonly make: (word: string) => T) {
    this.clear();
  }

  get count(): number {
    return this.size;
  }

  clear(): void {
    this.words = new Array<string | undefined>(1024).fill(undefined);
    this.values = new Array<T>(1024);
    this.hashes = new Int32Array(1024);
    this.size = 0;
  }

  /** What is known of `line.slice(start, end)`. */
  get(line: string, start: number, end: number): T {
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ line.charCodeAt(k), 0x01000193);
    const mask = this.words.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const word = this.words[slot];
      if (word === undefined) return this.insert(slot, h, line.slice(start, end));
      if (this.hashes[slot] === h && sameCharacters(word, line, start, end)) return this.values[slot]!;
    }
  }

  private insert(slot: number, hash: number, word: string): T {
    // A copy: a cut of 13 characters or more would keep the whole line alive.
    const own = word.length < 13 ? word : (' ' + word).slice(1);
    const value = this.make(own);
    this.words[slot] = own;
    this.values[slot] = value;
    this.hashes[slot] = hash;
    if (++this.size * 2 > this.words.length) this.rehash();
    return value;
  }

  private rehash(): void {
    const { words, values, hashes } = this;
    const capacity = words.length * 2;
    this.words = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<T>(capacity);
    this.hashes = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (word === undefined) continue;
      let slot = hashes[i]! & mask;
      while (this.words[slot] !== undefined) slot = (slot + 1) & mask;
      this.words[slot] = word;
      this.values[slot] = values[i]!;
      this.hashes[slot] = hashes[i]!;
    }
  }
}

function sameCharacters(word: string, line: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== line.charCodeAt(start + k)) return false;
  return true;
}
