import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandSnippet, type ExpandOptions } from './snippetExpander';

// The shipped markdown snippets, read as VS Code reads them, and expanded on a fixed day and
// file name so a test does not depend on the clock or the editor.

const ROOT = join(__dirname, '../..');

export interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

export function loadSnippets(file: string): Record<string, Snippet> {
  // Strict JSON on purpose: the files carry no comments, so any JSON tool can read them.
  return JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, Snippet>;
}

export const MARKDOWN = loadSnippets('snippets/markdown.code-snippets');

export function byPrefix(snippets: Record<string, Snippet>, prefix: string): Snippet {
  const found = Object.values(snippets).find((s) => [s.prefix].flat().includes(prefix));
  if (!found) throw new Error(`no snippet with prefix ${prefix}`);
  return found;
}

export function bodyText(snippet: Snippet): string {
  return [snippet.body].flat().join('\n');
}

const EDITOR_VARS = { CURRENT_YEAR: '2026', CURRENT_MONTH: '05', CURRENT_DATE: '01', TM_FILENAME_BASE: '0007-use-a-cache' };

export function expand(snippet: Snippet, options: ExpandOptions = {}): string {
  return expandSnippet(bodyText(snippet), { ...options, vars: { ...EDITOR_VARS, ...options.vars } });
}
