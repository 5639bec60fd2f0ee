// What another commit of the repository holds, for the checks that compare this branch with it
// (`check --base REF`). The CLI reads it with git; the core only looks it up, so rules stay pure
// and the editor, which has no base, simply has none.

export interface BaseRef {
  /** The ref as the user named it (for messages). */
  name: string;
  /** Every file of the workspace on the base (workspace-relative paths): a memo not among them is one this branch adds. */
  files: ReadonlySet<string>;
  /**
   * Memo id → the base's files with that id, for the memos the base added or changed since this
   * branch left it (the others are as this branch has them, so the workspace's own index knows them).
   */
  idsAdded: ReadonlyMap<string, readonly string[]>;
}
