import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-protocol';
import { ruleDocUrl } from '../core/check/rule';
import { type Diagnostic as CoreDiagnostic } from '../core/types';
import { type Severity } from '../shared/vocabulary';

/** The `source` every diagnostic of the product carries. */
export const DIAGNOSTIC_SOURCE = 'decision-memos';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The one place a core diagnostic becomes an LSP diagnostic: rule id as `code`, its doc page as
 * `codeDescription`, the core's exact range, and related locations turned into URIs of the same folder.
 */
export function toLspDiagnostic(d: CoreDiagnostic, uriOf: (workspacePath: string) => string): Diagnostic {
  const out: Diagnostic = {
    range: d.range,
    severity: SEVERITIES[d.severity],
    code: d.rule,
    codeDescription: { href: ruleDocUrl(d.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri: uriOf(r.file), range: r.range }, message: r.message }));
  }
  // Editors strike through citations of a retired tenet, like a deprecated API.
  if (d.rule === 'tenet-retired') out.tags = [DiagnosticTag.Deprecated];
  return out;
}
