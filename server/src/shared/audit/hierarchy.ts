import type { AuditReport, TenetUsage } from './report';

export interface TenetNode {
  tenet: TenetUsage;
  children: TenetNode[];
  /** Citations of the tenet and of every tenet below it. */
  total: number;
}

/**
 * The tenet hierarchy as a forest: company tenets at the roots, function and team tenets under
 * their parents. Tenets whose parent is unknown (or who form a cycle) become roots too, so
 * nothing disappears from the report.
 */
export function tenetForest(report: AuditReport): TenetNode[] {
  const nodes = new Map(report.tenets.map((t) => [t.id, { tenet: t, children: [] as TenetNode[], total: 0 }]));
  const roots: TenetNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.tenet.parent ? nodes.get(node.tenet.parent) : undefined;
    if (parent && parent !== node && !isAncestor(node, parent, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  const rank = { company: 0, function: 1, team: 2, unknown: 3 };
  const sort = (list: TenetNode[]) => {
    list.sort((a, b) => rank[a.tenet.layer] - rank[b.tenet.layer] || (a.tenet.id < b.tenet.id ? -1 : 1));
    for (const n of list) sort(n.children);
  };
  const total = (n: TenetNode): number => (n.total = n.tenet.citations + n.children.reduce((s, c) => s + total(c), 0));
  sort(roots);
  roots.forEach(total);
  return roots;
}

function isAncestor(node: TenetNode, candidate: TenetNode, nodes: Map<string, TenetNode>): boolean {
  // Walk up from `candidate`; meeting `node` means adding the edge would close a cycle.
  const seen = new Set<string>();
  let current: TenetNode | undefined = candidate;
  while (current && !seen.has(current.tenet.id)) {
    if (current === node) return true;
    seen.add(current.tenet.id);
    current = current.tenet.parent ? nodes.get(current.tenet.parent) : undefined;
  }
  return false;
}

/** Depth-first rows of the forest, for drawing. */
export function flatten(forest: TenetNode[]): { node: TenetNode; depth: number }[] {
  const out: { node: TenetNode; depth: number }[] = [];
  const visit = (n: TenetNode, depth: number) => {
    out.push({ node: n, depth });
    for (const c of n.children) visit(c, depth + 1);
  };
  forest.forEach((n) => visit(n, 0));
  return out;
}
