// Workspace text (tenet statements, titles, people, file names) shown in hovers and completion
// documentation, which editors render as markdown. Escaped, it stays text: a hostile tenet cannot
// make the editor show a remote image (a request to someone's server on hover), a link or HTML.

/** Text as literal markdown: backslash-escapes what could start a link, an image, HTML, code or emphasis. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/** Text as one code span, whatever backticks it holds (a code span renders no markup). */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
