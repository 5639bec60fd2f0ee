import type { MemoRule } from '../core/check/rule';
import { findPerson, hasLeft } from '../core/workspace/people';
import { DECIDING_STATUSES } from '../shared/vocabulary';

export const ownerDeparted: MemoRule = {
  id: 'owner-departed',
  target: 'memo',
  description: 'A proposed or accepted memo has an owner who is still here: not every owner is marked as left in the people directory.',
  defaultSeverity: 'warning',
  check(memo, ctx, report) {
    const people = ctx.people;
    if (!people || memo.owners.length === 0 || memo.statusValue === undefined || !DECIDING_STATUSES.includes(memo.statusValue)) return;
    const owners = memo.owners.map((o) => ({ o, p: findPerson(people, o.value) }));
    // An owner the directory does not know may be here: owner-unknown's to say.
    if (!owners.every(({ p }) => p !== undefined && hasLeft(p, ctx.today))) return;
    const who = owners.map(({ o, p }) => `\`${o.value}\`${p?.left ? ` (left ${p.left})` : ''}`).join(', ');
    report({
      range: memo.ownersEntry?.value?.range ?? owners[0]!.o.range,
      message: `Every owner of this ${memo.statusValue} decision has left: ${who}. Hand it to someone who is here, so it has an owner to revisit and answer for it.`,
      related: owners.map(({ o, p }) => ({ file: people.file, range: p!.range, message: `\`${o.value}\` has left` })),
    });
  },
};
