import { randomBytes } from "node:crypto";
import { now } from "~/services/clock.server";
import { db, type Prisma, type User } from "~/services/db.server";
import { log } from "~/services/log.server";
import { keyedHash } from "~/services/tokens.server";
import { audit } from "./audit.server";
import { discardAsset, STORED_KEYS, type StoredKeys } from "./media.server";
import { statusAt } from "./lifecycle";

/**
 * Erasing a person and anonymising entries. The rules (docs/decisions/0004-data-rights.md):
 *
 * - An entry of a contest whose judging has not started is deleted with everything it holds
 *   (a submitted entry is withdrawn and deleted).
 * - An entry that judging already used (it has judges' sheets or an award) stays, because the
 *   contest's results, rankings and the other entrants' places depend on its scores. Its files,
 *   texts, co-creators, releases and guardian consents are deleted and it leaves the gallery
 *   (`anonymisedAt`). Its category, status, reference code, scores and award stay.
 * - Any other entry of a judged contest (a draft, a withdrawn or ineligible entry) is deleted.
 * - The account becomes an anonymous stand-in (`erasedAt`): no name, email, birth date, country
 *   or language; it cannot sign in. It keeps the kept entries and, for a judge, the sheets the
 *   results were computed from.
 */

/** Whether a contest's judging has started by the server's clock: its scores then count. */
export function judgingStarted(contest: {
  status: string;
  deadline: Date;
  graceMinutes: number;
  judgingStartsAt: Date;
  resultsPublishedAt: Date | null;
}) {
  const status = statusAt(contest, now());
  return contest.resultsPublishedAt !== null || status === "judging" || status === "results_published";
}

type EntryForFate = {
  contest: Parameters<typeof judgingStarted>[0];
  award: unknown;
  _count: { assignments: number };
};

/** What happens to an entry when its entrant is erased. */
export function entryFate(entry: EntryForFate): "delete" | "anonymise" {
  const usedByJudging = entry._count.assignments > 0 || entry.award !== null;
  return judgingStarted(entry.contest) && usedByJudging ? "anonymise" : "delete";
}

/** Deletes the stored objects of these files (unfinished uploads are aborted); missing ones are fine. */
export async function removeMediaObjects(media: StoredKeys[]) {
  // deleted now, or by a job once storage answers again: erasure never waits on storage
  for (const asset of media) await discardAsset(asset);
}

/** What an anonymised entry keeps blank: every text its entrant wrote. */
export const BLANK_ENTRY = {
  title: "",
  summary: "",
  statement: "",
  aiUseDetails: "",
  transcript: "",
  organizerMessage: "",
} as const;

/**
 * Deletes the files and personal details of these entries and marks them anonymised; what the
 * results need stays. The caller deletes their stored files first.
 */
export async function anonymiseEntries(tx: Prisma.TransactionClient, entryIds: string[]) {
  if (!entryIds.length) return;
  const at = now();
  await tx.mediaAsset.deleteMany({ where: { entryId: { in: entryIds } } });
  await tx.coCreator.deleteMany({ where: { entryId: { in: entryIds } } });
  await tx.release.deleteMany({ where: { entryId: { in: entryIds } } });
  await tx.guardianConsent.deleteMany({ where: { entryId: { in: entryIds } } });
  await tx.screeningDecision.updateMany({ where: { entryId: { in: entryIds } }, data: { message: "" } });
  // its certificate's check address stops vouching for anyone
  await tx.entry.updateMany({
    where: { id: { in: entryIds } },
    data: { ...BLANK_ENTRY, certificateCode: null, anonymisedAt: at },
  });
}

/** The address an erased account is left with: unique, unreachable, and telling nobody who it was. */
export function standInEmail() {
  return `erased-${randomBytes(12).toString("hex")}@erased.invalid`;
}

export type EraseResult =
  { ok: true; deletedEntries: number; anonymisedEntries: number } | { ok: false; reason: "notFound" | "lastAdmin" };

/**
 * Erases a person: by themselves (`actor` is the person) or by an administrator on their
 * request. Audited with counts only: the record says that an account was erased, not whose.
 */
