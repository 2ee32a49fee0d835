import { ensureOrganizer } from "~/models/user.server";
import { db } from "~/services/db.server";
import { env } from "~/services/env.server";
import { DEMO_SLUG, demoContest } from "./demo-contest";

/**
 * Seeds a fresh database with the demo contest and an organizer. Safe to run again: an
 * existing demo contest is left as it is.
 */
const organizerEmail = env().SEED_ORGANIZER_EMAIL;

const existing = await db.contest.findUnique({ where: { slug: DEMO_SLUG } });
if (existing) {
  console.log(`Demo contest "${DEMO_SLUG}" is already there.`);
} else {
  await db.contest.create({ data: demoContest(new Date()) });
  console.log(`Seeded the demo contest "${DEMO_SLUG}".`);
}
const { changed } = await ensureOrganizer(organizerEmail);
if (changed) console.log(`Organizer: ${organizerEmail} (sign in with this address).`);
await db.$disconnect();
