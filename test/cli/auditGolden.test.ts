import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../server/src/cli/auditCommand';
import { runCheck, type CommandIo } from '../../server/src/cli/checkCommand';

// `audit --format json` of the example workspace must not change by accident, and what it says
// about authority must be what `check` says memo for memo. The golden file changes only in commits
// that change the audit or the example on purpose: regenerate it with
// `UPDATE_GOLDEN=1 npx vitest run test/cli/auditGolden.test.ts`.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = path.join(ROOT, 'examples/workspace');
const GOLDEN = path.join(ROOT, 'test/golden/audit-example-workspace.json');
/** The day test/cli/golden.test.ts checks the example on. */
const TODAY = '2026-12-01';

function run(command: (io: CommandIo) => number): { code: number; out: string } {
  let out = '';
  const io: CommandIo = { cwd: EXAMPLE, env: {}, stdoutIsTTY: false, today: TODAY, stdout: (t) => void (out += t), note: () => {} };
  const code = command(io);
  // The root is where the checkout happens to live.
  return { code, out: out.split(JSON.stringify(EXAMPLE)).join('"<root>"') };
}

const auditJson = () => run((io) => runAudit(undefined, { format: 'json' }, io));

describe('audit of the example workspace', () => {
  it('is unchanged (JSON golden file)', () => {
    const { code, out } = auditJson();
    const actual = `exit ${code}\n${out}`;
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, actual);
    expect(actual).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('shows each authority figure the example was written to show', () => {
    const report = JSON.parse(auditJson().out);
    expect(report.authorityFiles).toEqual({ matrix: 'authority.yaml', people: 'people.yaml' });
    expect(report.escalations).toEqual({ withoutNeed: ['decisions/0006-autocomplete-debounce.md'], bypassed: ['decisions/problems/0146-customer-data-not-escalated.md'] });
    expect(report.departedOwners).toEqual([{ owner: 'jonas', left: '2026-09-30', memos: ['decisions/problems/0147-owner-has-left.md'] }]);
    expect(report.ownerConcentration).toMatchObject({ top3: ['priya', 'marco', 'lena'] });
    expect(report.ownerConcentration.top3Share).toBe(Math.round((1000 * report.ownerConcentration.held) / report.ownerConcentration.decisions) / 1000);
  });

  it('agrees with check: bypassed escalations are escalation-required, departed owners owner-departed', () => {
    const report = JSON.parse(auditJson().out);
    const check = JSON.parse(run((io) => runCheck([], { format: 'json' }, io)).out) as { diagnostics: { file: string; rule: string; message: string }[] };
    // escalation-required also reports an unreadable `impact` or `spend`; the audit counts only missing approvals.
    const filesOf = (rule: string, message: RegExp) => [...new Set(check.diagnostics.filter((d) => d.rule === rule && message.test(d.message)).map((d) => d.file))].sort();
    expect(filesOf('escalation-required', /must approve/)).toEqual(report.escalations.bypassed);
    expect(filesOf('owner-departed', /./)).toEqual([...new Set(report.departedOwners.flatMap((d: { memos: string[] }) => d.memos))].sort());
  });

  it('prints the authority figures as text', () => {
    const text = run((io) => runAudit(undefined, { format: 'text' }, io)).out;
    expect(text).toContain('Authority and escalation (proposed and accepted memos, matrix authority.yaml, people people.yaml):\n');
    expect(text).toContain('  jonas (left 2026-09-30): decisions/problems/0147-owner-has-left.md\n');
  });
});
