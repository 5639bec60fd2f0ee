import * as path from 'node:path';
import type pc from 'picocolors';
import { type Diagnostic } from '../../core/types';
import { oneBased, tallyingWriter, writeReport, type CheckReport, type ReportWriter, type SeverityCounts } from '../checkReport';
import { type Severity } from '../../shared/vocabulary';

// `--format stylish` (the default): diagnostics grouped by file, one aligned line each
// (`line:col  severity  message  rule-id`), then a one-line summary. Made for a terminal, so
// file names are relative to the current directory and can be clicked.

type Colors = ReturnType<typeof pc.createColors>;

export interface StylishOptions {
  colors: Colors;
  /** File names are shown relative to this folder when they lie inside it. */
  cwd: string;
  /** Only errors were kept (`--quiet`): the all-clear line says "no errors". */
  errorsOnly?: boolean;
}

/** The report as a human-readable, optionally coloured text. */
export function formatStylish(report: CheckReport, options: StylishOptions): string {
  return writeReport(stylishWriter(options), report);
}

export function stylishWriter(options: StylishOptions): ReportWriter {
  const c = options.colors;
  return tallyingWriter({
    file: (diagnostics, root) => [c.underline(displayPath(root, diagnostics[0]!.file, options.cwd)), ...fileLines(diagnostics, c), ''].join('\n') + '\n',
    end(counts, memoCount) {
      if (counts.error + counts.warning + counts.info + counts.hint > 0) return summary(counts, c) + '\n';
      return `${c.green('✔')} ${plural(memoCount, 'memo')} checked: no ${options.errorsOnly ? 'errors' : 'problems'}.\n`;
    },
  });
}

function fileLines(diagnostics: readonly Diagnostic[], c: Colors): string[] {
  const rows = diagnostics.map((d) => {
    const start = oneBased(d.range.start);
    // One diagnostic, one line: a stray newline in a message would break the columns.
    return { position: `${start.line}:${start.column}`, severity: d.severity, message: d.message.replace(/\s*\n\s*/g, ' '), rule: d.rule };
  });
  const width = (pick: (r: (typeof rows)[number]) => string) => Math.max(...rows.map((r) => pick(r).length));
  const positionWidth = width((r) => r.position);
  const severityWidth = width((r) => r.severity);
  const messageWidth = width((r) => r.message);
  // Pad before colouring: escape codes would count as width.
  return rows.map(
    (r) =>
      `  ${c.dim(r.position.padEnd(positionWidth))}  ${paintSeverity(r.severity.padEnd(severityWidth), r.severity, c)}  ${r.message.padEnd(messageWidth)}  ${c.dim(r.rule)}`.trimEnd(),
  );
}

function summary(counts: SeverityCounts, c: Colors): string {
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const text = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}, ${plural(counts.hint, 'hint')})`;
  if (counts.error > 0) return c.bold(c.red(text));
  if (counts.warning > 0) return c.bold(c.yellow(text));
  return c.bold(text);
}

function paintSeverity(text: string, severity: Severity, c: Colors): string {
  switch (severity) {
    case 'error':
      return c.red(text);
    case 'warning':
      return c.yellow(text);
    case 'info':
      return c.blue(text);
    default:
      return c.dim(text);
  }
}

function displayPath(root: string, file: string, cwd: string): string {
  const abs = path.join(root, ...file.split('/'));
  const rel = path.relative(cwd, abs);
  const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  return rel && !outside ? rel : abs;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
