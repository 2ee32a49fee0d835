import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { getEditableEntry, markChanged } from "./entry.server";
import { normaliseEmail } from "./user";
import { MAX_CO_CREATORS } from "~/schemas/co-creator";

// Co-creators are part of the entry: adding or removing one is a change to submit again.

export async function addCoCreator(userId: string, entryId: string, person: { name: string; email: string }) {
  const entry = await getEditableEntry(userId, entryId);
  if (!entry) return { ok: false as const, reason: "notFound" as const };
  if ((await db.coCreator.count({ where: { entryId } })) >= MAX_CO_CREATORS)
    return { ok: false as const, reason: "tooMany" as const };
  await db.coCreator.create({
    data: { entryId, name: person.name, email: normaliseEmail(person.email), eligibleConfirmedAt: now() },
  });
  await markChanged(entryId);
  return { ok: true as const };
}

export async function removeCoCreator(userId: string, entryId: string, coCreatorId: string) {
  const entry = await getEditableEntry(userId, entryId);
  if (!entry) return false;
  const { count } = await db.coCreator.deleteMany({ where: { id: coCreatorId, entryId } });
  if (count) await markChanged(entryId);
  return count === 1;
}

export function listCoCreators(entryId: string) {
  return db.coCreator.findMany({
    where: { entryId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true },
  });
}
