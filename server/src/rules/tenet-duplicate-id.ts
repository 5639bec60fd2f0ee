import { listSome, MAX_RELATED } from '../core/text/listing';
import type { TenetRule } from '../core/check/rule';
import type { TenetDefinition } from '../core/tenets/tenetModel';
import { sharedSourceOf } from '../core/workspace/extends';

function sameDefinition(a: TenetDefinition, b: TenetDefinition): boolean {
  return a.file === b.file && a.idRange.start.line === b.idRange.start.line && a.idRange.start.character === b.idRange.start.character;
}

function where(d: TenetDefinition): string {
  return `${d.file}:${d.idRange.start.line + 1}`;
}

export const tenetDuplicateId: TenetRule = {
  id: 'tenet-duplicate-id',
  target: 'tenet-file',
  description: 'Every tenet id is defined once across all tenet files, so a citation names one rule.',
  defaultSeverity: 'error',
  check(file, ctx, report) {
    // A shared config's tenets (`extends`) are the package's to keep apart; here only a local
    // definition that collides with one is reported, as redefining it.
    if (sharedSourceOf(ctx.config, file.file) !== undefined) return;
    const hasShared = ctx.config.shared.length > 0;
    const sources = new Map<string, string | undefined>();
    const sourceOf = (f: string) => {
      if (!sources.has(f)) sources.set(f, sharedSourceOf(ctx.config, f));
      return sources.get(f);
    };
    for (const tenet of file.tenets) {
      // This file's definitions come from the file itself (it may be newer than the registry's copy).
      const definitions = [
        ...ctx.registry.definitions(tenet.id).filter((d) => d.file !== file.file),
        ...file.tenets.filter((t) => t.id === tenet.id),
      ];
      const others = definitions.filter((d) => !sameDefinition(d, tenet));
      if (others.length === 0) continue;
      // Asked per file, not per definition: an id defined thousands of times lives in few files.
      const sharedDefinition = hasShared ? others.find((d) => sourceOf(d.file) !== undefined) : undefined;
      const shared = sharedDefinition ? { d: sharedDefinition, source: sourceOf(sharedDefinition.file)! } : undefined;
      if (shared) {
        report({
          range: tenet.idRange,
          message: `Tenet id \`${tenet.id}\` redefines the shared tenet from ${shared.source} (${where(shared.d)}); expected a new id, or cite the shared tenet as it is.`,
          related: [{ file: shared.d.file, range: shared.d.idRange, message: `\`${tenet.id}\` is defined by the shared config ${shared.source} here.` }],
        });
        continue;
      }
      report({
        range: tenet.idRange,
        message: `Tenet id \`${tenet.id}\` is also defined at ${listSome(others, where)}; expected each id to be defined once.`,
        related: others.slice(0, MAX_RELATED).map((d) => ({ file: d.file, range: d.idRange, message: `\`${d.id}\` is defined here too.` })),
      });
    }
  },
};
