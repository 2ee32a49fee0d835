import { foldForSearch } from "~/services/search-text";
import { byteOrder, db, Prisma } from "~/services/db.server";
import { ageOn, dateIn } from "./eligibility";
import { countAndPage } from "./list.server";

export type EntrantListQuery = { q: string; country: string; filter: string; page: number };

/** A LIKE pattern that matches `text` anywhere, with its own % and _ taken literally. */
function containing(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Organizers' list of the people who entered a contest: one row per entrant with how many entries
 * they have, how many are still drafts, and their age on the deadline. Search in name and email,
 * filters by country and by "has drafts" or "has submitted", 50 a page. One grouped join (portable
 * SQL, the same on SQLite and PostgreSQL) over the contest's entries, which the index on
 * (contestId, status) serves.
 */
export async function listEntrants(contest: { id: string; deadline: Date; timezone: string }, query: EntrantListQuery) {
  const q = query.q.trim();
  const conditions = [Prisma.sql`e."contestId" = ${contest.id}`];
  if (q) {
    conditions.push(
      Prisma.sql`(u."email" LIKE ${containing(q.toLowerCase())} ESCAPE '\\' OR u."searchName" LIKE ${containing(foldForSearch(q))} ESCAPE '\\')`,
    );
  }
  if (query.country) conditions.push(Prisma.sql`u."country" = ${query.country}`);
  const having =
    query.filter === "drafts"
      ? Prisma.sql`HAVING SUM(CASE WHEN e."status" = 'draft' THEN 1 ELSE 0 END) > 0`
      : query.filter === "submitted"
        ? Prisma.sql`HAVING SUM(CASE WHEN e."submittedAt" IS NOT NULL THEN 1 ELSE 0 END) > 0`
        : Prisma.empty;
  const grouped = Prisma.sql`
    SELECT u."id", u."email", u."fullName", u."country", u."dateOfBirth", u."deactivatedAt",
      COUNT(*) AS "entries",
      SUM(CASE WHEN e."status" = 'draft' THEN 1 ELSE 0 END) AS "drafts",
      SUM(CASE WHEN e."submittedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "submitted"
    FROM "Entry" e JOIN "User" u ON u."id" = e."entrantId"
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY u."id", u."email", u."fullName", u."country", u."dateOfBirth", u."deactivatedAt"
    ${having}`;
  type Row = {
    id: string;
    email: string;
    fullName: string | null;
    country: string | null;
    dateOfBirth: string | null;
    deactivatedAt: unknown;
    entries: bigint | number;
    drafts: bigint | number;
    submitted: bigint | number;
  };
  type Count = { total: bigint | number };
  const list = await countAndPage(query.page, {
    count: async () => {
      const [counted] = await db.$queryRaw<Count[]>`SELECT COUNT(*) AS "total" FROM (${grouped}) AS t`;
      return Number(counted?.total ?? 0);
    },
    rows: ({ skip, take }) =>
      db.$queryRaw<Row[]>`${grouped} ORDER BY u."email" ${byteOrder()} ASC LIMIT ${take} OFFSET ${skip}`,
  });
  const on = dateIn(contest.deadline, contest.timezone);
  return {
    ...list,
    rows: list.rows.map((r) => ({
      id: r.id,
      email: r.email,
      fullName: r.fullName,
      country: r.country,
      age: r.dateOfBirth ? ageOn(r.dateOfBirth, on) : null,
      deactivated: r.deactivatedAt != null,
      entries: Number(r.entries),
      drafts: Number(r.drafts),
      submitted: Number(r.submitted),
    })),
  };
}
