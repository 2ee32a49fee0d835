import { db, type User } from "~/services/db.server";
import type { Locale } from "~/i18n";
import { now } from "~/services/clock.server";
import { queueEmail } from "~/services/email.server";
import { env } from "~/services/env.server";
import { keyedHash, newToken } from "~/services/tokens.server";
import { audit } from "./audit.server";
import { splitList } from "./contest";
import { normaliseEmail } from "./user";

/**
 * Judges: an organizer invites them by email; the link (a keyed hash in the database, single
 * use, 14 days, for the invited address only) makes the person a judge of that contest alone.
 * Before any entry is assigned to them, a judge declares their conflicts of interest.
 */
const INVITATION_DAYS = 14;

export async function inviteJudge(contestId: string, inviterId: string, email: string, locale: Locale) {
  const contest = await db.contest.findUniqueOrThrow({ where: { id: contestId } });
  const address = normaliseEmail(email);
  const token = newToken();
  const expiresAt = new Date(now().getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  await db.$transaction(async (tx) => {
    // A new invitation replaces any unanswered one to the same address.
    await tx.judgeInvitation.deleteMany({ where: { contestId, email: address, acceptedAt: null } });
    const invitation = await tx.judgeInvitation.create({
      data: {
        contestId,
        email: address,
        tokenHash: keyedHash("judge-invitation", token),
        expiresAt,
        invitedById: inviterId,
      },
    });
    await queueEmail(tx, {
      template: "judge-invitation",
      to: address,
      locale,
      payload: {
        contest: contest.title,
        link: `${env().APP_URL}/judge/accept?${new URLSearchParams({ token })}`,
        expiresAt: expiresAt.toISOString(),
        timezone: contest.timezone,
      },
      idempotencyKey: `judge-invitation:${invitation.id}`,
    });
    await audit(tx, { contestId, actorId: inviterId, action: "judge.invited", subject: address });
  });
}

export async function findInvitation(token: string) {
  if (!token) return null;
  const invitation = await db.judgeInvitation.findUnique({
    where: { tokenHash: keyedHash("judge-invitation", token) },
    include: { contest: { select: { id: true, slug: true, title: true } } },
  });
  if (!invitation) return null;
  const state = invitation.acceptedAt ? "accepted" : invitation.expiresAt <= now() ? "expired" : "open";
  return { invitation, state: state as "accepted" | "expired" | "open" };
}

export type AcceptResult =
  { ok: true; slug: string } | { ok: false; reason: "gone" } | { ok: false; reason: "otherAddress"; email: string };

/** Accepting works once, before it expires, and only for the address that was invited. */
export async function acceptInvitation(token: string, user: User): Promise<AcceptResult> {
  const found = await findInvitation(token);
  if (!found || found.state !== "open") return { ok: false, reason: "gone" };
  if (found.invitation.email !== user.email)
    return { ok: false, reason: "otherAddress", email: found.invitation.email };
  return db.$transaction(async (tx) => {
    const { count } = await tx.judgeInvitation.updateMany({
      where: { id: found.invitation.id, acceptedAt: null, expiresAt: { gt: now() } },
      data: { acceptedAt: now() },
    });
    if (count === 0) return { ok: false as const, reason: "gone" as const };
    await tx.contestJudge.upsert({
      where: { contestId_userId: { contestId: found.invitation.contestId, userId: user.id } },
      create: { contestId: found.invitation.contestId, userId: user.id },
      update: {},
    });
    return { ok: true as const, slug: found.invitation.contest.slug };
  });
}

export async function saveConflicts(
  contestId: string,
  userId: string,
  declared: { country: string; people: string; organisations: string; countries: string[] },
) {
  const { count } = await db.contestJudge.updateMany({
    where: { contestId, userId },
    data: {
      country: declared.country,
      conflictPeople: declared.people,
      conflictOrganisations: declared.organisations,
      conflictCountries: declared.countries.join(","),
      conflictsDeclaredAt: now(),
    },
  });
  return count === 1;
}

/** The judges of a contest with their declarations and progress, and invitations not yet accepted. */
export async function listJudges(contestId: string) {
  const [judges, invitations, counts] = await Promise.all([
    db.contestJudge.findMany({
      where: { contestId },
      orderBy: { createdAt: "asc" },
      include: { user: { select: { id: true, email: true, fullName: true } } },
    }),
    db.judgeInvitation.findMany({
      where: { contestId, acceptedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, expiresAt: true },
    }),
    db.assignment.groupBy({
      by: ["judgeId", "status"],
      where: { contestId, round: "scoring", recusedAt: null, entry: { status: "eligible" } },
      _count: { _all: true },
    }),
  ]);
  const progress = (judgeId: string, status?: string) =>
    counts
      .filter((c) => c.judgeId === judgeId && (!status || c.status === status))
      .reduce((sum, c) => sum + c._count._all, 0);
  return {
    judges: judges.map((j) => ({
      id: j.userId,
      email: j.user.email,
      name: j.user.fullName,
      country: j.country,
      declared: Boolean(j.conflictsDeclaredAt),
      conflicts: {
        people: j.conflictPeople.split("\n").filter(Boolean),
        organisations: j.conflictOrganisations.split("\n").filter(Boolean),
        countries: splitList(j.conflictCountries),
      },
      assigned: progress(j.userId),
      submitted: progress(j.userId, "submitted"),
    })),
    invitations: invitations.map((i) => ({ ...i, expired: i.expiresAt <= now() })),
  };
}
