import type { ReviewItem } from '../shared/audit/report';
import type { TenetLayer } from '../shared/vocabulary';

// The organisation-wide audit: many repositories' `audit --format json` reports merged into
// one (`audit --merge`). RepoAudit is what the merge reads of one report, after the CLI has
// validated it; MergedAudit is what the merged renderers draw. Computed by mergeAudit.ts.

/** What the merge needs of one repository's JSON report: primitives copied out of the validated file, nothing else. */
export interface RepoAudit {
  /** The repository's name (`--name` when the report was written). */
  name: string;
  /** The file the report was read from, as given on the command line. */
  source: string;
  since: string | undefined;
  /** The day the report was made. */
  date: string;
  memos: number;
  citing: number;
  tenets: { id: string; title: string | undefined; layer: TenetLayer | 'unknown'; status: 'active' | 'retired'; citations: number }[];
  /** Tenets judged ✗, with the memos that judged them so. */
  conflicts: { tenet: string; memos: string[] }[];
  owners: { owner: string; open: number; accepted: number }[];
  overdue: ReviewItem[];
}

/** One repository's line of the merged report: its own figures, and those derived from them. */
export interface RepoAdoption extends Pick<RepoAudit, 'name' | 'source' | 'since' | 'date' | 'memos' | 'citing'> {
  /** `citing / memos`, three places; undefined without memos. */
  share: number | undefined;
  /** Memo judgements of ✗ (a memo counts once per tenet it judged ✗). */
  conflicts: number;
  overdue: number;
}

export interface CompanyTenetUse {
  id: string;
  title: string | undefined;
  /** Repositories whose registry holds the tenet. */
  known: number;
  /** Repositories with at least one memo citing it, most memos first. */
  repositories: { name: string; memos: number }[];
  /** Memos citing it, over every repository. */
  memos: number;
}

export interface CrossConflict {
  tenet: string;
  /** The repositories whose memos judged the tenet ✗ (more than one), most memos first. */
  repositories: { name: string; memos: string[] }[];
}

export interface CrossOwner {
  owner: string;
  /** The repositories where the owner holds decisions (more than one). */
  repositories: { name: string; open: number; accepted: number }[];
  open: number;
  accepted: number;
}

export interface MergedAudit {
  /** By name. */
  repositories: RepoAdoption[];
  totals: { repositories: number; memos: number; citing: number; share: number | undefined; conflicts: number; overdue: number };
  /** Company-layer tenets cited somewhere: in most repositories first. */
  companyTenets: CompanyTenetUse[];
  /** Active company-layer tenets no memo of any repository cites, by id. */
  companyUncited: { id: string; title: string | undefined; known: number }[];
  /** Tenets judged ✗ in memos of more than one repository. */
  conflicts: CrossConflict[];
  /** Owners with decisions in more than one repository (the name as the reports write it). */
  owners: CrossOwner[];
  /** Overdue reviews per repository (repositories without any left out), as of each report's date. */
  overdue: { name: string; date: string; items: ReviewItem[] }[];
  /** The distinct `since` days of the reports (undefined: the whole history); more than one means the periods differ. */
  periods: (string | undefined)[];
}
