import { describe, expect, it } from 'vitest';
import { completion } from '../../server/src/service/features/completion';
import { documentSymbols } from '../../server/src/service/features/documentSymbols';
import { hover } from '../../server/src/service/features/hover';
import { NO_CLIENT_FLAGS } from '../../server/src/service/host';
import { BASE_TENETS } from '../helpers/memoWorkspace';
import { METHOD_PEOPLE, methodMemo, SCORECARD, SHEET, swap } from '../helpers/methodMemo';
import { positionParams, serviceOn } from './harness';

// The method's structures in the editor: labels offered inside an alignment sheet or scorecard,
// the date a stage gate falls due on hover, and their parts and rows in the outline.

const FILE = 'decisions/0001-cache.md';
const files = (memo: string) => ({ 'tenets.yaml': BASE_TENETS, 'people.yaml': METHOD_PEOPLE, [FILE]: memo });
const value = (h: ReturnType<typeof hover>) => (h?.contents as { value: string } | undefined)?.value ?? '';

describe('label completion in the method’s sections', () => {
  const sheetWithout = (...prefixes: string[]) => SHEET.filter((l) => !prefixes.some((p) => l.startsWith(p)));

  it('offers the parts an alignment sheet lacks, on a new line of the sheet, as snippets', async () => {
    const sheet = [...sheetWithout('- **Guardrail', '- **Aim'), '- ', ''];
    const f = await serviceOn(files(methodMemo({}, { sheet })));
    f.service.client = { ...NO_CLIENT_FLAGS, completionSnippets: true };
    f.open(FILE);
    const pos = f.at(FILE, '\n- \n', 3);
    const list = completion(f.service, { textDocument: { uri: f.uri(FILE) }, position: pos })!;
    expect(list.items.map((i) => i.label)).toEqual(['Aim:', 'Guardrail:']);
    const guardrail = list.items[1]!;
    expect(guardrail.insertTextFormat).toBe(2);
    expect(guardrail.textEdit).toEqual({ range: { start: pos, end: pos }, newText: '**Guardrail:** ${1:SIGNALS} stays ${2|below,above|} ${3:X}.' });
  });

  it('adds the bullet when none is typed, and writes plain text for an editor without snippets', async () => {
    const sheet = [...sheetWithout('- **Stage gate'), 'sta', ''];
    const f = await serviceOn(files(methodMemo({}, { sheet })));
    f.open(FILE);
    const list = completion(f.service, positionParams(f, FILE, '\nsta\n', 4))!;
    const gate = list.items.find((i) => i.label === 'Stage gate:')!;
    expect(gate.insertTextFormat).toBe(1);
    expect(gate.textEdit).toMatchObject({ newText: '- **Stage gate:** We will continue if SIGNALS ≥ X by week 2.' });
    expect(gate.filterText).toBe('**Stage gate');
  });

  it('offers the scorecard its decision owner and escalation path lines, and nothing outside the sections', async () => {
    const scorecard = [...SCORECARD.filter((l) => !l.startsWith('- **Decision owner')), ''];
    const f = await serviceOn(files(methodMemo({}, { scorecard: swap(scorecard, '- **Escalation path:** bob, then carol', ['- **Escalation path:** bob, then carol', '- **']) })));
    f.open(FILE);
    const list = completion(f.service, positionParams(f, FILE, '\n- **\n', 5))!;
    expect(list.items.map((i) => i.label)).toEqual(['Decision owner:']);
    // In the claim lines above the sheet, no label is offered.
    expect(completion(f.service, positionParams(f, FILE, 'Claim: We', 0))).toBeNull();
  });

  it('stays quiet while a sentence is written in the section (a space triggers completion)', async () => {
    const f = await serviceOn(files(methodMemo({}, { sheet: [...SHEET, 'To be ', ''] })));
    f.open(FILE);
    expect(completion(f.service, positionParams(f, FILE, 'To be ', 6))).toBeNull();
  });
});

