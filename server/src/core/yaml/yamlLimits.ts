// The `yaml` library recurses once or more per level of nesting and runs out of stack near
// 1,000 levels (`[[[[…`, `- - - …`, or block maps indented one space deeper per line). A
// RangeError would be caught, but V8 can also abort the whole process: a regular expression
// compiled (or recompiled for speed) while the stack is nearly exhausted fails with "FATAL
// ERROR: RegExpCompiler Allocation failed - process out of memory", which no try/catch can
// stop. It happened in the CLI on a memo whose front matter was 20,000 `[` deep. So the
// library never sees nesting anywhere near that deep: front matter, tenets, people and the
// config nest two or three levels.

/** Nesting levels (flow brackets, block indentation, `- ` / `? ` / `: ` indicators) the library is given at most. */
export const MAX_YAML_NESTING = 256;

/**
 * The offset where the text nests deeper than MAX_YAML_NESTING, or undefined. An upper
 * estimate in one linear pass: brackets are counted even inside quotes, and each deeper
 * indentation counts as a level.
 */
export function yamlNestingExceeded(source: string): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = 0;
  while (lineStart < source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    let i = lineStart;
    while (i < lineEnd && source.charCodeAt(i) === 32) i++;
    const indent = i - lineStart;
    const first = source[i];
    if (i < lineEnd && first !== '#' && first !== '\r') {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      // `- - - x` and `? - x` open one level per indicator on a single line.
      let indicators = 0;
      while (i < lineEnd && /[-?:]/.test(source[i]!) && (i + 1 === lineEnd || source[i + 1] === ' ' || source[i + 1] === '\t')) {
        indicators++;
        i += 2;
        while (i < lineEnd && (source[i] === ' ' || source[i] === '\t')) i++;
        if (indents.length + indicators + flow > MAX_YAML_NESTING) return i;
      }
      for (; i < lineEnd; i++) {
        const c = source.charCodeAt(i);
        if (c === 91 /* [ */ || c === 123 /* { */) {
          if (indents.length + indicators + ++flow > MAX_YAML_NESTING) return i;
        } else if ((c === 93 /* ] */ || c === 125) /* } */ && flow > 0) flow--;
      }
      if (indents.length + indicators + flow > MAX_YAML_NESTING) return lineStart;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}
