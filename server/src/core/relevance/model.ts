import MiniSearch from 'minisearch';
import type { MemoModel } from '../memo/memoModel';
import type { TenetDefinition } from '../tenets/tenetModel';
import type { TenetRegistry } from '../tenets/tenetRegistry';
import type { MemoIndex } from '../workspace/memoIndex';
import { KEY_TERMS, keyTerms, memoTerms } from './memoTerms';
import { tenetProfile } from './tenetProfile';

// Which tenets a memo should consider, and why. The design, each signal's weight and its measured
// effect are in docs/relevance.md; in short, a tenet's score for a memo is
//
//   (BM25 over the tenet's fields, each memo term weighted by how much the memo uses it and how
//    distinctive it is across the workspace's memos)  × (1 + the trade-off bonus)
//   + what the memos already citing the tenet teach
//
// BM25 (MiniSearch) ranks the tenets as documents with fields subject (tags, aliases), title and
// statement, so a term shared by many tenets weighs little. The trade-off bonus rewards a memo
// that names both sides of "we choose A over B", or the situation of "When X". Teaching compares
// the memo's key terms with those of the memos that cite the tenet. Scores are absolute, so a
// threshold can say "nothing here": below it no hint is given and no fix is offered.

/** Field boosts: the words the authors chose to name the subject weigh most. */
const FIELD_BOOST = { subject: 3, title: 2, statement: 1 };
/** What a perfect match with the teaching memos is worth. */
const TEACHING_WEIGHT = 12;
/** Below this many memos, how common a term is across memos is not known well enough to use. */
const MIN_MEMOS_FOR_RARITY = 10;

/**
 * Calibrated silence (on test/relevance/dev; docs/relevance.md): a hint needs `hint`, a fix for
 * tenet-missing `fix`, and both need `relativeToBest` of the best tenet's score (a distant
 * second is noise). Below them the product says nothing.
 */
export const THRESHOLDS = { hint: 0.3, fix: 0.25, relativeToBest: 0.6 };

/** The signals of one (memo, tenet) pair, before they are weighed. */
interface RelevanceFeatures {
  /** log(1 + BM25 score over the tenet's fields). */
  bm25: number;
  /** The tenet's tags and aliases the memo uses, each weighed by how distinctive it is. */
  subject: number;
  title: number;
  statement: number;
  chosen: number;
  givenUp: number;
  situation: number;
  taught: number;
  /** Distinct subjects (concept lexicon) of the tenet's tags, aliases and title that the memo names. */
  subjects: number;
  /** A multi-word tag or alias written out in the memo. */
  phrase: number;
  /** How far the tenet's BM25 stands out from the registry's for this memo (a z-score over √(n−1)): one tenet standing out is a signal, many a little is noise. */
  standOut: number;
}

export interface Relevance {
  tenet: TenetDefinition;
  score: number;
  features: RelevanceFeatures;
  /** The memo's words that matched the tenet, those matching its tags and aliases first. */
  matched: string[];
  /** The memo names words of both sides of the tenet's trade-off. */
  bothSides: boolean;
  /** The memo names the tenet's situation ("When X"). */
  situation: boolean;
  /** How many memos cite the tenet (they taught what it is about). */
  taughtBy: number;
}

interface TenetDoc {
  id: string;
  subject: string;
  title: string;
  statement: string;
}

/**
 * The relevance model of one workspace: built from the tenet registry (rebuilt when it changes),
 * reading how common terms are and what citations teach from the live memo index.
 */
export class RelevanceModel {
  private readonly search: MiniSearch<TenetDoc>;
  private readonly byId = new Map<string, TenetDefinition>();
  /** Term → in how many tenets' profiles it stands. */
  private readonly tenetsWithTerm = new Map<string, number>();
  /** Terms of some tenet's tags, aliases or title. */
  private readonly subjectTerms = new Set<string>();
  /** The idf of a term only one tenet has: what idf and BM25 scores are divided by, so they read the same in a small and a large registry. */
  private readonly maxIdf: number;
  /** Stems of multi-word tags and aliases, by first stem (matched in the memo's word order). */
  private readonly phrases = new Map<string, string[][]>();
  /** Term → each tenet's BM25 score for that term alone (MiniSearch's, field boosts included), asked once per term. */
  private readonly postings = new Map<string, { id: string; score: number }[]>();

