// A small expander for VS Code snippet bodies, for tests: tab stops, placeholders, choices,
// mirrors, and variables with regex transforms, resolved the way VS Code's snippet parser does
// (the first tab stop of an index with a default defines it for every mirror; a transform's
// `${1:-else}` yields the group when it matched). It throws on anything it does not understand,
// so a typo in a snippet fails a test rather than showing up as literal text in the editor.

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; children: SnippetNode[]; transform?: Transform };

interface Transform {
  regex: RegExp;
  format: FormatPart[];
}

type FormatPart = string | { group: number; ifValue?: string; elseValue?: string };

class SnippetParser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parse(): SnippetNode[] {
    const nodes = this.nodes(false);
    if (this.pos !== this.src.length) throw new Error(`unexpected text at ${this.pos}: ${this.src.slice(this.pos)}`);
    return nodes;
  }

  /** Nodes up to the end, or up to an unescaped `}` when inside a placeholder. */
  private nodes(insidePlaceholder: boolean): SnippetNode[] {
    const out: SnippetNode[] = [];
    let text = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      const next = this.src[this.pos + 1];
      if (c === '\\' && next !== undefined && '$}\\'.includes(next)) {
        text += next;
        this.pos += 2;
        continue;
      }
      if (c === '}' && insidePlaceholder) break;
      const node = c === '$' ? this.dollar() : undefined;
      if (node) {
        if (text) out.push({ kind: 'text', value: text });
        text = '';
        out.push(node);
        continue;
      }
      text += c;
      this.pos++;
    }
    if (text) out.push({ kind: 'text', value: text });
    return out;
  }

  /** A construct starting with `$`, or undefined when the `$` is a plain character. */
  private dollar(): SnippetNode | undefined {
    const rest = this.src.slice(this.pos);
    const simple = /^\$(?:(\d+)|([_a-zA-Z]\w*))/.exec(rest);
    if (simple) {
      this.pos += simple[0].length;
      return simple[1] !== undefined ? { kind: 'tabstop', index: Number(simple[1]), children: [] } : { kind: 'variable', name: simple[2]!, children: [] };
    }
    const braced = /^\$\{(?:(\d+)|([_a-zA-Z]\w*))/.exec(rest);
    if (!braced) return undefined;
    this.pos += braced[0].length;
    const index = braced[1] !== undefined ? Number(braced[1]) : undefined;
    const after = this.take();
    if (after === '}') return index !== undefined ? { kind: 'tabstop', index, children: [] } : { kind: 'variable', name: braced[2]!, children: [] };
    if (after === ':') {
      const children = this.nodes(true);
      this.expect('}');
      return index !== undefined ? { kind: 'tabstop', index, children } : { kind: 'variable', name: braced[2]!, children };
    }
    if (after === '|' && index !== undefined) {
      const choices = this.until('|', ',|\\').split(/(?<!\\),/).map((c) => c.replace(/\\(.)/g, '$1'));
      this.expect('}');
      return { kind: 'tabstop', index, children: [], choices };
    }
    if (after === '/' && index === undefined) {
      const regex = this.until('/', '/').replace(/\\\//g, '/');
      const format = parseFormat(this.until('/', '/$}\\'));
      const flags = this.until('}', '');
      return { kind: 'variable', name: braced[2]!, children: [], transform: { regex: new RegExp(regex, flags), format } };
    }
    throw new Error(`unexpected ${JSON.stringify(after)} after ${braced[0]}`);
  }

  /** Raw text up to an unescaped `end` (consumed); escapes of `escapable` characters are kept. */
  private until(end: string, escapable: string): string {
    let out = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      const next = this.src[this.pos + 1];
      if (c === '\\' && next !== undefined && escapable.includes(next)) {
        out += c + next;
        this.pos += 2;
        continue;
      }
      this.pos++;
      if (c === end) return out;
      out += c;
    }
    throw new Error(`missing ${end}`);
  }

  private take(): string | undefined {
    return this.src[this.pos++];
  }

  private expect(c: string): void {
    if (this.take() !== c) throw new Error(`expected ${c} at ${this.pos - 1} in ${this.src}`);
  }
}

