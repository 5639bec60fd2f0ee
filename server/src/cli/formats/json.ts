import { oneBased, type ReportWriter } from '../checkReport';

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

/** The report as `{"version":1,"root","files","diagnostics":[…]}` on one line, written a file at a time as `JSON.stringify` of the whole would print it. */
export function jsonWriter(): ReportWriter {
  let first = true;
  return {
    begin: (root, memoCount) => `{"version":1,"root":${JSON.stringify(root)},"files":${memoCount},"diagnostics":[`,
    file(diagnostics) {
      const items = diagnostics.map((d) => {
        const start = oneBased(d.range.start);
        const end = oneBased(d.range.end);
        const item: JsonDiagnostic = { file: d.file, rule: d.rule, severity: d.severity, message: d.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
        return JSON.stringify(item);
      });
      const text = (first ? '' : ',') + items.join(',');
      first = false;
      return text;
    },
    end: () => ']}\n',
  };
}
