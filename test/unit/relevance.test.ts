import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { isStronglyRelevant, memoTermCounts, rankTenets, scoreTenet } from '../../server/src/core/relevance/relevance';
import { parseTenetFile } from '../../server/src/core/tenets/tenetParser';

/** ENG-LATENCY as the example workspace defines it: its statement says "a slow answer". */
const TENETS = parseTenetFile(
  'tenets/engineering.md',
  [
    '## ENG-LATENCY: latency over throughput',
    'layer: function',
    'tags: [latency, p95, performance, api]',
    '',
    'When request latency and batch throughput conflict, we choose latency over throughput',
    'because our users work in interactive flows where a slow answer reads as a broken product.',
    '',
    '## ENG-MANAGED: managed services over self-hosting',
    'layer: function',
    'tags: [managed-service, self-hosting, operations, on-call]',
    '',
    'When a managed service and a self-hosted system both meet the need, we choose the managed',
    'service over self-hosting because on-call time is our scarcest engineering resource.',
    '',
  ].join('\n'),
).tenets;
const LATENCY = TENETS.find((t) => t.id === 'ENG-LATENCY')!;

function relevanceTo(body: string) {
  return scoreTenet(LATENCY, memoTermCounts(parseMemo('decisions/0001-x.md', `# Notes\n\n${body}\n`)));
}

describe('tenet relevance', () => {
  it('gives no hint for one tag repeated three times and one generic word', () => {
    // The case seen on a real memo: `api` three times and the statement's "answer" once.
    const r = relevanceTo('The api returns an answer. The api is versioned. The api is public.');
    expect(r.matched).toEqual(['api']);
    expect(r.score).toBe(6);
    expect(isStronglyRelevant(r)).toBe(false);
  });

  it('gives no hint for one repeated tag and one statement word used once', () => {
    const r = relevanceTo('The api is slow. The api is versioned. The api is public.');
    expect(r.matched.sort()).toEqual(['api', 'slow']);
    expect(r.score).toBe(7); // 3 × 2 for the tag, 1 for the word
    expect(isStronglyRelevant(r)).toBe(false);
  });

  it('counts repetition with diminishing returns: 1×, 1.5×, then 2× the weight at most', () => {
    expect(relevanceTo('api').score).toBe(3);
    expect(relevanceTo('api api').score).toBe(4.5);
    expect(relevanceTo('api api api').score).toBe(6);
    expect(relevanceTo('api api api api api api').score).toBe(6);
  });

  it('ignores generic words even where a tenet statement uses them, singular or plural', () => {
    const r = relevanceTo('Answers, teams, people, problems, decisions, time and work: a new way for every case.');
    expect(r.score).toBe(0);
    expect(r.matched).toEqual([]);
  });

  it('hints for two tags used twice each', () => {
    const r = relevanceTo('Search latency doubled; the api is slow to answer and its latency hurts every api client.');
    expect(r.matched.sort()).toEqual(['api', 'latency', 'slow']);
    expect(r.tagMatched).toBe(true);
    expect(r.score).toBe(10); // 4.5 for each tag used twice, 1 for `slow`
    expect(isStronglyRelevant(r)).toBe(true);
  });

  it('gives no hint from statement words alone when the tenet has tags', () => {
    const r = relevanceTo('Batch batch batch, request request request, interactive flows, broken broken broken.');
    expect(r.tagMatched).toBe(false);
    expect(r.score).toBe(8); // enough by score and by distinct words, but no tag
    expect(isStronglyRelevant(r)).toBe(false);
  });

  it('ranks best first, ties by id, whatever the order the tenets come in', () => {
    const memo = parseMemo('decisions/0001-x.md', '# Notes\n\nLatency and the api matter; on-call load and self-hosting matter as much.\n');
    const forward = rankTenets(memo, TENETS).map((r) => [r.tenet.id, r.score]);
    const backward = rankTenets(memo, [...TENETS].reverse()).map((r) => [r.tenet.id, r.score]);
    // Two tags once each on both sides: a tie, broken by id.
    expect(forward).toEqual([
      ['ENG-LATENCY', 6],
      ['ENG-MANAGED', 6],
    ]);
    expect(backward).toEqual(forward);
    const moreManaged = parseMemo('decisions/0001-x.md', '# Notes\n\nLatency and the api matter; on-call, on-call and self-hosting matter more.\n');
    expect(rankTenets(moreManaged, TENETS).map((r) => r.tenet.id)).toEqual(['ENG-MANAGED', 'ENG-LATENCY']);
  });

  it('leaves tenets that match nothing out of the ranking', () => {
    const memo = parseMemo('decisions/0001-x.md', '# Rename the repository\n\nNothing else to say.\n');
    expect(rankTenets(memo, TENETS)).toEqual([]);
  });
});
