import { db, type Prisma, type User } from "~/services/db.server";
import { now } from "~/services/clock.server";

/** The version of the terms and privacy notice in force; raising it asks everyone again. */
// 2026-1: a contest may be judged openly (judges then see the name to publish), said before entering
export const TERMS_VERSION = "2026-1";

export async function hasAcceptedTerms(userId: string, client: Prisma.TransactionClient = db) {
  return Boolean(
    await client.termsAcceptance.findUnique({ where: { userId_version: { userId, version: TERMS_VERSION } } }),
  );
}

export function profileComplete(user: Pick<User, "fullName" | "displayName" | "dateOfBirth" | "country">) {
  return Boolean(user.fullName && user.displayName && user.dateOfBirth && user.country);
}

export async function saveProfile(
  userId: string,
  profile: { fullName: string; displayName: string; dateOfBirth: string; country: string; publishCountry?: boolean },
) {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: profile }),
    db.termsAcceptance.upsert({
      where: { userId_version: { userId, version: TERMS_VERSION } },
      create: { userId, version: TERMS_VERSION, acceptedAt: now() },
      update: {},
    }),
  ]);
}
