import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheck, type CommandIo } from '../../server/src/cli/checkCommand';

// `check --format json` on the example workspace and on real decision records written outside
// the project (test/fixtures/corpus, copied byte for byte from ../shared/corpus) must not change
// by accident. The golden files change only in commits that change behaviour on purpose and say
// so: regenerate them with `UPDATE_GOLDEN=1 npx vitest run test/cli/golden.test.ts`.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GOLDEN = path.join(ROOT, 'test/golden');
/** A fixed day, so staleness does not depend on the clock. */
const TODAY = '2026-12-01';

const WORKSPACES: Record<string, string> = {
  'example-workspace': 'examples/workspace',
  'corpus-jabref': 'test/fixtures/corpus/JabRef__jabref',
  'corpus-madr': 'test/fixtures/corpus/adr__madr',
  'corpus-govuk-aws': 'test/fixtures/corpus/alphagov__govuk-aws',
  'corpus-log4brains': 'test/fixtures/corpus/thomvaill__log4brains',
};

function checkJson(dir: string): { code: number; json: string } {
  let out = '';
  const io: CommandIo = { cwd: dir, env: {}, stdoutIsTTY: false, today: TODAY, stdout: (t) => void (out += t), note: () => {} };
  const code = runCheck([], { format: 'json' }, io);
  // The root is where the checkout happens to live; everything else is the product's.
  return { code, json: out.split(JSON.stringify(dir)).join('"<root>"') };
}

describe('check --format json golden files', () => {
  for (const [name, rel] of Object.entries(WORKSPACES)) {
    it(`${name} is unchanged`, () => {
      const { code, json } = checkJson(path.join(ROOT, rel));
      const file = path.join(GOLDEN, `${name}.json`);
      const actual = `exit ${code}\n${json}`;
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
      expect(actual).toBe(fs.readFileSync(file, 'utf8'));
    });
  }
});
