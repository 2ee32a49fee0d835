import { redirect } from "@remix-run/node";
import { resolveLocale } from "~/i18n/i18n.server";
import { ROLES, type Role } from "~/schemas/role";
import type { User } from "~/services/db.server";
import { db } from "./db.server";
import { keepPageHeaders } from "./page-cache";
import { getSessionUser, sessionSecondsLeft } from "./session.server";

export function getUser(request: Request) {
  return getSessionUser(request);
}

/**
 * Headers offering this request's page to the page cache (services/page-cache.ts) for at most
 * `seconds` from `at`, and never past the end of the visitor's session: only for a page that
 * depends on nothing but the URL, language, cookies, database and clock.
 */
export async function keptPageHeaders(request: Request, at: Date, seconds: number) {
  return keepPageHeaders(Math.min(seconds, await sessionSecondsLeft(request, at)));
}

/** The language a request reads in: the signed-in user's choice, else the visitor's (see resolveLocale). */
export async function readerLocale(request: Request) {
  const user = await getSessionUser(request);
  return resolveLocale(request, user?.locale);
}

/**
 * Only paths on this site. The value is resolved the way a browser would resolve it (which
 * drops tabs and newlines and reads backslashes as slashes), and refused if that leaves the site.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/me") {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (typeof to !== "string" || !to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = "http://mosaic.invalid";
  const url = new URL(to, base);
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request): Promise<User> {
  const user = await getSessionUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
}

export function hasRole(user: Pick<User, "role">, role: Role) {
  const rank = ROLES.indexOf(user.role as Role);
  return rank >= 0 && rank >= ROLES.indexOf(role);
}

/** The signed-in user with at least this role (an admin may do what an organizer may); else 403. */
export async function requireRole(request: Request, role: Role): Promise<User> {
  const user = await requireUser(request);
  if (!hasRole(user, role)) throw new Response("Forbidden", { status: 403 });
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getSessionUser(request)) throw redirect("/me");
}

/**
 * The signed-in judge of the contest with this slug, with their seat; anyone else gets 404 (an
 * organizer too, unless they accepted an invitation to judge), so that nobody learns what exists
 * behind a judge's pages and judge pages stay blind.
 */
export async function requireJudgeOf(request: Request, slug: string) {
  const user = await requireUser(request);
  const seat = await db.contestJudge.findFirst({
    where: { userId: user.id, contest: { slug } },
    include: { contest: true },
  });
  if (!seat) throw new Response("Not found", { status: 404 });
  const { contest, ...rest } = seat;
  return { user, contest, seat: rest };
}

/** The signed-in organizer (or admin) and the contest with this slug; 403 for others, 404 for no contest. */
export async function requireOrganizerOf(request: Request, slug: string) {
  const user = await requireRole(request, "organizer");
  const contest = await db.contest.findUnique({ where: { slug } });
  if (!contest) throw new Response("Not found", { status: 404 });
  return { user, contest };
}
