// What the matrix names, looked up where it lives: `decides` and `escalate-to` in the people
// directory (a role someone holds, or a person), `tenets` in the registry. Warnings on the matrix;
// quiet for the people when there is no people directory to look in.
import type { TenetRegistry } from '../tenets/tenetRegistry';
import { findPerson, roleKey, type PeopleDirectory } from '../workspace/people';
import type { YamlProblem } from '../yaml/yamlTree';
import type { AuthorityMatrix } from './authorityMatrix';

/** The roles held in a directory, by `roleKey`. */
export function heldRoles(people: PeopleDirectory): Set<string> {
  const roles = new Set<string>();
  for (const p of people.people) for (const r of p.roles) roles.add(roleKey(r));
  return roles;
}

export function authorityReferenceProblems(matrix: AuthorityMatrix, people: PeopleDirectory | undefined, registry: TenetRegistry): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const roles = people ? heldRoles(people) : undefined;
  for (const type of matrix.types) {
    for (const [key, who] of [['decides', type.decides], ['escalate-to', type.escalateTo]] as const) {
      if (!who || !people || !roles) continue;
      if (key === 'decides' && who.value.toLowerCase() === 'owner') continue;
      if (roles.has(roleKey(who.value)) || findPerson(people, who.value)) continue;
      problems.push({ message: `\`${key}: ${who.value}\` is neither a role anyone in ${people.file} holds nor a person there${key === 'decides' ? ' (or `owner`)' : ''}.`, range: who.range, severity: 'warning' });
    }
    for (const t of type.tenets) {
      if (!registry.get(t.value)) problems.push({ message: `Tenet \`${t.value}\` is not in the tenet registry.`, range: t.range, severity: 'warning' });
    }
  }
  return problems;
}