  constructor(
    readonly registryVersion: number,
    registry: TenetRegistry,
    private readonly memos: MemoIndex,
  ) {
    this.search = new MiniSearch<TenetDoc>({
      fields: ['subject', 'title', 'statement'],
      tokenize: (text) => text.split(' ').filter(Boolean),
      processTerm: (term) => term,
      searchOptions: { boost: FIELD_BOOST, combineWith: 'OR', prefix: false, fuzzy: false },
    });
    const docs: TenetDoc[] = [];
    for (const t of registry.all) {
      if (this.byId.has(t.id)) continue; // a duplicate id: the first definition speaks for it
      this.byId.set(t.id, t);
      const p = tenetProfile(t);
      docs.push({ id: t.id, subject: p.subject.join(' '), title: p.title.join(' '), statement: p.statement.join(' ') });
      for (const term of [...p.subject, ...p.title]) this.subjectTerms.add(term);
      for (const term of new Set([...p.subject, ...p.title, ...p.statement])) this.tenetsWithTerm.set(term, (this.tenetsWithTerm.get(term) ?? 0) + 1);
      for (const phrase of p.phrases) {
        let list = this.phrases.get(phrase[0]!);
        if (!list) this.phrases.set(phrase[0]!, (list = []));
        list.push(phrase);
      }
    }
    this.search.addAll(docs);
    this.maxIdf = bm25Idf(1, Math.max(this.byId.size, 1));
  }

  /** The candidates ranked by relevance to the memo, best first (ties by id); zero scores left out. */
  rank(memo: MemoModel, candidates: readonly TenetDefinition[]): Relevance[] {
    if (candidates.length === 0) return [];
    const terms = memoTerms(memo);
    const weights = new Map(terms.weights);
    for (const p of this.phrasesIn(terms.sequences)) weights.set(p, (weights.get(p) ?? 0) + 1);
    const common = this.rarity();
    // A word the tenets' authors chose for a subject (tag, alias, title) is topical, not generic:
    // a workspace where most memos are about latency still makes "latency" count.
    const rarity = (term: string) => (this.subjectTerms.has(term) ? Math.sqrt(common(term)) : common(term));
    const use = (term: string) => saturate(weights.get(term) ?? 0) * rarity(term);
    // Every tenet is scored, so that standing out is measured against the whole registry.
    const results = this.bm25([...weights.keys()], use);
    const lexical = new Map(results.map((r) => [r.id, r]));
    const keys = WEIGHTS.taught === 0 ? [] : topTerms(weights);
    const out: Relevance[] = [];
    for (const tenet of candidates) {
      const r = lexical.get(tenet.id);
      // The fitted weight of teaching is 0: only the count of teaching memos is used (in messages).
      const taught = WEIGHTS.taught === 0 ? { score: 0, memos: this.teachers(tenet.id, memo) } : this.teaching(tenet.id, keys, rarity, memo);
      if (!r && taught.score === 0) continue;
      const p = tenetProfile(tenet);
      const sum = (list: Iterable<string>) => {
        let total = 0;
        for (const t of new Set(list)) total += use(t) * this.idf(t);
        return total;
      };
      const features: RelevanceFeatures = {
        bm25: Math.log1p((r?.score ?? 0) / this.maxIdf),
        subject: sum(p.subject),
        title: sum(p.title),
        statement: sum(p.statement),
        chosen: sum(p.sides.chosen),
        givenUp: sum(p.sides.givenUp),
        situation: sum(p.sides.situation),
        taught: taught.score,
        subjects: [...new Set([...p.subject, ...p.title])].filter((t) => t.startsWith('@') && (weights.get(t) ?? 0) >= 1).length,
        phrase: p.subject.some((t) => t.includes('_') && weights.has(t)) ? 1 : 0,
        standOut: 0,
      };
      const subject = new Set(p.subject);
      const matchedTerms = r ? [...r.terms].sort((a, b) => Number(subject.has(b)) - Number(subject.has(a)) || use(b) - use(a)) : [];
      const matched = [...new Set(matchedTerms.map((t) => surfaceOf(t, terms.surface)))];
      out.push({ tenet, score: 0, features, matched, bothSides: features.chosen > 0 && features.givenUp > 0, situation: features.situation > 0, taughtBy: taught.memos });
    }
    // Standing out is measured against every tenet of the registry (unmatched ones count as 0).
    const all = results.map((r) => Math.log1p(r.score / this.maxIdf));
    const n = Math.max(this.byId.size, all.length, 1);
    const mean = all.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt((all.reduce((a, b) => a + (b - mean) ** 2, 0) + (n - all.length) * mean * mean) / n) || 1;
    for (const r of out) {
      // Divided by the largest z-score n tenets allow (√(n−1)), so 1 means "this tenet alone" in a registry of any size.
      r.features.standOut = (r.features.bm25 - mean) / sd / Math.sqrt(Math.max(n - 1, 1));
      r.score = combine(r.features);
    }
    return out.sort((a, b) => b.score - a.score || (a.tenet.id < b.tenet.id ? -1 : a.tenet.id > b.tenet.id ? 1 : 0));
  }

