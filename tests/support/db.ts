import { db } from "~/services/db.server";

/** Empties every table of this test file's database, children first. */
export async function resetDatabase() {
  await db.$transaction([
    db.session.deleteMany(),
    db.contestJudge.deleteMany(),
    db.mediaAsset.deleteMany(),
    db.coCreator.deleteMany(),
    db.entry.deleteMany(),
    db.termsAcceptance.deleteMany(),
    db.verification.deleteMany(),
    db.rateLimit.deleteMany(),
    db.job.deleteMany(),
    db.email.deleteMany(),
    db.rubricCriterion.deleteMany(),
    db.category.deleteMany(),
    db.contest.deleteMany(),
    db.user.deleteMany(),
  ]);
}
