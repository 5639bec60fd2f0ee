import * as path from 'node:path';
import type { Diagnostic } from '../../core/types';
import { oneBased, tallyingWriter, type ReportWriter } from '../checkReport';
import { type Severity } from '../../shared/vocabulary';

// `--format github`: GitHub Actions workflow commands, one per diagnostic, which the runner turns
// into annotations on the pull request's files:
//   ::error file=decisions/0007-x.md,line=3,col=1,endLine=3,endColumn=9,title=owner-missing::No owner…
// followed by one plain summary line for the log. Paths are relative to the repository checkout
// (GITHUB_WORKSPACE when set, else the current folder), which is what the annotations resolve
// against.

export interface GithubOptions {
  /** The folder annotation paths are relative to. */
  base: string;
}

/** The report as workflow commands and a closing summary line. */
export function githubWriter(options: GithubOptions): ReportWriter {
  return tallyingWriter({
    file: (diagnostics, root) => diagnostics.map((d) => command(d, root, options.base) + '\n').join(''),
    end: (c, memoCount) => `decision-memos: ${memoCount} memo${memoCount === 1 ? '' : 's'} checked: ${c.error} errors, ${c.warning} warnings, ${c.info} infos, ${c.hint} hints.\n`,
  });
}

function command(d: Diagnostic, root: string, base: string): string {
  const start = oneBased(d.range.start);
  const end = oneBased(d.range.end);
  const props: [string, string | number][] = [
    ['file', annotationPath(root, d.file, base)],
    ['line', start.line],
    ['col', start.column],
    ['endLine', end.line],
    ['endColumn', end.column],
    ['title', d.rule],
  ];
  return `::${level(d.severity)} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(d.message)}`;
}

/** GitHub has three annotation levels; info and hint are notices. */
function level(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

function annotationPath(root: string, file: string, base: string): string {
  const abs = path.join(root, ...file.split('/'));
  const rel = path.relative(base, abs);
  const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  return (outside ? abs : rel).split(path.sep).join('/');
}

/** The message part of a workflow command (GitHub's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (GitHub's `escapeProperty`): also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