  /**
   * BM25 of the tenets for a query of weighted terms, as MiniSearch scores an OR query with
   * `boostTerm` (the sum of each term's boosted score, times the number of query terms matched),
   * from each term's scores asked once: a memo's query is hundreds of terms, and thousands of
   * memos share them.
   */
  private bm25(terms: readonly string[], boost: (term: string) => number): { id: string; score: number; terms: string[] }[] {
    const byTenet = new Map<string, { id: string; score: number; terms: string[] }>();
    for (const term of terms) {
      // Only terms some tenet has can score.
      if (!this.tenetsWithTerm.has(term)) continue;
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = this.search.search(term).map((r) => ({ id: r.id as string, score: r.score }))));
      if (list.length === 0) continue;
      const b = boost(term);
      for (const { id, score } of list) {
        const hit = byTenet.get(id);
        if (hit) {
          hit.score += b * score;
          hit.terms.push(term);
        } else byTenet.set(id, { id, score: b * score, terms: [term] });
      }
    }
    const out = [...byTenet.values()];
    for (const r of out) r.score *= r.terms.length;
    return out;
  }

  /**
   * How distinctive a term is across the tenets: BM25's idf over the registry, divided by the idf
   * of a term only one tenet has, so 1 means "names this tenet alone" in a registry of any size.
   */
  private idf(term: string): number {
    const n = this.tenetsWithTerm.get(term) ?? 0;
    return bm25Idf(n, this.byId.size) / this.maxIdf;
  }

  /** The relevances strong enough to hint that a tenet should be cited. */
  hints(ranked: readonly Relevance[]): Relevance[] {
    return this.above(ranked, THRESHOLDS.hint);
  }

  /** The relevances strong enough for tenet-missing to offer citing them. */
  fixes(ranked: readonly Relevance[]): Relevance[] {
    return this.above(ranked, THRESHOLDS.fix);
  }

  private above(ranked: readonly Relevance[], threshold: number): Relevance[] {
    const best = ranked[0]?.score ?? 0;
    return ranked.filter((r) => r.score >= threshold && r.score >= best * THRESHOLDS.relativeToBest);
  }

  /** How distinctive a term is across the workspace's memos, from 1 (rare) towards 0 (in every memo). */
  private rarity(): (term: string) => number {
    const n = this.memos.size;
    if (n < MIN_MEMOS_FOR_RARITY) return () => 1;
    const top = Math.log((n + 1) / 1.5);
    return (term) => Math.min(1, Math.max(0.05, Math.log((n + 1) / (this.memos.memosWithTerm(term) + 0.5)) / top));
  }

  /** How many memos other than this one cite the tenet. */
  private teachers(tenetId: string, memo: MemoModel): number {
    const profile = this.memos.taught(tenetId);
    if (!profile) return 0;
    return Math.max(0, profile.memos - (this.memos.get(memo.file)?.cited.includes(tenetId) ? 1 : 0));
  }

  /** What the memos citing a tenet (other than this one) share with this memo's key terms. */
  private teaching(tenetId: string, keys: string[], rarity: (t: string) => number, memo: MemoModel): { score: number; memos: number } {
    const profile = this.memos.taught(tenetId);
    if (!profile) return { score: 0, memos: 0 };
    // The memo's own terms from the memo itself: a large check keeps no key terms in the index.
    const selfTeaches = this.memos.get(memo.file)?.cited.includes(tenetId) ? new Set(keyTerms(memo)) : undefined;
    const teachers = profile.memos - (selfTeaches ? 1 : 0);
    if (teachers <= 0) return { score: 0, memos: 0 };
    let sum = 0;
    for (const t of keys) {
      const n = (profile.terms.get(t) ?? 0) - (selfTeaches?.has(t) ? 1 : 0);
      if (n > 0) sum += (n / teachers) * rarity(t);
    }
    // Confidence grows with the number of teaching memos: one citing memo is one example.
    const confidence = teachers / (teachers + 1);
    return { score: (TEACHING_WEIGHT * confidence * sum) / keys.length, memos: teachers };
  }

  /** Multi-word tags and aliases that the memo writes in order (`feature flags` for `feature-flags`). */
  private phrasesIn(sequences: string[][]): string[] {
    const found: string[] = [];
    for (const seq of sequences) {
      for (let i = 0; i < seq.length; i++) {
        for (const p of this.phrases.get(seq[i]!) ?? []) if (p.every((s, k) => seq[i + k] === s)) found.push(p.join('_'));
      }
    }
    return found;
  }
}

