import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { conceptsOf } from '../../server/src/core/relevance/concepts';
import { whyRelevant } from '../../server/src/core/relevance/explain';
import { terms } from '../../server/src/core/relevance/language';
import { keyTerms, memoTerms } from '../../server/src/core/relevance/memoTerms';
import { tenetProfile } from '../../server/src/core/relevance/tenetProfile';
import { parseTenetFile } from '../../server/src/core/tenets/tenetParser';
import { check, goodMemo } from '../helpers/memoWorkspace';

// The relevance model's parts; its accuracy is measured on labelled sets by `npm run eval:relevance`.

const memoOf = (body: string) => parseMemo('decisions/0001-x.md', `---\nstatus: proposed\n---\n# Notes\n\n${body}\n`);

describe('language', () => {
  it('folds word forms with a real stemmer: dependencies/dependency, escalate/escalation, queries', () => {
    expect(terms('dependencies dependency')).toEqual(['depend', 'depend']);
    expect(terms('escalate escalation')).toEqual(['escal', 'escal']);
    expect(terms('queries')).toEqual(['queri']);
  });

  it('skips function words but keeps decide and decision (distinctiveness decides their weight)', () => {
    expect(terms('we choose the owner because')).toEqual(['choos', 'owner']);
    expect(terms('decide decision')).toEqual(['decid', 'decis']);
  });
});

describe('concepts and memo terms', () => {
  it('reads paraphrases as the subject they name', () => {
    expect([...conceptsOf('p99 of the endpoint went 182 → 264 ms').keys()]).toContain('latency');
    expect([...conceptsOf('failovers that did not complete, lost writes').keys()]).toEqual(expect.arrayContaining(['availability', 'durability']));
    expect([...conceptsOf('go back to the previous version').keys()]).toContain('reversibility');
  });

  it('keeps word senses apart: a performance review is not system performance', () => {
    const t = memoTerms(memoOf('First-year performance ratings are due in March.'));
    expect(t.weights.has('perform')).toBe(false);
  });

  it('counts a short list item (an agenda line) for little, and the title double (its heading counts once more)', () => {
    const t = memoTerms(memoOf('- Pricing\n- Renewals\n\nWe will change the pricing page.'));
    expect(t.weights.get('@pricing')).toBeCloseTo(1.25);
    expect(t.weights.get('note')).toBe(3);
  });

  it('weighs a memo the same whether only its key terms are wanted (an index) or everything (a ranking)', () => {
    // A long line with a phrase at its end, then short lines: a phrase never reaches past a line's end.
    const text = 'We measured the slow page load and every response time and the error budget of the checkout page\n\nresponse\n\npage\n\nfeature\n\nWe turn the feature flag off.';
    const indexed = keyTerms(memoOf(text));
    const ranked = [...memoTerms(memoOf(text)).weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
    expect(indexed).toEqual(ranked.slice(0, indexed.length));
    expect(memoTerms(memoOf(text)).weights.get('@latency')).toBe(2);
    expect(memoTerms(memoOf(text)).weights.get('respons')).toBe(1);
  });

  it('keeps the 60 heaviest terms of a long memo, ties by term, whether indexed or ranked', () => {
    // Far more than 60 terms, most used once and many used twice: the cut falls inside a tie.
    const vocabulary = Array.from({ length: 150 }, (_, k) => `word${String.fromCharCode(97 + (k % 26))}${String.fromCharCode(97 + Math.floor(k / 26))}`);
    const text = [vocabulary.join(' '), vocabulary.filter((_, k) => k % 3 === 0).join(' '), 'Latency went up: p99 latency.'].join('\n\n');
    const indexed = keyTerms(memoOf(text));
    const ranked = [...memoTerms(memoOf(text)).weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
    expect(indexed).toHaveLength(60);
    expect(indexed).toEqual(ranked.slice(0, 60));
    const ranking = memoOf(text);
    memoTerms(ranking);
    expect(keyTerms(ranking)).toEqual(indexed);
  });

  it('profiles a tenet: subject from tags and aliases (phrases too), and the sides of its trade-off', () => {
    const file = parseTenetFile('t.md', '## ENG-REV: staged over big-bang\nlayer: function\ntags: [feature-flags, rollout]\naliases: [kill switch]\n\nWhen a change can ship at once or in stages, we choose a staged rollout over a big-bang release because flags can be turned off.\n');
    const p = tenetProfile(file.tenets[0]!);
    expect(p.subject).toEqual(expect.arrayContaining(['@reversibility', 'featur_flag', 'kill_switch']));
    expect([...p.sides.chosen]).toEqual(['@reversibility']);
    expect(p.sides.givenUp.has('releas')).toBe(true);
  });
});

describe('the model', () => {
  const LATENCY = ['# Cache search results', '', 'p99 latency of search went from 180 to 420 ms; response time is what users feel.', 'A cache trades some throughput for latency.', ''];

  it('ranks the tenet a memo is about first, saying why, and offers it as the fix', () => {
    const f = check({ 'decisions/0001-a.md': goodMemo({ tenets: undefined }, LATENCY) });
    const memo = parseMemo('decisions/0001-a.md', f.fs.files.get('decisions/0001-a.md')!);
    const [best] = f.ws.relevance().rank(memo, f.ws.registry.all);
    expect(best!.tenet.id).toBe('ENG-LATENCY');
    expect(whyRelevant(best!)).toMatch(/^mentions .*latency.*; weighs both sides of its trade-off/);
    const missing = f.diagnostics.find((d) => d.rule === 'tenet-missing')!;
    expect(missing.fixes!.map((x) => x.title)).toEqual([expect.stringMatching(/^Cite ENG-LATENCY/)]);
  });

  it('stays silent on a memo no tenet applies to: no fix beats a wrong fix', () => {
    const f = check({ 'decisions/0001-a.md': goodMemo({ tenets: undefined }, ['# Rename the repository', '', 'The repository is called tmp2; we rename it to search-api.']) });
    const missing = f.diagnostics.find((d) => d.rule === 'tenet-missing')!;
    expect(missing.fixes).toBeUndefined();
    expect(missing.message).toContain('no tenet of the registry stands out');
  });

  it('learns from the memos that cite a tenet: the explanation counts them', () => {
    const citing = goodMemo({ id: '0002', tenets: '[ENG-LATENCY]' }, LATENCY);
    const f = check({ 'decisions/0001-a.md': goodMemo({ tenets: undefined }, LATENCY), 'decisions/0002-b.md': citing });
    const memo = parseMemo('decisions/0001-a.md', f.fs.files.get('decisions/0001-a.md')!);
    const latency = f.ws.relevance().rank(memo, f.ws.registry.all).find((r) => r.tenet.id === 'ENG-LATENCY')!;
    expect(latency.taughtBy).toBe(1);
    expect(whyRelevant(latency)).toContain('1 memo cites it');
  });
});