describe('stage gate hover', () => {
  it('shows the date `by week N` falls on, counted from the memo’s date, and that it was reviewed', async () => {
    const f = await serviceOn(files(methodMemo()));
    f.open(FILE);
    const h = hover(f.service, positionParams(f, FILE, 'We will continue if', 3))!;
    expect(value(h)).toBe("**Stage gate** due **2026-05-15** (week 2 from the memo's date 2026-05-01). Reviewed on 2026-05-20.");
    expect(h.range).toEqual({ start: f.at(FILE, 'We will continue if'), end: f.at(FILE, '40 % by week 2.', 15) });
  });

  it('says how overdue a gate is, or how far ahead, and what is wrong with a gate it cannot date', async () => {
    const gate = (text: string, fields: Record<string, string | undefined> = { reviewed: undefined }) =>
      methodMemo(fields, { sheet: swap(SHEET, '- **Stage gate:** We will continue if the cache hit rate ≥ 40 % by week 2.', `- **Stage gate:** ${text}`) });
    const shown = async (memo: string) => {
      const f = await serviceOn(files(memo));
      f.open(FILE);
      return value(hover(f.service, positionParams(f, FILE, 'Stage gate:', 3)));
    };
    expect(await shown(gate('We will continue if hit rate ≥ 40 % by week 2.'))).toBe("**Stage gate** due **2026-05-15** (week 2 from the memo's date 2026-05-01). 17 days ago, not reviewed since.");
    expect(await shown(gate('We will continue if hit rate ≥ 40 % by 2026-06-11.'))).toBe('**Stage gate** due **2026-06-11**. In 10 days.');
    expect(await shown(gate('We will continue if hit rate ≥ 40 % by week -3.'))).toBe('**Stage gate**: `by week -3` counts back; a gate is `by week N` with N ≥ 1.');
    expect(await shown(gate('We will continue if hit rate ≥ 40 % by 2026-13-45.'))).toBe('**Stage gate**: `2026-13-45` is not a real date.');
    expect(await shown(gate('We will continue if hit rate ≥ 40 %.'))).toContain('no date');
    expect(await shown(gate('We will continue if hit rate ≥ 40 % by week 2.', { date: undefined, reviewed: undefined }))).toContain('no `date` to count from');
  });
});

describe('outline of the method’s structures', () => {
  it('lists the sheet’s parts, the scorecard’s signals, owner lines and dependencies, and the log’s rows', async () => {
    const f = await serviceOn(files(methodMemo()));
    f.open(FILE);
    const symbols = documentSymbols(f.service, { textDocument: { uri: f.uri(FILE) } });
    const top = symbols.find((s) => s.name === 'Use a cache for the search API')!;
    const section = (name: string) => top.children!.find((c) => c.name === name)!;
    expect(section('Alignment sheet').children!.map((c) => c.name)).toEqual(['Aim', 'Mechanism', 'Feedback signals', 'Stage gate', 'Guardrail', 'Owner and cadence']);
    const scorecard = section('Scorecard: step 2').children!;
    expect(scorecard.map((c) => c.name)).toEqual(['Capacity signals', 'Decision owner', 'Escalation path', 'Dependencies']);
    expect(scorecard[0]!.children!.map((c) => [c.name, c.detail])).toEqual([
      ['queue depth', '≤ 500 jobs'],
      ['cache memory', '< 80 %'],
      ['on-call pages', '< 3 a week'],
    ]);
    expect(section('Evidence log').children!.map((c) => [c.name, c.detail])).toEqual([['step 1', 'continue']]);
    // Every selection range lies inside its range (VS Code rejects the outline otherwise).
    const inside = (s: (typeof symbols)[number]): boolean =>
      (s.selectionRange.start.line > s.range.start.line || (s.selectionRange.start.line === s.range.start.line && s.selectionRange.start.character >= s.range.start.character)) && (s.children ?? []).every(inside);
    expect(symbols.every(inside)).toBe(true);
  });
});
