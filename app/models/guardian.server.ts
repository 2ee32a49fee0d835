import type { Locale } from "~/i18n";
import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { queueEmail } from "~/services/email.server";
import { env } from "~/services/env.server";
import { consume } from "~/services/rate-limit.server";
import { keyedHash, newToken } from "~/services/tokens.server";
import { audit } from "./audit.server";
import { entryClosesAt } from "./entry";
import { judgingStarted } from "./erasure.server";
import { getEditableEntry, guardianState } from "./entry.server";
import { normaliseEmail } from "./user";
import { titleIn } from "./contest-texts";

/**
 * A guardian's consent for an entrant under the contest's age of consent. The guardian gets a
 * link (stored as a keyed hash, single use, expiring within 7 days and never after the entry
 * closes) to a page showing what the entry contains, where they consent or refuse. The answer
 * holds for the entry as the guardian saw it: a later change to the entry needs a new answer.
 */
const LINK_DAYS = 7;
/** Requests per entry per day, so an entrant cannot use Mosaic to send mail to anyone at will. */
const MAX_REQUESTS_PER_DAY = 5;

export type GuardianRequestResult =
  | { ok: true }
  | { ok: false; reason: "notFound" | "notNeeded" | "sameAsEntrant" }
  | { ok: false; reason: "rateLimited"; retryAfterMs: number };

export async function requestGuardianConsent(
  userId: string,
  entryId: string,
  guardian: { name: string; email: string },
  locale: Locale,
): Promise<GuardianRequestResult> {
  const entry = await getEditableEntry(userId, entryId);
  if (!entry) return { ok: false, reason: "notFound" };
  const entrant = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (guardianState(entry, entrant) === "notNeeded") return { ok: false, reason: "notNeeded" };
  const email = normaliseEmail(guardian.email);
  if (email === entrant.email) return { ok: false, reason: "sameAsEntrant" };
  const limit = await consume(`guardian:${entryId}`, MAX_REQUESTS_PER_DAY, 24 * 60 * 60 * 1000);
  if (!limit.ok) return { ok: false, reason: "rateLimited", retryAfterMs: limit.retryAfterMs };

  const token = newToken();
  const expiresAt = new Date(
    Math.min(now().getTime() + LINK_DAYS * 24 * 60 * 60 * 1000, entryClosesAt(entry).getTime()),
  );
  await db.$transaction(async (tx) => {
    // Links not yet answered stop working: only the newest request counts.
    await tx.guardianConsent.deleteMany({ where: { entryId, decision: null } });
    const request = await tx.guardianConsent.create({
      data: {
        entryId,
        guardianName: guardian.name,
        guardianEmail: email,
        tokenHash: keyedHash("guardian", token),
        expiresAt,
      },
    });
    await queueEmail(tx, {
      template: "guardian-request",
      to: email,
      locale,
      payload: {
        guardianName: guardian.name,
        entrantName: entrant.fullName ?? "",
        contest: titleIn(entry.contest, locale),
        link: `${env().APP_URL}/guardian?${new URLSearchParams({ token })}`,
        expiresAt: expiresAt.toISOString(),
        timezone: entry.contest.timezone,
      },
      idempotencyKey: `guardian-request:${request.id}`,
    });
  });
  return { ok: true };
}

/** The request behind a link, with the entry it is about; null when the link is unknown. */
export async function findGuardianRequest(token: string) {
  if (!token) return null;
  const request = await db.guardianConsent.findUnique({
    where: { tokenHash: keyedHash("guardian", token) },
    include: {
      entry: {
        include: {
          category: true,
          contest: true,
          // the email and language are for telling the entrant the answer; the guardian's page shows only the name
          entrant: { select: { fullName: true, email: true, locale: true, deactivatedAt: true } },
          media: { where: { state: "verified" }, orderBy: { position: "asc" } },
          coCreators: { select: { name: true } },
          releases: { select: { person: true, minor: true, consentGivenBy: true } },
        },
      },
    },
  });
  if (!request) return null;
  const state = request.decision ? "answered" : request.expiresAt <= now() ? "expired" : "open";
  return { request, state: state as "answered" | "expired" | "open" };
}

export type GuardianAnswer = { ok: true } | { ok: false; reason: "gone" | "changed" | "notReady" };

/**
 * Whether every file of the entry can be shown: a file still being checked or prepared is not on
 * the guardian's page yet, and consent given without seeing it would not be consent to it.
 */
