import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { forChecking, MemoIndex, summarise, type IndexCounts, type MemoSummary } from '../../server/src/core/workspace/memoIndex';
import { memo } from '../helpers/memoWorkspace';

// A check shared with worker threads holds each memo's entry only as far as checks read it, and
// moves the counts relevance and owner fixes weigh between threads as plain data. These tests pin
// that the counts add up to what one index of every memo counts.

const summaries: MemoSummary[] = [
  ['decisions/0001-a.md', ['id: "0001"', 'owners: [priya]', 'tenets: [ENG-LATENCY]'], 'The p99 latency of checkout went from 182 to 264 ms; we cache the cart.'],
  ['decisions/0002-b.md', ['id: "0002"', 'owners: [priya, omar]', 'tenets: [ENG-LATENCY, CO-TRUST]'], 'Search latency and the cache budget: we shard the index.'],
  ['decisions/0003-c.md', ['id: "0003"', 'owners: [omar]', 'supersedes: ["0001"]'], 'Payments retries: lost writes during failover are replayed from the log.'],
  ['decisions/0004-d.md', ['id: "0004"', 'owners: [lena]', 'tenets: [CO-TRUST]'], 'Pricing pages say what a plan costs, renewals included.'],
].map(([file, fm, body]) => summarise(parseMemo(file as string, `${memo(fm as string[])}\n${body as string}\n`)));

/** Counts in a stable order, so two indexes compare by content. */
function sorted(c: IndexCounts): IndexCounts {
  const byKey = <T extends [string, ...unknown[]]>(list: T[]) => [...list].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { terms: byKey(c.terms), owners: byKey(c.owners), teaching: byKey(c.teaching).map(([id, n, t]) => [id, n, byKey(t)]) };
}

function whole(): MemoIndex {
  const index = new MemoIndex();
  for (const s of summaries) index.set(s);
  return index;
}

describe('MemoIndex counts across threads', () => {
  it('the counts of two halves, added, are the counts of the whole', () => {
    const first = new MemoIndex();
    const second = new MemoIndex();
    summaries.slice(0, 2).forEach((s) => first.set(s));
    summaries.slice(2).forEach((s) => second.set(s));
    for (const s of second.all) first.setCounted(s);
    first.addCounts(second.counts());
    const expected = whole();
    expect(sorted(first.counts())).toEqual(sorted(expected.counts()));
    expect(first.all.map((s) => s.file)).toEqual(expected.all.map((s) => s.file));
    expect(first.memosWithTerm('latenc')).toBe(expected.memosWithTerm('latenc'));
    expect(first.taught('ENG-LATENCY')?.memos).toBe(2);
    expect(first.ownerCounts.get('omar')).toBe(2);
  });

  it('keeping only what checks read leaves the lookups and the counts as they were', () => {
    const full = whole();
    const slim = whole();
    slim.keepOnlyWhatChecksRead();
    expect(sorted(slim.counts())).toEqual(sorted(full.counts()));
    expect(slim.withId('0001').map((s) => s.file)).toEqual(['decisions/0001-a.md']);
    expect(slim.linkedTo('0001').map((s) => s.file)).toEqual(['decisions/0003-c.md']);
    expect(slim.get('decisions/0002-b.md')).toEqual(forChecking(full.get('decisions/0002-b.md')!));
    expect(slim.get('decisions/0002-b.md')?.keyTerms).toEqual([]);
    expect(slim.get('decisions/0002-b.md')?.cited).toEqual(['ENG-LATENCY', 'CO-TRUST']);
  });

  it('slim entries share what they have in common, frozen', () => {
    const slim = new MemoIndex();
    slim.keepOnlyWhatChecksRead();
    for (const s of summaries) slim.set(s);
    const twin = summarise(parseMemo('decisions/0009-twin.md', `${memo(['id: "0009"', 'owners: [priya, omar]', 'tenets: [ENG-LATENCY, CO-TRUST]'])}\nAnother memo by the same owners.\n`));
    slim.set(twin);
    const [b, t] = [slim.get('decisions/0002-b.md')!, slim.get('decisions/0009-twin.md')!];
    expect(t.owners).toBe(b.owners);
    expect(t.cited).toBe(b.cited);
    expect(t.idRange).toBe(b.idRange);
    expect(t.idRange).toEqual(twin.idRange);
    expect(Object.isFrozen(t.owners) && Object.isFrozen(t.idRange.start)).toBe(true);
    expect(slim.withId('0009').map((s) => s.file)).toEqual(['decisions/0009-twin.md']);
  });

  it('a memo entered after the switch is counted whole and kept slim', () => {
    const slim = new MemoIndex();
    slim.keepOnlyWhatChecksRead();
    for (const s of summaries) slim.set(s);
    expect(sorted(slim.counts())).toEqual(sorted(whole().counts()));
    expect(slim.get('decisions/0001-a.md')).toEqual(forChecking(summaries[0]!));
  });

  it('counts replaced by the whole workspace’s are those counts exactly', () => {
    const part = new MemoIndex();
    part.set(summaries[3]!);
    part.replaceCounts(whole().counts());
    expect(sorted(part.counts())).toEqual(sorted(whole().counts()));
  });

  it('counts survive a structured clone (what a worker is sent)', () => {
    const counts = whole().counts();
    expect(structuredClone(counts)).toEqual(counts);
  });
});