/** The weights of the signals (fitted on test/relevance/dev; see docs/relevance.md). */
const WEIGHTS: RelevanceFeatures & { bias: number } = {
  bias: -5.926,
  bm25: 0.2449,
  subject: 0.1954,
  title: 0,
  statement: 0.3554,
  chosen: 0.062,
  givenUp: 0.0535,
  situation: 0.3374,
  taught: 0,
  subjects: 0.2078,
  phrase: 0,
  standOut: 1.6584,
};

/** A pair's score: the probability that a careful reviewer calls the tenet relevant (logistic over the weighed signals). */
function combine(f: RelevanceFeatures): number {
  let z = WEIGHTS.bias;
  for (const key of Object.keys(f) as (keyof RelevanceFeatures)[]) z += WEIGHTS[key] * f[key];
  return 1 / (1 + Math.exp(-z));
}

function bm25Idf(withTerm: number, total: number): number {
  return Math.log(1 + (total - withTerm + 0.5) / (withTerm + 0.5));
}

/** Diminishing returns: one use is 1, three about 2, ten about 3.3. */
function saturate(weight: number): number {
  return weight <= 0 ? 0 : weight < 1 ? weight : 1 + Math.log(weight);
}

function topTerms(weights: Map<string, number>): string[] {
  return [...weights]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, KEY_TERMS)
    .map(([t]) => t);
}

/** A term as the memo wrote it: the memo's own word, a subject's name, or a phrase's words. */
function surfaceOf(term: string, surface: Map<string, string>): string {
  const s = surface.get(term);
  if (s) return term.startsWith('@') && !s.toLowerCase().startsWith(term.slice(1, 5)) ? `${s} (${term.slice(1)})` : s;
  if (term.startsWith('@')) return term.slice(1);
  return term.replace(/_/g, ' ');
}
