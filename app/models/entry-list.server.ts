import { foldForSearch } from "~/services/search-text";
import { db, type Prisma } from "~/services/db.server";
import { countAndPage } from "./list.server";

export type EntryListQuery = { q: string; status: string; categoryId: string; page: number };

/**
 * Organizers' list of a contest's entries: search in the reference, title and the entrant's name
 * and email, filters by status and category, 50 a page, newest submission first. Paged with
 * LIMIT/OFFSET on an indexed order, which stays fast at 10,000 entries.
 */
export function listEntries(contestId: string, query: EntryListQuery) {
  const q = query.q.trim();
  const where: Prisma.EntryWhereInput = {
    contestId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.categoryId ? { categoryId: query.categoryId } : {}),
    ...(q
      ? {
          OR: [
            { referenceCode: { contains: q.toUpperCase() } },
            { searchTitle: { contains: foldForSearch(q) } },
            { entrant: { searchName: { contains: foldForSearch(q) } } },
            { entrant: { email: { contains: q.toLowerCase() } } },
          ],
        }
      : {}),
  };
  return countAndPage(query.page, {
    count: () => db.entry.count({ where }),
    rows: (window) =>
      db.entry.findMany({
        where,
        orderBy: [{ submittedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
        ...window,
        select: {
          id: true,
          referenceCode: true,
          title: true,
          status: true,
          submittedAt: true,
          category: { select: { name: true } },
          entrant: { select: { fullName: true, email: true, country: true } },
        },
      }),
  });
}

/** Every entry past draft, by reference, with who made it and its award: for entries.csv. */
export function exportEntries(contestId: string) {
  return db.entry.findMany({
    where: { contestId, status: { not: "draft" } },
    orderBy: { referenceCode: "asc" },
    include: { category: true, entrant: true, award: true },
  });
}

/**
 * One entry of the contest as organizers see it: its verified files, who made it, its award and
 * every judge's sheet (recusals left out); null when the contest has no such entry.
 */
export function getContestEntry(contestId: string, entryId: string) {
  return db.entry.findFirst({
    where: { id: entryId, contestId },
    include: {
      category: true,
      entrant: { select: { fullName: true, email: true, country: true } },
      media: { where: { state: "verified" }, orderBy: { position: "asc" } },
      assignments: { where: { recusedAt: null }, include: { judge: { select: { email: true } } } },
      award: true,
    },
  });
}
