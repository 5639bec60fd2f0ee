import { isClosed } from '../core/memo/lifecycle';
import type { MemoRule } from '../core/check/rule';

export const tenetRetired: MemoRule = {
  id: 'tenet-retired',
  target: 'memo',
  description: 'A live memo does not rest on a retired tenet.',
  defaultSeverity: 'warning',
  check(memo, ctx, report) {
    // A rejected, deprecated or superseded memo is a record of its time: the tenet was active when it was written.
    if (isClosed(memo)) return;
    // Once per tenet: the front matter entry and the verdict line are the same citation twice.
    const seen = new Set<string>();
    for (const citation of memo.citations) {
      if (seen.has(citation.id)) continue;
      seen.add(citation.id);
      const tenet = ctx.registry.get(citation.id);
      if (tenet?.status !== 'retired') continue;
      report({
        range: citation.range,
        message: `Tenet \`${tenet.id}\` is retired; cite the tenet that applies today instead, or drop the citation.`,
        related: [{ file: tenet.file, range: tenet.idRange, message: `\`${tenet.id}\` is defined here, with \`status: retired\`.` }],
      });
    }
  },
};
