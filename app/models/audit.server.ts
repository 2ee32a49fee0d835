import { db, type Prisma } from "~/services/db.server";
import { now } from "~/services/clock.server";

/**
 * The audit trail organizers read at /organize/<slug>/audit: who did what, and when, to the
 * things results depend on. Written in the same transaction as the change where there is one.
 */
export type AuditAction =
  | "screening.decided"
  | "rubric.saved"
  | "judge.invited"
  | "assignment.run"
  | "assignment.added"
  | "assignment.moved"
  | "assignment.recused"
  | "final.started"
  | "score.revised"
  | "award.set"
  | "award.removed"
  | "results.scheduled"
  | "results.published"
  | "feedback.reviewed"
  | "feedback.released"
  | "votes.discounted"
  | "votes.restored"
  | "export.csv"
  | "message.sent"
  | "contest.created"
  | "contest.updated"
  | "contest.status"
  | "people.invited"
  | "people.role"
  | "people.deactivated"
  | "people.reactivated"
  | "people.erased"
  | "account.erased"
  | "guardian.withdrawn"
  | "retention.applied";

export function audit(
  client: Prisma.TransactionClient,
  // contestId null: a change to an account, which belongs to no contest
  event: { contestId: string | null; actorId: string | null; action: AuditAction; subject?: string; detail?: unknown },
) {
  return client.auditEvent.create({
    data: {
      contestId: event.contestId,
      actorId: event.actorId,
      action: event.action,
      subject: event.subject ?? "",
      detail: JSON.stringify(event.detail ?? {}),
      createdAt: now(),
    },
  });
}

export const AUDIT_PAGE_SIZE = 100;

/**
 * The newest events first, a page at a time (`before`: the createdAt/id cursor of the last row
 * seen); `contestId` null lists the changes to accounts.
 */
export async function listAudit(contestId: string | null, before?: { at: Date; id: string }, size = AUDIT_PAGE_SIZE) {
  const rows = await db.auditEvent.findMany({
    where: {
      contestId,
      ...(before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: size + 1,
  });
  const actors = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.actorId).filter((id): id is string => Boolean(id)))] } },
    select: { id: true, email: true },
  });
  const email = new Map(actors.map((a) => [a.id, a.email]));
  return {
    events: rows.slice(0, size).map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      actor: r.actorId ? (email.get(r.actorId) ?? r.actorId) : null,
      action: r.action,
      subject: r.subject,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    })),
    more: rows.length > size,
  };
}

/** An organizer downloaded one of the contest's CSV exports. */
export function auditExport(contestId: string, actorId: string, file: string) {
  return audit(db, { contestId, actorId, action: "export.csv", subject: file });
}
