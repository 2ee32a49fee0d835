import { db } from "~/services/db.server";
import { foldForSearch } from "~/services/search-text";

const BATCH = 500;

/**
 * Fills the folded names and titles of rows written before they existed (the search_keys
 * migration adds the columns empty). Every write since fills them itself, so after the first
 * start this finds nothing. Returns how many rows it filled.
 */
export async function backfillSearchKeys() {
  let filled = 0;
  for (let cursor = ""; ;) {
    const users = await db.user.findMany({
      where: { id: { gt: cursor }, searchName: "", fullName: { not: null } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, fullName: true },
    });
    for (const user of users) {
      const searchName = foldForSearch(user.fullName);
      if (searchName) await db.user.update({ where: { id: user.id }, data: { searchName } });
      filled += searchName ? 1 : 0;
    }
    if (users.length < BATCH) break;
    cursor = users.at(-1)!.id;
  }
  for (let cursor = ""; ;) {
    const entries = await db.entry.findMany({
      where: { id: { gt: cursor }, searchTitle: "", title: { not: "" } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, title: true },
    });
    for (const entry of entries) {
      const searchTitle = foldForSearch(entry.title);
      if (searchTitle) await db.entry.update({ where: { id: entry.id }, data: { searchTitle } });
      filled += searchTitle ? 1 : 0;
    }
    if (entries.length < BATCH) break;
    cursor = entries.at(-1)!.id;
  }
  return filled;
}
