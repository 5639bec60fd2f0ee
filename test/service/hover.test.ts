import { describe, expect, it } from 'vitest';
import { hover } from '../../server/src/service/features/hover';
import { GOOD_MEMO, standardFiles } from '../protocol/fixture';
import { positionParams, serviceOn } from './harness';

const GOOD = 'decisions/0001-use-a-cache.md';

function value(h: ReturnType<typeof hover>): string {
  return (h?.contents as { value: string } | undefined)?.value ?? '';
}

describe('hover (in-process)', () => {
  it('shows a tenet statement, its chain to a company tenet and how many memos cite it', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD);
    const h = hover(f.service, positionParams(f, GOOD, '[[ENG-LATENCY]]', 4));
    expect(value(h)).toContain('we choose latency over throughput');
    expect(value(h)).toContain('Chain: ENG-LATENCY (function) → CO-TRUST (company)');
    expect(value(h)).toContain('Cited by 2 memos');
    expect(h!.range).toEqual({ start: f.at(GOOD, 'ENG-LATENCY]]'), end: f.at(GOOD, ']] ✓') });
  });

  it('shows an owner’s name and role, and says when an owner is unknown', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD, GOOD_MEMO.replace('owners: [alice]', 'owners: [alice, zed]'));
    expect(value(hover(f.service, positionParams(f, GOOD, 'alice', 1)))).toBe('**Alice Smith** (alice) · Engineering manager · alice@example.com');
    expect(value(hover(f.service, positionParams(f, GOOD, 'zed', 1)))).toBe('**zed** is not in `people.yaml`.');
  });

  it('escapes workspace text: a tenet statement holding an image is shown as text', async () => {
    const files = standardFiles();
    files['tenets.yaml'] += '- id: CO-IMG\n  layer: company\n  statement: "When ![x](https://example.com/t.png) and speed conflict, we choose a over b because c."\n';
    const f = await serviceOn(files);
    f.open(GOOD, GOOD_MEMO + '\n[[CO-IMG]]\n');
    expect(value(hover(f.service, positionParams(f, GOOD, '[[CO-IMG', 3)))).toContain('!\\[x\\](https://example.com/t.png)');
  });
});
