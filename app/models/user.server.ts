import { db } from "~/services/db.server";
import { normaliseEmail } from "./sign-in.server";

/** Makes (or promotes) an organizer; an admin stays an admin. */
export async function ensureOrganizer(rawEmail: string) {
  const email = normaliseEmail(rawEmail);
  const existing = await db.user.findUnique({ where: { email } });
  if (existing?.role === "admin" || existing?.role === "organizer") return { user: existing, changed: false };
  const user = await db.user.upsert({
    where: { email },
    create: { email, role: "organizer" },
    update: { role: "organizer" },
  });
  return { user, changed: true };
}
