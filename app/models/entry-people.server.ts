import type { Problem } from "./problem";
import { getEditableEntry, markChanged } from "./entry.server";

/**
 * The people an entrant lists on an entry, one list per kind: its co-creators, and a release for
 * each person who can be recognised in the work. Each kind keeps its own table and rules (see
 * co-creator.server.ts, release.server.ts); what they share is written here once: only the
 * entrant changes the list, only while the entry may still change, up to a limit, and adding or
 * removing someone is a change to the entry that must be submitted again.
 */
export type AddedPerson =
  { ok: true } | { ok: false; reason: "notFound" } | { ok: false; reason: "tooMany"; problem: Problem };

export function peopleOfEntry<Person>(kind: {
  /** how many people the list may hold, and the problem when it is full */
  max: number;
  tooMany: Problem;
  count: (entryId: string) => Promise<number>;
  create: (entryId: string, person: Person) => Promise<unknown>;
  /** deletes the person only when they are on this entry's list */
  remove: (entryId: string, personId: string) => Promise<{ count: number }>;
}) {
  return {
    async add(userId: string, entryId: string, person: Person): Promise<AddedPerson> {
      if (!(await getEditableEntry(userId, entryId))) return { ok: false, reason: "notFound" };
      if ((await kind.count(entryId)) >= kind.max) return { ok: false, reason: "tooMany", problem: kind.tooMany };
      await kind.create(entryId, person);
      await markChanged(entryId);
      return { ok: true };
    },

    /** False when the entry is not the entrant's, can no longer change, or has no such person. */
    async remove(userId: string, entryId: string, personId: string) {
      if (!(await getEditableEntry(userId, entryId))) return false;
      const { count } = await kind.remove(entryId, personId);
      if (count) await markChanged(entryId);
      return count === 1;
    },
  };
}

export type PeopleOfEntry<Person> = ReturnType<typeof peopleOfEntry<Person>>;
