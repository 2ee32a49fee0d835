import type { Locale } from "~/i18n";
import { db } from "~/services/db.server";
import { hasRole } from "~/services/auth.server";
import { normaliseEmail } from "./user";

/**
 * Makes (or promotes) an organizer, or with `role: "admin"` an administrator, who may also give
 * and take the administrator role on the people page. Nobody is lowered: an admin stays an admin.
 * A deactivated account is let in again.
 */
export async function ensureOrganizer(rawEmail: string, role: "organizer" | "admin" = "organizer") {
  const email = normaliseEmail(rawEmail);
  const existing = await db.user.findUnique({ where: { email } });
  if (existing && hasRole(existing, role) && !existing.deactivatedAt) return { user: existing, changed: false };
  const user = await db.user.upsert({
    where: { email },
    create: { email, role },
    update: { role: existing && hasRole(existing, role) ? existing.role : role, deactivatedAt: null },
  });
  return { user, changed: true };
}

/** The language this person reads Mosaic and its emails in, as they chose it. */
export async function setLocale(userId: string, locale: Locale) {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
