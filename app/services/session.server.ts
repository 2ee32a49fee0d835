import { createCookie, redirect } from "@remix-run/node";
import type { User } from "~/services/db.server";
import { randomBytes } from "node:crypto";
import { now } from "./clock.server";
import { db } from "./db.server";
import { env } from "./env.server";

/**
 * Sessions live in the database; the cookie holds only a signed, random session id. A session
 * ends after 14 days without use or 30 days in all, and sign-out deletes it on the server.
 */
export const SESSION_IDLE_MS = 14 * 24 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 30 * 24 * 60 * 60 * 1000;
// lastSeenAt is written at most this often, so reading a page costs no write.
const TOUCH_EVERY_MS = 60 * 60 * 1000;

let cookie: ReturnType<typeof createCookie> | undefined;
export function sessionCookie() {
  cookie ??= createCookie("mosaic_session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    secrets: [env().SESSION_SECRET],
    maxAge: SESSION_MAX_MS / 1000,
  });
  return cookie;
}

export async function createSession(userId: string) {
  const id = randomBytes(32).toString("base64url");
  const at = now();
  await db.session.create({
    data: { id, userId, createdAt: at, lastSeenAt: at, expiresAt: new Date(at.getTime() + SESSION_MAX_MS) },
  });
  return sessionCookie().serialize(id);
}

async function sessionId(request: Request): Promise<string | null> {
  // A forged or tampered cookie fails the signature check and parses to null.
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * The user behind a request's session, or null. Read once per request: the root loader, the
 * page's loader and `readerLocale` all ask, and each read is a signature check and a query.
 * Remix hands every loader of one page the same Request, and a new one after an action, so a
 * sign-in or sign-out is always seen by the loaders that follow it.
 */
export function getSessionUser(request: Request): Promise<User | null> {
  let user = usersOfRequests.get(request);
  if (!user) {
    user = readSessionUser(request);
    usersOfRequests.set(request, user);
  }
  return user;
}

const usersOfRequests = new WeakMap<Request, Promise<User | null>>();
/** When each request's session ends by the clock alone, if it has one. */
const endsOfRequests = new WeakMap<Request, Date>();

/**
 * Seconds until the request's session would end without anyone doing anything (its 30 days, or
 * 14 days idle), as of `at`; Infinity without a session. A page kept for this session
 * (app/server/page-cache.ts) is never kept past it.
 */
export async function sessionSecondsLeft(request: Request, at: Date): Promise<number> {
  if (!(await getSessionUser(request))) return Infinity;
  const end = endsOfRequests.get(request);
  return end ? (end.getTime() - at.getTime()) / 1000 : 0;
}

async function readSessionUser(request: Request): Promise<User | null> {
  const id = await sessionId(request);
  if (!id) return null;
  const session = await db.session.findUnique({ where: { id }, include: { user: true } });
  if (!session) return null;
  const at = now();
  // a deactivated account's sessions end at its next request
  if (
    session.user.deactivatedAt ||
    session.expiresAt <= at ||
    session.lastSeenAt.getTime() + SESSION_IDLE_MS <= at.getTime()
  ) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  let lastSeenAt = session.lastSeenAt;
  if (at.getTime() - lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: at } });
    lastSeenAt = at;
  }
  endsOfRequests.set(request, new Date(Math.min(session.expiresAt.getTime(), lastSeenAt.getTime() + SESSION_IDLE_MS)));
  return session.user;
}

/** Ends the session on the server and clears the cookie. */
export async function signOut(request: Request, redirectTo = "/") {
  const id = await sessionId(request);
  if (id) await db.session.deleteMany({ where: { id } });
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) },
  });
}

let pendingCookie: ReturnType<typeof createCookie> | undefined;
/**
 * Carries the address (and where to go next) from "send me a code" to "type the code", so the
 * address never appears in a URL and the code page survives a reload; and the requests this
 * browser made, the only ones whose codes it may type.
 */
export function pendingSignInCookie() {
  pendingCookie ??= createCookie("mosaic_signin", {
    path: "/login",
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    secrets: [env().SESSION_SECRET],
    maxAge: 15 * 60,
  });
  return pendingCookie;
}

export type PendingSignIn = { email: string; redirectTo?: string; verificationIds: string[] };

export async function readPendingSignIn(request: Request): Promise<PendingSignIn | null> {
  const value: unknown = await pendingSignInCookie().parse(request.headers.get("Cookie"));
  if (value && typeof value === "object" && "email" in value && typeof value.email === "string") {
    const redirectTo = "redirectTo" in value && typeof value.redirectTo === "string" ? value.redirectTo : undefined;
    const ids = "verificationIds" in value && Array.isArray(value.verificationIds) ? value.verificationIds : [];
    return {
      email: value.email,
      redirectTo,
      verificationIds: ids.filter((id): id is string => typeof id === "string"),
    };
  }
  return null;
}
