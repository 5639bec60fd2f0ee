import type { CheckReport } from '../checkReport';
import { oneBased } from '../checkReport';

// `--format json`: one document per run, a stable shape for scripts. Only the fields below, in
// this order; related locations and fixes stay out (SARIF carries related locations).

interface JsonDiagnostic {
  file: string;
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The report as `{"version":1,"root","files","diagnostics":[…]}` on one line. */
export function formatJson(report: CheckReport): string {
  const diagnostics: JsonDiagnostic[] = report.diagnostics.map((d) => {
    const start = oneBased(d.range.start);
    const end = oneBased(d.range.end);
    return { file: d.file, rule: d.rule, severity: d.severity, message: d.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
  return JSON.stringify({ version: 1, root: report.root, files: report.memoCount, diagnostics }) + '\n';
}
