import { foldForSearch } from "~/services/search-text";
import { db, type Prisma, type User } from "~/services/db.server";
import { hasRole } from "~/services/auth.server";
import { now } from "~/services/clock.server";
import { queueEmail } from "~/services/email.server";
import { env } from "~/services/env.server";
import { audit } from "./audit.server";
import { eraseAccount } from "./erasure.server";
import { countAndPage } from "./list.server";
import { ROLES, type Role } from "~/schemas/role";
import { normaliseEmail } from "./user";

/**
 * Everyone with an account, for the people page: who may run contests, and who may no longer
 * sign in. Judging rights are per contest and come from an invitation on its judges page.
 *
 * The rules: nobody changes their own role or deactivates themselves (a console always keeps
 * someone who can open it); only an admin gives or takes the admin role, or touches an admin.
 * A deactivated account keeps its entries, scores and decisions; it cannot sign in.
 */
export type PeopleQuery = { q: string; role: string; state: string; page: number };

export function listPeople(query: PeopleQuery) {
  const q = query.q.trim();
  const where: Prisma.UserWhereInput = {
    erasedAt: null,
    ...((ROLES as readonly string[]).includes(query.role) ? { role: query.role } : {}),
    ...(query.state === "deactivated" ? { deactivatedAt: { not: null } } : {}),
    ...(query.state === "active" ? { deactivatedAt: null } : {}),
    ...(q ? { OR: [{ email: { contains: q.toLowerCase() } }, { searchName: { contains: foldForSearch(q) } }] } : {}),
  };
  return countAndPage(query.page, {
    count: () => db.user.count({ where }),
    rows: (window) =>
      db.user.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        ...window,
        select: {
          id: true,
          email: true,
          fullName: true,
          role: true,
          createdAt: true,
          deactivatedAt: true,
          _count: { select: { entries: true, judgeOf: true } },
        },
      }),
  });
}

export type PeopleResult = { ok: true } | { ok: false; reason: "self" | "forbidden" | "notFound" };

/** Whether `actor` may change this person at all, and give them `role` (when one is asked for). */
function allowed(actor: User, target: Pick<User, "id" | "role">, role?: Role): PeopleResult {
  if (actor.id === target.id) return { ok: false, reason: "self" };
  const needsAdmin = target.role === "admin" || role === "admin";
  if (needsAdmin && !hasRole(actor, "admin")) return { ok: false, reason: "forbidden" };
  if (!hasRole(actor, "organizer")) return { ok: false, reason: "forbidden" };
  return { ok: true };
}

/**
 * Gives `email` the role of organizer (or admin): their account is made if they have none, and an
 * email tells them to sign in with that address. Signing in needs no password, so the email
 * carries no secret. A second invitation to the same role changes nothing and sends nothing.
 */
export async function invitePerson(actor: User, rawEmail: string, role: "organizer" | "admin", locale: string) {
  const email = normaliseEmail(rawEmail);
  const existing = await db.user.findUnique({ where: { email } });
  const check = allowed(actor, existing ?? { id: "", role: "entrant" }, role);
  if (!check.ok) return check;
  // An invitation never lowers anyone: an administrator invited as organizer stays one.
  if (existing && hasRole(existing, role) && !existing.deactivatedAt) return { ok: true as const };
  await db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email },
      create: { email, role },
      update: { role: existing && hasRole(existing, role) ? existing.role : role, deactivatedAt: null },
    });
    await queueEmail(tx, {
      template: "role-granted",
      to: email,
      locale: user.locale ?? locale,
      payload: { role, link: `${env().APP_URL}/login` },
      idempotencyKey: `role-granted:${user.id}:${role}:${now().getTime()}`,
    });
    await audit(tx, { contestId: null, actorId: actor.id, action: "people.invited", subject: email, detail: { role } });
  });
  return { ok: true as const };
}

/** Changes a role; someone raised to organizer or administrator is told by email, like an invitation. */
export async function setRole(actor: User, userId: string, role: Role, locale: string): Promise<PeopleResult> {
  const target = await db.user.findUnique({ where: { id: userId } });
  if (!target) return { ok: false, reason: "notFound" };
  const check = allowed(actor, target, role);
  if (!check.ok) return check;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role } });
    if (role !== "entrant" && !hasRole(target, role) && !target.deactivatedAt) {
      await queueEmail(tx, {
        template: "role-granted",
        to: target.email,
        locale: target.locale ?? locale,
        payload: { role, link: `${env().APP_URL}/login` },
        idempotencyKey: `role-granted:${target.id}:${role}:${now().getTime()}`,
      });
    }
    await audit(tx, {
      contestId: null,
      actorId: actor.id,
      action: "people.role",
      subject: target.email,
      detail: { from: target.role, to: role },
    });
  });
  return { ok: true };
}

/** Deactivates (and ends every session of) an account, or lets it sign in again. */
export async function setActive(actor: User, userId: string, active: boolean): Promise<PeopleResult> {
  const target = await db.user.findUnique({ where: { id: userId } });
  if (!target) return { ok: false, reason: "notFound" };
  const check = allowed(actor, target);
  if (!check.ok) return check;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: active ? null : now() } });
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await audit(tx, {
      contestId: null,
      actorId: actor.id,
      action: active ? "people.reactivated" : "people.deactivated",
      subject: target.email,
    });
  });
  return { ok: true };
}

/**
 * Erases a person on their request (see erasure.server.ts for what goes and what stays). Only an
 * administrator may, never on their own account, and only after typing the person's address,
 * since nothing brings the data back.
 */
export async function erasePerson(
  actor: User,
  userId: string,
  confirmEmail: string,
): Promise<PeopleResult | { ok: false; reason: "mismatch" }> {
  if (!hasRole(actor, "admin")) return { ok: false, reason: "forbidden" };
  const target = await db.user.findUnique({ where: { id: userId } });
  if (!target || target.erasedAt) return { ok: false, reason: "notFound" };
  const check = allowed(actor, target);
  if (!check.ok) return check;
  if (normaliseEmail(confirmEmail) !== target.email) return { ok: false, reason: "mismatch" };
  const erased = await eraseAccount(target.id, actor);
  // the actor is an administrator too, so the target is never the last one
  return erased.ok ? { ok: true } : { ok: false, reason: "notFound" };
}
