import { describe, expect, it } from 'vitest';
import { codeLenses } from '../../server/src/service/features/codeLens';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import { standardFiles } from '../protocol/fixture';
import { serviceOn } from './harness';

describe('code lens (in-process)', () => {
  it('says how many memos cite each tenet, and follows the citations as they are typed', async () => {
    const f = await serviceOn(standardFiles());
    f.open('tenets.yaml');
    const titles = () => codeLenses(f.service, { textDocument: { uri: f.uri('tenets.yaml') } }).map((l) => l.command!.title);
    expect(titles()).toEqual(['cited by 1 memo', 'not cited by any memo', 'cited by 2 memos', 'not cited by any memo']);
    f.open('decisions/0002-managed-search.md', '---\nid: "0002"\ntenets: [PROD-SIMPLE]\n---\n# x\n');
    expect(titles()).toEqual(['not cited by any memo', 'not cited by any memo', 'cited by 1 memo', 'cited by 1 memo']);
  });

  it('is off when the setting says so', async () => {
    const f = await serviceOn(standardFiles());
    f.open('tenets.yaml');
    f.service.setSettings(f.folder, { ...DEFAULT_SETTINGS, codeLens: false });
    expect(codeLenses(f.service, { textDocument: { uri: f.uri('tenets.yaml') } })).toEqual([]);
  });
});
