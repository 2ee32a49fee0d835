import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { MAX_CO_CREATORS } from "~/schemas/co-creator";
import { peopleOfEntry } from "./entry-people.server";
import { normaliseEmail } from "./user";

/** The people who made the work with the entrant; the entrant confirmed, when adding each, that they may enter. */
export const coCreators = peopleOfEntry({
  max: MAX_CO_CREATORS,
  tooMany: { key: "coCreators.tooMany" },
  count: (entryId) => db.coCreator.count({ where: { entryId } }),
  create: (entryId, person: { name: string; email: string }) =>
    db.coCreator.create({
      data: { entryId, name: person.name, email: normaliseEmail(person.email), eligibleConfirmedAt: now() },
    }),
  remove: (entryId, id) => db.coCreator.deleteMany({ where: { id, entryId } }),
});

export function listCoCreators(entryId: string) {
  return db.coCreator.findMany({
    where: { entryId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true },
  });
}
