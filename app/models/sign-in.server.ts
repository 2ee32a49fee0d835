import type { Locale } from "~/i18n";
import { randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { queueEmail } from "~/services/email.server";
import { env } from "~/services/env.server";
import { consume } from "~/services/rate-limit.server";
import { keyedHash, newToken } from "~/services/tokens.server";
import { normaliseEmail } from "./user";

/**
 * Passwordless sign-in. One request makes a 6-digit code and a link token; both are stored as
 * keyed hashes, expire after 10 minutes, work once, and a code allows 5 wrong tries. Requests
 * are limited per address and per IP. Every address gets the same answer, so nobody learns
 * whether an account exists; the first sign-in creates the account.
 *
 * Someone who asks for codes for another person's address must not keep its owner out: a new
 * request leaves earlier codes working, a code works only in the browser that asked for it (so
 * wrong guesses elsewhere use up nothing of the owner's), and the emailed link works whatever
 * was guessed. Guesses for one address are also limited over a day.
 */
export const CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_TRIES = 5;
export const RATE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_REQUESTS_PER_EMAIL = 3;
/** Codes typed for one address in a day, from every browser together. */
export const MAX_GUESSES_PER_DAY = 20;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The default of SIGN_IN_LIMIT_PER_IP. */
export const MAX_REQUESTS_PER_IP = 10;

function sameHash(a: string, b: string) {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

export type RequestResult =
  | { ok: true; verificationId: string }
  | { ok: false; reason: "rateLimited"; limit: "address" | "ip"; retryAfterMinutes: number };

export async function requestSignIn(input: {
  email: string;
  ip: string;
  locale: Locale;
  redirectTo?: string;
}): Promise<RequestResult> {
  const email = normaliseEmail(input.email);
  const ipHash = keyedHash("ip", input.ip);
  const at = now();

  // The sender's address first: a request it refuses must not spend the owner's budget, or a
  // stranger over their own limit could use up the owner's requests without any email being sent.
  for (const [limit, key, max] of [
    ["ip", `sign-in:ip:${ipHash}`, env().SIGN_IN_LIMIT_PER_IP],
    ["address", `sign-in:email:${keyedHash("email", email)}`, MAX_REQUESTS_PER_EMAIL],
  ] as const) {
    const budget = await consume(key, max, RATE_WINDOW_MS);
    if (!budget.ok)
      return {
        ok: false,
        reason: "rateLimited",
        limit,
        retryAfterMinutes: Math.max(1, Math.ceil(budget.retryAfterMs / 60_000)),
      };
  }

  // A deactivated account gets no code. Everything else happens as for anyone (the page, the
  // request, the answers to wrong codes), so that nobody learns which addresses are deactivated.
  const account = await db.user.findUnique({ where: { email }, select: { deactivatedAt: true } });

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const token = newToken();
  const verification = await db.$transaction(async (tx) => {
    // Earlier codes keep working: a request made by someone else must not cancel the owner's.
    const id = randomBytes(12).toString("hex");
    const created = await tx.verification.create({
      data: {
        id,
        email,
        // bound to its verification, so a code for one address never fits another
        codeHash: keyedHash(`code:${id}`, code),
        tokenHash: keyedHash("token", token),
        expiresAt: new Date(at.getTime() + CODE_TTL_MS),
        redirectTo: input.redirectTo,
        createdAt: at,
      },
    });
    if (!account?.deactivatedAt)
      await queueEmail(tx, {
        template: "sign-in-code",
        to: email,
        locale: input.locale,
        payload: { code, link: `${env().APP_URL}/login/link?${new URLSearchParams({ token })}` },
        idempotencyKey: `sign-in:${created.id}`,
      });
    return created;
  });
  return { ok: true, verificationId: verification.id };
}

export type VerifyResult =
  | { ok: true; userId: string; redirectTo: string | null }
  | { ok: false; reason: "expired" | "tooManyTries" | "tooManyToday" }
  | { ok: false; reason: "wrongCode"; triesLeft: number };

/** Uses a verification and signs its address in; its other codes and links stop working. */
async function signInWith(verification: { id: string; email: string; redirectTo: string | null }, at: Date) {
  const { count } = await db.verification.updateMany({
    where: { id: verification.id, usedAt: null },
    data: { usedAt: at },
  });
  if (count === 0) return { ok: false, reason: "expired" } as const;
  await db.verification.updateMany({
    where: { email: verification.email, usedAt: null, expiresAt: { gt: at } },
    data: { expiresAt: at },
  });
  const user = await db.user.upsert({
    where: { email: verification.email },
    create: { email: verification.email },
    update: {},
  });
  return { ok: true, userId: user.id, redirectTo: verification.redirectTo } as const;
}

/**
 * Checks a code typed in the browser that asked for `verificationIds` (newest last): it may
 * match any of that browser's live requests for the address, never another browser's.
 */
export async function verifyCode(input: {
  email: string;
  code: string;
  verificationIds: string[];
}): Promise<VerifyResult> {
  const email = normaliseEmail(input.email);
  const at = now();
  const live = await db.verification.findMany({
    where: { id: { in: input.verificationIds }, email, usedAt: null, expiresAt: { gt: at } },
    orderBy: { createdAt: "desc" },
  });
  if (live.length === 0) return { ok: false, reason: "expired" };
  const today = await consume(`sign-in:guesses:${keyedHash("email", email)}`, MAX_GUESSES_PER_DAY, DAY_MS);
  if (!today.ok) return { ok: false, reason: "tooManyToday" };

  let triesLeft = 0;
  for (const verification of live) {
    // A try is counted before the code is compared, and only while tries are left, so parallel
    // guesses cannot compare more than MAX_TRIES codes between them.
    const { count: counted } = await db.verification.updateMany({
      where: { id: verification.id, usedAt: null, attempts: { lt: MAX_TRIES } },
      data: { attempts: { increment: 1 } },
    });
    if (counted === 0) continue;
    if (sameHash(verification.codeHash, keyedHash(`code:${verification.id}`, input.code))) {
      return signInWith(verification, at);
    }
    const { attempts } = await db.verification.findUniqueOrThrow({
      where: { id: verification.id },
      select: { attempts: true },
    });
    triesLeft = Math.max(triesLeft, MAX_TRIES - attempts);
  }
  return triesLeft > 0 ? { ok: false, reason: "wrongCode", triesLeft } : { ok: false, reason: "tooManyTries" };
}

/**
 * The emailed link, unguessable, works for its 10 minutes whatever codes were guessed: wrong
 * guesses are no way to keep an address's owner out.
 */
export async function verifyLinkToken(token: string): Promise<VerifyResult> {
  const at = now();
  const verification = await db.verification.findUnique({ where: { tokenHash: keyedHash("token", token) } });
  if (!verification || verification.usedAt || verification.expiresAt <= at) return { ok: false, reason: "expired" };
  return signInWith(verification, at);
}

/** Whether a link token is still usable, without using it (for the confirmation page). */
export async function linkTokenIsLive(token: string) {
  const verification = await db.verification.findUnique({ where: { tokenHash: keyedHash("token", token) } });
  return Boolean(verification && !verification.usedAt && verification.expiresAt > now());
}
