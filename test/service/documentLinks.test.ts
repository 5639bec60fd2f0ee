import { describe, expect, it } from 'vitest';
import { documentLinks } from '../../server/src/service/features/documentLinks';
import { GOOD_MEMO, standardFiles } from '../protocol/fixture';
import { serviceOn } from './harness';

const GOOD = 'decisions/0001-use-a-cache.md';

describe('document links (in-process)', () => {
  it('links evidence files, web evidence and inline citations; never a file outside the workspace', async () => {
    const f = await serviceOn(standardFiles());
    const text = GOOD_MEMO.replace('evidence:\n', 'evidence:\n  - https://example.com/report\n  - /etc/passwd\n');
    f.open(GOOD, text);
    const links = documentLinks(f.service, { textDocument: { uri: f.uri(GOOD) } });
    expect(links.map((l) => l.target)).toEqual(['https://example.com/report', f.uri('evidence/slo.md'), expect.stringMatching(/^file:\/\/\/workspace\/tenets\.yaml#L\d+,\d+$/)]);
  });
});
