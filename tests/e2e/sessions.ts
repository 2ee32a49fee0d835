import type { Browser, BrowserContextOptions } from "@playwright/test";
import { appDatabase } from "./database";
import { base } from "./support";

/**
 * A browser signed in as `email` (made if new, with `role`) by a session Mosaic creates itself:
 * signing in through the page spends the per-address sign-in budget that other specs share.
 * `options` set up its browser (a phone's viewport).
 */
export async function signedInPage(browser: Browser, email: string, role?: string, options?: BrowserContextOptions) {
  const { db } = await appDatabase();
  const { createSession } = await import("~/services/session.server");
  const user =
    (await db.user.findUnique({ where: { email } })) ??
    (await db.user.create({ data: { email, ...(role ? { role } : {}) } }));
  const [pair] = (await createSession(user.id)).split(";");
  const [name, ...value] = pair!.split("=");
  const context = await browser.newContext(options);
  await context.addCookies([{ name: name!, value: value.join("="), url: base() }]);
  return { page: await context.newPage(), user };
}