export async function eraseAccount(userId: string, actor: Pick<User, "id">): Promise<EraseResult> {
  // Mosaic must keep someone who can give the administrator role
  const target = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (target?.role === "admin") {
    const others = await db.user.count({
      where: { role: "admin", id: { not: userId }, deactivatedAt: null, erasedAt: null },
    });
    if (others === 0) return { ok: false, reason: "lastAdmin" };
  }
  const at = now();
  const standIn = standInEmail();
  // One transaction, opened by claiming the account: of two requests (a double click, the person
  // and an administrator at once) one erases and the other finds nothing; entries are read inside
  // it, so one started meanwhile is not left behind. Files go once it has committed.
  const erased = await db.$transaction(
    async (tx) => {
      const claimed = await tx.user.updateMany({ where: { id: userId, erasedAt: null }, data: { erasedAt: at } });
      if (claimed.count === 0) return null;
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
      const email = user.email;
      const entries = await tx.entry.findMany({
        where: { entrantId: userId },
        select: {
          id: true,
          contest: true,
          award: { select: { id: true } },
          media: { select: STORED_KEYS },
          _count: { select: { assignments: true } },
        },
      });
      const toDelete = entries.filter((e) => entryFate(e) === "delete").map((e) => e.id);
      const toAnonymise = entries.filter((e) => entryFate(e) === "anonymise").map((e) => e.id);
      await tx.entry.deleteMany({ where: { id: { in: toDelete }, entrantId: userId } });
      await anonymiseEntries(tx, toAnonymise);
      await tx.session.deleteMany({ where: { userId } });
      await tx.vote.deleteMany({ where: { userId } });
      await tx.termsAcceptance.deleteMany({ where: { userId } });
      await tx.verification.deleteMany({ where: { email } });
      await tx.rateLimit.deleteMany({ where: { key: `sign-in:email:${keyedHash("email", email)}` } });
      // the messages sent to them, with their contents; nothing is sent to the address again
      await tx.email.deleteMany({ where: { to: email } });
      await tx.judgeInvitation.deleteMany({ where: { email } });
      // a judge's seat stays with its sheets; what they declared about themselves goes
      await tx.contestJudge.updateMany({
        where: { userId },
        data: { country: null, conflictPeople: "", conflictOrganisations: "", conflictCountries: "" },
      });
      // the audit trail names accounts by address: it keeps the events, under the stand-in's
      await tx.auditEvent.updateMany({ where: { subject: email }, data: { subject: standIn } });
      await tx.user.update({
        where: { id: userId },
        data: {
          email: standIn,
          role: "entrant",
          locale: null,
          fullName: null,
          displayName: null,
          dateOfBirth: null,
          country: null,
          publishCountry: false,
          deactivatedAt: at,
        },
      });
      await audit(tx, {
        contestId: null,
        actorId: actor.id,
        action: actor.id === userId ? "account.erased" : "people.erased",
        subject: standIn,
        detail: { deletedEntries: toDelete.length, anonymisedEntries: toAnonymise.length },
      });
      return { toDelete, toAnonymise, media: entries.flatMap((e) => e.media) };
    },
    { timeout: 60_000 },
  );
  if (!erased) return { ok: false, reason: "notFound" };
  await removeMediaObjects(erased.media);
  log.info({ deleted: erased.toDelete.length, anonymised: erased.toAnonymise.length }, "account erased");
  return { ok: true, deletedEntries: erased.toDelete.length, anonymisedEntries: erased.toAnonymise.length };
}

/** What erasing this person would do, for the confirmation step: entries deleted and entries kept anonymised. */
export async function erasurePreview(userId: string) {
  const entries = await db.entry.findMany({
    where: { entrantId: userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      referenceCode: true,
      status: true,
      contest: true,
      award: { select: { id: true } },
      _count: { select: { assignments: true } },
    },
  });
  return entries.map((e) => ({
    id: e.id,
    title: e.title,
    referenceCode: e.referenceCode,
    contest: e.contest.title,
    fate: entryFate(e),
  }));
}
