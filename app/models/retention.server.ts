import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { SESSION_IDLE_MS } from "~/services/session.server";
import { audit } from "./audit.server";
import { anonymiseEntries, removeMediaObjects, standInEmail } from "./erasure.server";
import { STORED_KEYS } from "./media.server";
import { FINISHED_KEPT_MS, retentionEndsAt, SIGN_IN_KEPT_MS } from "./retention";

/**
 * The daily retention job: what Mosaic no longer needs is deleted at a fixed age (the limits are
 * in ./retention.ts). Each step is one statement on an indexed or small table, so a run costs
 * little however long ago the last one was.
 */
export async function applyRetention() {
  const at = now();
  const before = (ms: number) => new Date(at.getTime() - ms);
  const signIn = before(SIGN_IN_KEPT_MS);
  const finished = before(FINISHED_KEPT_MS);

  const verifications = await db.verification.deleteMany({
    where: { OR: [{ usedAt: { lte: signIn } }, { expiresAt: { lte: signIn } }] },
  });
  // every limit's window is a day at most, so a counter a day old limits nothing any more
  const rateLimits = await db.rateLimit.deleteMany({ where: { windowStart: { lte: signIn } } });
  const sessions = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: at } }, { lastSeenAt: { lte: before(SESSION_IDLE_MS) } }] },
  });
  const jobs = await db.job.deleteMany({
    where: {
      status: { in: ["done", "failed"] },
      finishedAt: { lte: finished },
      // the marker that a once-per-database job ran (see app/jobs.server.ts) stays
      type: { not: "search.backfill" },
    },
  });
  // the message's contents go; who it went to, which template, when and whether it arrived stay
  const emailBodies = await db.email.updateMany({
    where: { status: "sent", sentAt: { lte: finished }, payload: { not: "{}" } },
    data: { payload: "{}" },
  });
  const contests = await applyContestRetention();
  return {
    verifications: verifications.count,
    rateLimits: rateLimits.count,
    sessions: sessions.count,
    jobs: jobs.count,
    emailBodies: emailBodies.count,
    contests,
  };
}

/** Entries of a contest that the retention period will anonymise: those that won nothing. */
function unawarded(contestId: string) {
  return { contestId, award: null, anonymisedAt: null };
}

/** Entrants whose entries one transaction anonymises: short enough for any database's limits. */
const RETENTION_BATCH = 100;

/**
 * For each contest whose retention period after its results has ended: the files and personal
 * details of its entries that won nothing are deleted, and each entrant's entries move to an
 * anonymous stand-in, so the statistics (entries and entrants per category, status, day and
 * country, the judges' scores) stay while nothing leads back to the person. Winners stay as
 * published. Entrants go a batch at a time, each batch in its own transaction and its files
 * deleted once it has committed, so a large contest never holds one long transaction, and a run
 * that stops half-way (or runs beside another instance's) carries on where it left off.
 */
async function applyContestRetention() {
  const at = now();
  const due = (
    await db.contest.findMany({
      where: { resultsPublishedAt: { not: null }, retentionDoneAt: null },
      select: { id: true, resultsPublishedAt: true, retentionMonths: true },
    })
  ).filter((c) => retentionEndsAt(c)! <= at);
  let entries = 0;
  let contests = 0;
  for (const contest of due) {
    let files = 0;
    let done = 0;
    for (;;) {
      const batch = await anonymiseBatch(contest.id, at);
      if (!batch) break;
      await removeMediaObjects(batch.media);
      done += batch.entries;
      files += batch.media.length;
    }
    entries += done;
    const finished = await db.$transaction(async (tx) => {
      const { count } = await tx.contest.updateMany({
        where: { id: contest.id, retentionDoneAt: null },
        data: { retentionDoneAt: at },
      });
      if (count === 1)
        await audit(tx, {
          contestId: contest.id,
          actorId: null,
          action: "retention.applied",
          detail: { entries: done, files },
        });
      return count === 1;
    });
    if (finished) contests += 1;
  }
  return { contests, entries };
}

/** One batch of entrants: their unawarded entries anonymised and moved to stand-ins; null when none is left. */
async function anonymiseBatch(contestId: string, at: Date) {
  return db.$transaction(
    async (tx) => {
      const entrants = await tx.entry.findMany({
        where: unawarded(contestId),
        distinct: ["entrantId"],
        orderBy: { entrantId: "asc" },
        take: RETENTION_BATCH,
        select: { entrantId: true },
      });
      if (!entrants.length) return null;
      const rows = await tx.entry.findMany({
        where: { ...unawarded(contestId), entrantId: { in: entrants.map((e) => e.entrantId) } },
        select: {
          id: true,
          entrantId: true,
          entrant: { select: { country: true } },
          media: { select: STORED_KEYS },
        },
      });
      // claimed by marking them: another run that read the same rows finds them taken and rolls back
      const { count } = await tx.entry.updateMany({
        where: { id: { in: rows.map((r) => r.id) }, anonymisedAt: null },
        data: { anonymisedAt: at },
      });
      if (count !== rows.length) throw new Error("another run is anonymising these entries");
      await anonymiseEntries(
        tx,
        rows.map((r) => r.id),
      );
      const byEntrant = new Map<string, typeof rows>();
      for (const row of rows) byEntrant.set(row.entrantId, [...(byEntrant.get(row.entrantId) ?? []), row]);
      for (const [, own] of byEntrant) {
        const standIn = await tx.user.create({
          data: { email: standInEmail(), country: own[0]!.entrant.country, deactivatedAt: at, erasedAt: at },
        });
        await tx.entry.updateMany({ where: { id: { in: own.map((r) => r.id) } }, data: { entrantId: standIn.id } });
      }
      return { entries: rows.length, media: rows.flatMap((r) => r.media) };
    },
    { timeout: 60_000 },
  );
}

/**
 * What the retention period will delete in this contest, and when, for its organizers. `left`:
 * the entries not anonymised yet and their files, as the dashboard counts them (from indexes, a
 * page at a time); the awarded ones, which stay, are few and taken off here.
 */
export async function retentionPlan(contestId: string, left: { entries: number; files: number }) {
  const contest = await db.contest.findUniqueOrThrow({
    where: { id: contestId },
    select: { resultsPublishedAt: true, retentionMonths: true, retentionDoneAt: true },
  });
  // From the awards (a few dozen), not the entries: what a 50,000-entry contest's dashboard reads
  // stays as small as a 50-entry one's.
  const awarded = await db.award.findMany({
    where: { contestId, entry: { anonymisedAt: null } },
    select: { entryId: true },
  });
  const awardedEntries = awarded.length;
  const awardedFiles = awarded.length
    ? await db.mediaAsset.count({ where: { entryId: { in: awarded.map((a) => a.entryId) } } })
    : 0;
  return {
    months: contest.retentionMonths,
    endsAt: retentionEndsAt(contest)?.toISOString() ?? null,
    doneAt: contest.retentionDoneAt?.toISOString() ?? null,
    entries: left.entries - awardedEntries,
    files: left.files - awardedFiles,
  };
}
