import { db } from "~/services/db.server";
import { MAX_RELEASES } from "~/schemas/release";
import { getEditableEntry, markChanged } from "./entry.server";

// Releases are part of the entry: adding or removing one is a change to submit again.

export async function addRelease(
  userId: string,
  entryId: string,
  release: { person: string; minor: boolean; consentGivenBy: string },
) {
  const entry = await getEditableEntry(userId, entryId);
  if (!entry) return { ok: false as const, reason: "notFound" as const };
  if (entry._count.releases >= MAX_RELEASES) return { ok: false as const, reason: "tooMany" as const };
  await db.release.create({ data: { entryId, ...release } });
  await markChanged(entryId);
  return { ok: true as const };
}

export async function removeRelease(userId: string, entryId: string, releaseId: string) {
  const entry = await getEditableEntry(userId, entryId);
  if (!entry) return false;
  const { count } = await db.release.deleteMany({ where: { id: releaseId, entryId } });
  if (count) await markChanged(entryId);
  return count === 1;
}

export function listReleases(entryId: string) {
  return db.release.findMany({
    where: { entryId },
    orderBy: { createdAt: "asc" },
    select: { id: true, person: true, minor: true, consentGivenBy: true },
  });
}