export async function filesReady(entryId: string) {
  return (await db.mediaAsset.count({ where: { entryId, state: { in: ["uploaded", "preparing"] } } })) === 0;
}

/**
 * Records the guardian's answer once. `seenRevision` is the entry revision the page showed:
 * if the entry changed meanwhile, the guardian is asked to look again.
 */
export async function answerGuardianRequest(
  token: string,
  decision: "consented" | "refused",
  seenRevision: number,
): Promise<GuardianAnswer> {
  const found = await findGuardianRequest(token);
  if (!found || found.state !== "open") return { ok: false, reason: "gone" };
  const { request } = found;
  if (request.entry.revision !== seenRevision) return { ok: false, reason: "changed" };
  if (!(await filesReady(request.entry.id))) return { ok: false, reason: "notReady" };
  return db.$transaction(async (tx) => {
    const { count } = await tx.guardianConsent.updateMany({
      where: { id: request.id, decision: null, expiresAt: { gt: now() } },
      data: { decision, decidedAt: now(), entryRevision: seenRevision },
    });
    if (count !== 1) return { ok: false as const, reason: "gone" as const };
    // the entrant learns the answer at once: with consent they can submit, without it they cannot
    if (!request.entry.entrant.deactivatedAt)
      await queueEmail(tx, {
        template: "guardian-answered",
        to: request.entry.entrant.email,
        locale: request.entry.entrant.locale ?? "en",
        payload: {
          decision,
          guardianName: request.guardianName,
          title: request.entry.title,
          contest: titleIn(request.entry.contest, request.entry.entrant.locale ?? "en"),
          link: `${env().APP_URL}/entries/${request.entry.id}`,
        },
        idempotencyKey: `guardian-answered:${request.id}`,
      });
    return { ok: true as const };
  });
}

export type GuardianWithdrawal = { ok: true; outOfJudging: boolean } | { ok: false; reason: "gone" };

/**
 * A guardian takes back a consent they gave, from the link in their email (which keeps working
 * for this, whatever its expiry). The work leaves the gallery at once (the gallery shows only
 * consented work) and, if judging has not started, it is withdrawn from the contest. Once
 * judging has started, its scores stay in the results so that nobody else's place changes.
 * The entrant is told by email; organizers see it in the contest's audit.
 */
export async function withdrawGuardianConsent(token: string): Promise<GuardianWithdrawal> {
  const found = await findGuardianRequest(token);
  if (!found || found.request.decision !== "consented") return { ok: false, reason: "gone" };
  const { request } = found;
  const entry = request.entry;
  // Only the newest request speaks for the entry (the gallery and the entry page read it): an
  // older consent, already replaced, has nothing left to take back.
  const newest = await db.guardianConsent.findFirst({
    where: { entryId: entry.id },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (newest?.id !== request.id) return { ok: false, reason: "gone" };
  const alreadyWithdrawn = entry.status === "withdrawn";
  // what the guardian is told: the work is out of the contest, or its scores stay in the results
  const outOfJudging = alreadyWithdrawn || !judgingStarted(entry.contest);
  const at = now();
  const ok = await db.$transaction(async (tx) => {
    const { count } = await tx.guardianConsent.updateMany({
      where: { id: request.id, decision: "consented" },
      data: { decision: "withdrawn", withdrawnAt: at },
    });
    if (count !== 1) return false;
    if (outOfJudging && !alreadyWithdrawn)
      await tx.entry.update({ where: { id: entry.id }, data: { status: "withdrawn", withdrawnAt: at } });
    await audit(tx, {
      contestId: entry.contestId,
      actorId: null,
      action: "guardian.withdrawn",
      subject: entry.referenceCode ?? "",
      detail: { outOfJudging },
    });
    if (!entry.entrant.deactivatedAt)
      await queueEmail(tx, {
        template: "guardian-answered",
        to: entry.entrant.email,
        locale: entry.entrant.locale ?? "en",
        payload: {
          decision: "withdrawn",
          guardianName: request.guardianName,
          title: entry.title,
          contest: titleIn(entry.contest, entry.entrant.locale ?? "en"),
          link: `${env().APP_URL}/entries/${entry.id}`,
        },
        idempotencyKey: `guardian-withdrawn:${request.id}`,
      });
    return true;
  });
  return ok ? { ok: true, outOfJudging } : { ok: false, reason: "gone" };
}
