import { setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { demoContest } from "../../prisma/demo-contest";
import { resetDatabase } from "./db";
import { TODAY } from "./entries";
import { mailbox } from "./mailbox";

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
