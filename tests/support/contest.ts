import { setNow } from "~/services/clock.server";
import { db, type Prisma } from "~/services/db.server";
import { DEMO_SLUG, demoContest } from "../../prisma/demo-contest";
import { resetDatabase } from "./db";
import { mailbox } from "./mailbox";

/** The day the integration tests' clock is stopped at. */
export const TODAY = new Date("2026-03-01T10:00:00Z");

/**
 * Where most integration tests start (in `beforeEach`): an empty database but for the demo
 * contest, which is open for entries, the clock stopped at TODAY, and nothing in the mailbox.
 */
export async function resetToDemoContest() {
  await resetDatabase();
  mailbox().clear();
  setNow(TODAY);
  await db.contest.create({ data: demoContest(TODAY) });
}

/**
 * The demo contest, by its slug: tests that make other contests too must not depend on which
 * row the database returns first (PostgreSQL's order changes as rows are updated).
 */
export function demo<I extends Prisma.ContestInclude>(include?: I) {
  return db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG }, include: include as I });
}
