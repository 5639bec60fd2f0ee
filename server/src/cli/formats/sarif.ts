import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDocUrl, type Rule } from '../../core/check/rule';
import { type Diagnostic, type Range, type RelatedLocation } from '../../core/types';
import { writeReport, type CheckReport, type ReportWriter } from '../checkReport';
import { TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from '../toolInfo';
import { type Severity } from '../../shared/vocabulary';

// `--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps). One run;
// the driver lists every rule so a viewer can explain any result; file locations are relative
// to the `ROOT` base id, which `originalUriBaseIds` ties to the checked folder.

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const ROOT_BASE_ID = 'ROOT';

/** The report as a SARIF 2.1.0 log, pretty-printed. `rules` are all the rules the tool knows. */
export function formatSarif(report: CheckReport, rules: readonly Rule[]): string {
  return writeReport(sarifWriter(rules), report);
}

/**
 * The log as `JSON.stringify(log, null, 2)` prints it, written a file at a time: the log with no
 * results is cut where its results go, and each result is printed at that depth.
 */
export function sarifWriter(rules: readonly Rule[]): ReportWriter {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  let tail = '';
  let indent = '';
  let results = 0;
  return {
    begin(root) {
      const text = JSON.stringify(sarifLog(root, rules), null, 2);
      // `results` is the last member of the one run: its empty array is the last `[]` of the text.
      const at = text.lastIndexOf('"results": []');
      const lineStart = text.lastIndexOf('\n', at) + 1;
      indent = ' '.repeat(at - lineStart);
      tail = text.slice(at + '"results": ['.length);
      return text.slice(0, at + '"results": ['.length);
    },
    file(diagnostics) {
      const out = diagnostics.map((d) => (results++ === 0 ? '\n' : ',\n') + JSON.stringify(sarifResult(d, ruleIndex), null, 2).replace(/^/gm, `${indent}  `));
      return out.join('');
    },
    end: () => (results > 0 ? `\n${indent}` : '') + tail + '\n',
  };
}

function sarifResult(d: Diagnostic, ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: d.rule,
    level: sarifLevel(d.severity),
    message: { text: d.message },
    locations: [physical(d.file, d.range)],
  };
  const index = ruleIndex.get(d.rule);
  if (index !== undefined) result.ruleIndex = index;
  if (d.related?.length) result.relatedLocations = d.related.map(related);
  // Silenced by a comment in the memo: reported, and marked so dashboards do not count it.
  if (d.suppressed) result.suppressions = [{ kind: 'inSource', ...(d.suppressed.justification ? { justification: d.suppressed.justification } : {}) }];
  return result;
}

function sarifLog(root: string, rules: readonly Rule[]): Sarif.Log {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: TOOL_INFORMATION_URI,
            rules: rules.map(descriptor),
          },
        },
        // A base URI must end with a slash, or relative paths would resolve beside the folder.
        originalUriBaseIds: { [ROOT_BASE_ID]: { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
        // Our columns count UTF-16 code units, as editors do.
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
}

function descriptor(rule: Rule): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: ruleDocUrl(rule.id),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
  };
}

/** SARIF has no info or hint level; both are notes. */
function sarifLevel(severity: Severity): Sarif.Result.level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function related(r: RelatedLocation, index: number): Sarif.Location {
  // Ids keep two related locations at the same place distinct (SARIF wants them unique).
  return { id: index, ...physical(r.file, r.range), message: { text: r.message } };
}

function physical(file: string, range: Range): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(file), uriBaseId: ROOT_BASE_ID },
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  };
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, `#`, `%`). */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
