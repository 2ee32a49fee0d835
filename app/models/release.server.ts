import { db } from "~/services/db.server";
import { MAX_RELEASES } from "~/schemas/release";
import { peopleOfEntry } from "./entry-people.server";

/** A release for each person who can be recognised in the work, with who consented (a guardian for a minor). */
export const releases = peopleOfEntry({
  max: MAX_RELEASES,
  tooMany: { key: "releases.tooMany" },
  count: (entryId) => db.release.count({ where: { entryId } }),
  create: (entryId, release: { person: string; minor: boolean; consentGivenBy: string }) =>
    db.release.create({ data: { entryId, ...release } }),
  remove: (entryId, id) => db.release.deleteMany({ where: { id, entryId } }),
});

export function listReleases(entryId: string) {
  return db.release.findMany({
    where: { entryId },
    orderBy: { createdAt: "asc" },
    select: { id: true, person: true, minor: true, consentGivenBy: true },
  });
}
