import type { TenetDefinition } from '../../core/tenets/tenetModel';
import type { Workspace } from '../../core/workspace/workspace';
import { codeSpan, markdownText } from './markdownText';

/** A one-line description of a tenet for completion details: layer and title. */
export function tenetDetail(ws: Workspace, t: TenetDefinition): string {
  const layer = t.layer?.value ?? 'no layer';
  const status = t.status === 'retired' ? ' (retired)' : '';
  return [layer + status, t.title].filter(Boolean).join(' · ');
}

/** Markdown that explains a tenet: statement, layer, the chain up to a company tenet, and how often it is cited. */
export function tenetMarkdown(ws: Workspace, t: TenetDefinition): string {
  const md = markdownText;
  const heading = `**${md(t.id)}**${t.title ? ` — ${md(t.title)}` : ''}${t.status === 'retired' ? ' _(retired)_' : ''}`;
  const lines = [heading, '', t.statement ? md(t.statement) : '_No statement._', ''];
  const layer = t.layer?.value;
  const scope = t.function ?? t.team;
  lines.push(`Layer: ${layer ? md(layer) : '_not set_'}${scope ? ` (${md(scope)})` : ''}`);
  if (t.parent) lines.push('', `Parent: ${md(t.parent.value)}`);
  const chain = ws.registry.chain(t);
  if (chain.length > 1 || ws.registry.layerOf(t) !== 'company') {
    const path = chain.map((c) => `${md(c.id)} (${md(c.layer?.value ?? '?')})`).join(' → ');
    const reaches = ws.registry.layerOf(chain[chain.length - 1]!) === 'company';
    lines.push('', `Chain: ${path}${reaches ? '' : ' — does not reach a company tenet'}`);
  }
  const citing = ws.memos.citing(t.id).length;
  const shared = ws.sharedSourceOf(t.file);
  lines.push('', `Cited by ${citing} memo${citing === 1 ? '' : 's'} · defined in ${codeSpan(t.file)}${shared ? ` · shared by ${codeSpan(shared)}, read-only here` : ''}`);
  return lines.join('\n');
}
