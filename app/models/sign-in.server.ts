import type { Locale } from "~/i18n";
import { randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { queueEmail } from "~/services/email.server";
import { env } from "~/services/env.server";
import { consume } from "~/services/rate-limit.server";
import { keyedHash, newToken } from "~/services/tokens.server";

/**
 * Passwordless sign-in. One request makes a 6-digit code and a link token; both are stored as
 * keyed hashes, expire after 10 minutes, work once, and a code allows 5 wrong tries. Requests
 * are limited per address and per IP. Every address gets the same answer, so nobody learns
 * whether an account exists; the first sign-in creates the account.
 */
export const CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_TRIES = 5;
export const RATE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_REQUESTS_PER_EMAIL = 3;
/** The default of SIGN_IN_LIMIT_PER_IP. */
export const MAX_REQUESTS_PER_IP = 10;

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

function sameHash(a: string, b: string) {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

export type RequestResult =
  { ok: true; verificationId: string } | { ok: false; reason: "rateLimited"; retryAfterMinutes: number };

export async function requestSignIn(input: {
  email: string;
  ip: string;
  locale: Locale;
  redirectTo?: string;
}): Promise<RequestResult> {
  const email = normaliseEmail(input.email);
  const ipHash = keyedHash("ip", input.ip);
  const at = now();

  for (const [key, max] of [
    [`sign-in:email:${keyedHash("email", email)}`, MAX_REQUESTS_PER_EMAIL],
    [`sign-in:ip:${ipHash}`, env().SIGN_IN_LIMIT_PER_IP],
  ] as const) {
    const budget = await consume(key, max, RATE_WINDOW_MS);
    if (!budget.ok)
      return {
        ok: false,
        reason: "rateLimited",
        retryAfterMinutes: Math.max(1, Math.ceil(budget.retryAfterMs / 60_000)),
      };
  }

  // A deactivated account gets no code. Everything else happens as for anyone (the page, the
  // request, the answers to wrong codes), so that nobody learns which addresses are deactivated.
  const account = await db.user.findUnique({ where: { email }, select: { deactivatedAt: true } });

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const token = newToken();
  const verification = await db.$transaction(async (tx) => {
    // Only the newest code for an address works.
    await tx.verification.updateMany({
      where: { email, usedAt: null, expiresAt: { gt: at } },
      data: { expiresAt: at },
    });
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
  | { ok: false; reason: "expired" | "tooManyTries" }
  | { ok: false; reason: "wrongCode"; triesLeft: number };

async function signInAs(email: string) {
  const user = await db.user.upsert({ where: { email }, create: { email }, update: {} });
  return user.id;
}

export async function verifyCode(input: { email: string; code: string }): Promise<VerifyResult> {
  const email = normaliseEmail(input.email);
  const at = now();
  const verification = await db.verification.findFirst({
    where: { email, usedAt: null, expiresAt: { gt: at } },
    orderBy: { createdAt: "desc" },
  });
  if (!verification) return { ok: false, reason: "expired" };
  // A try is counted before the code is compared, and only while tries are left, so parallel
  // guesses cannot compare more than MAX_TRIES codes between them.
  const { count: counted } = await db.verification.updateMany({
    where: { id: verification.id, usedAt: null, attempts: { lt: MAX_TRIES } },
    data: { attempts: { increment: 1 } },
  });
  if (counted === 0) return { ok: false, reason: "tooManyTries" };

  if (!sameHash(verification.codeHash, keyedHash(`code:${verification.id}`, input.code))) {
    const { attempts } = await db.verification.findUniqueOrThrow({
      where: { id: verification.id },
      select: { attempts: true },
    });
    const triesLeft = MAX_TRIES - attempts;
    return triesLeft > 0 ? { ok: false, reason: "wrongCode", triesLeft } : { ok: false, reason: "tooManyTries" };
  }
  const { count } = await db.verification.updateMany({
    where: { id: verification.id, usedAt: null },
    data: { usedAt: at },
  });
  if (count === 0) return { ok: false, reason: "expired" };
  return { ok: true, userId: await signInAs(email), redirectTo: verification.redirectTo };
}

export async function verifyLinkToken(token: string): Promise<VerifyResult> {
  const at = now();
  const verification = await db.verification.findUnique({ where: { tokenHash: keyedHash("token", token) } });
  if (!verification || verification.usedAt || verification.expiresAt <= at) return { ok: false, reason: "expired" };
  if (verification.attempts >= MAX_TRIES) return { ok: false, reason: "tooManyTries" };
  const { count } = await db.verification.updateMany({
    where: { id: verification.id, usedAt: null },
    data: { usedAt: at },
  });
  if (count === 0) return { ok: false, reason: "expired" };
  return { ok: true, userId: await signInAs(verification.email), redirectTo: verification.redirectTo };
}

/** Whether a link token is still usable, without using it (for the confirmation page). */
export async function linkTokenIsLive(token: string) {
  const verification = await db.verification.findUnique({ where: { tokenHash: keyedHash("token", token) } });
  return Boolean(
    verification && !verification.usedAt && verification.expiresAt > now() && verification.attempts < MAX_TRIES,
  );
}