/** `$1`, `${1}`, `${1:+if}`, `${1:-else}`, `${1:else}`, `${1:?if:else}` and text. */
function parseFormat(src: string): FormatPart[] {
  const parts: FormatPart[] = [];
  const re = /\\(.)|\$(\d+)|\$\{(\d+)(?::(?:\+([^}]*)|\?([^:}]*):([^}]*)|-?([^}]*)))?\}|([^\\$]+|\$)/g;
  for (const m of src.matchAll(re)) {
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push({ group: Number(m[2]) });
    else if (m[3] !== undefined) {
      const group = Number(m[3]);
      if (m[4] !== undefined) parts.push({ group, ifValue: m[4] });
      else if (m[5] !== undefined) parts.push({ group, ifValue: m[5], elseValue: m[6] });
      else if (m[7] !== undefined) parts.push({ group, elseValue: m[7] });
      else parts.push({ group });
    } else parts.push(m[8]!);
  }
  return parts;
}

/** Applies a variable transform as VS Code does: its else branches also apply when the regex does not match. */
function applyTransform(value: string, t: Transform): string {
  const format = (groups: (string | undefined)[]) =>
    t.format
      .map((p) => {
        if (typeof p === 'string') return p;
        const g = groups[p.group];
        if (g && p.ifValue !== undefined) return p.ifValue;
        if (!g && p.elseValue !== undefined) return p.elseValue;
        return g ?? '';
      })
      .join('');
  let matched = false;
  const out = value.replace(t.regex, (...args: unknown[]) => {
    matched = true;
    return format(args.slice(0, -2) as (string | undefined)[]);
  });
  return !matched && t.format.some((p) => typeof p !== 'string' && p.elseValue) ? format([]) : out;
}

export interface ExpandOptions {
  /** Values of the editor's variables (`TM_FILENAME_BASE`, `CURRENT_YEAR`, …). */
  vars?: Record<string, string>;
  /** What the writer typed or chose at a tab stop; the default is left elsewhere. */
  values?: Record<number, string>;
}

/** The tab stop that defines each index's default: VS Code mirrors it to the bare `$n` elsewhere. */
function definingTabStops(nodes: SnippetNode[], into = new Map<number, SnippetNode & { kind: 'tabstop' }>()) {
  for (const n of nodes) {
    if (n.kind === 'text') continue;
    if (n.kind === 'tabstop' && (n.children.length > 0 || n.choices) && !into.has(n.index)) into.set(n.index, n);
    definingTabStops(n.children, into);
  }
  return into;
}

/** Parses a snippet body; throws on a construct it does not understand. */
export function parseSnippet(body: string): SnippetNode[] {
  return new SnippetParser(body).parse();
}

/** The text VS Code inserts when the writer tabs through every stop without typing (or types `values`). */
export function expandSnippet(body: string, options: ExpandOptions = {}): string {
  const nodes = parseSnippet(body);
  const defining = definingTabStops(nodes);
  const vars: Record<string, string> = { ...options.vars };
  const render = (list: SnippetNode[]): string =>
    list
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'variable') {
          const value = vars[n.name];
          if (value === undefined) return render(n.children);
          return n.transform ? applyTransform(value, n.transform) : value;
        }
        const typed = options.values?.[n.index];
        if (typed !== undefined) return typed;
        const def = defining.get(n.index);
        return def ? (def.choices ? def.choices[0]! : render(def.children)) : '';
      })
      .join('');
  return render(nodes);
}

/** Every placeholder default (tab stops with text), as written. */
export function placeholderDefaults(body: string): { index: number; nodes: SnippetNode[] }[] {
  const out: { index: number; nodes: SnippetNode[] }[] = [];
  const walk = (list: SnippetNode[]) => {
    for (const n of list) {
      if (n.kind === 'text') continue;
      if (n.kind === 'tabstop' && n.children.length > 0) out.push({ index: n.index, nodes: n.children });
      walk(n.children);
    }
  };
  walk(parseSnippet(body));
  return out;
}
