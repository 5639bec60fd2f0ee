import type { RuleContext, TenetRule } from '../core/check/rule';
import { closestMatches } from '../core/text/suggest';
import { type TenetDefinition } from '../core/tenets/tenetModel';
import { TENET_LAYERS } from '../shared/vocabulary';

const LAYERS = TENET_LAYERS.join(', ');

/** The layers a parent of this layer may stand on, for messages. */
const PARENT_LAYERS: Record<string, string> = { function: 'a company tenet', team: 'a function or company tenet' };

function unknownParentMessage(tenet: TenetDefinition, parent: string, ctx: RuleContext): string {
  const suggestions = closestMatches(parent, ctx.registry.ids.filter((id) => id !== tenet.id));
  const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => `\`${s.value}\``).join(' or ')}?)` : '';
  return `Tenet \`${tenet.id}\` names parent \`${parent}\`, but no tenet has that id; expected the id of the tenet it interprets${hint}.`;
}

export const tenetParentUnknown: TenetRule = {
  id: 'tenet-parent-unknown',
  target: 'tenet-file',
  description: 'Function and team tenets name as `parent` an existing tenet on a higher layer, so each chain reaches a company value.',
  defaultSeverity: 'warning',
  check(file, ctx, report) {
    const registry = ctx.registry;
    for (const tenet of file.tenets) {
      // A retired tenet decides nothing any more; its lineage is history.
      if (tenet.status === 'retired') continue;
      const layer = registry.layerOf(tenet);
      if (tenet.layer && !layer) {
        report({ range: tenet.layer.range, message: `Tenet \`${tenet.id}\` has layer \`${tenet.layer.value}\`; expected one of ${LAYERS}.` });
        continue;
      }
      const parentRef = tenet.parent;
      if (!parentRef) {
        if (layer === 'function' || layer === 'team') {
          report({
            range: tenet.idRange,
            message: `${layer === 'function' ? 'Function' : 'Team'} tenet \`${tenet.id}\` names no parent; expected \`parent:\` naming ${PARENT_LAYERS[layer]} it interprets.`,
          });
        }
        continue;
      }
      if (parentRef.value === tenet.id) {
        report({ range: parentRef.range, message: `Tenet \`${tenet.id}\` names itself as parent; expected a tenet on a higher layer.` });
        continue;
      }
      const parent = registry.get(parentRef.value);
      if (!parent) {
        report({ range: parentRef.range, message: unknownParentMessage(tenet, parentRef.value, ctx) });
        continue;
      }
      // Without a layer of its own, a tenet cannot be placed below its parent: only the parent's existence is checked.
      if (!layer || registry.isHigherLayer(tenet, parent)) continue;
      const parentLayer = registry.layerOf(parent);
      const expected = layer === 'company' ? 'no parent, since a company tenet has no higher layer' : PARENT_LAYERS[layer];
      const parentIs = parentLayer ? `a ${parentLayer} tenet` : 'a tenet with no known layer';
      report({
        range: parentRef.range,
        message: `Tenet \`${tenet.id}\` (${layer}) names parent \`${parent.id}\`, ${parentIs}; expected ${expected}.`,
        related: [{ file: parent.file, range: parent.idRange, message: `\`${parent.id}\` is defined here.` }],
      });
    }
  },
};
