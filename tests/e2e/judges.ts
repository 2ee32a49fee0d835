import { setTimeout as sleep } from "node:timers/promises";
import { appDatabase } from "./database";
import { base } from "./support";

/**
 * Judges that a browser test needs seated but does not watch being made. They are made as
 * Mosaic makes them, by its own model functions run in this process against the app's
 * database: the person signs in with the emailed link (which creates the account), the
 * organizer invites them, they accept with the emailed link and declare their conflicts. The
 * app's worker sends the emails; they are read from its development mailbox.
 *
 * Loading Mosaic's modules takes seconds the first time (once per test worker), so call this
 * from a `beforeAll` hook, where it does not use up the test's own time.
 */
async function models() {
  // after appDatabase(), which aims Mosaic's configuration at the app under test
  const { db } = await appDatabase();
  const [judges, signIn] = await Promise.all([import("~/models/judge.server"), import("~/models/sign-in.server")]);
  return { db, ...judges, ...signIn };
}

/**
 * The token of the link to `path` in an email to `email`, from the development mailbox's page
 * (fetched without a browser: each message is an <li> with its links as anchors).
 */
async function emailedToken(email: string, path: string) {
  const link = new RegExp(`href="([^"]*${path}\\?token=[^"]+)"`);
  for (let attempt = 0; attempt < 40; attempt++) {
    const page = await (await fetch(`${base()}/dev/mailbox`)).text();
    for (const message of page.split('data-testid="mail"').slice(1)) {
      const item = message.split("</li>")[0]!;
      const href = item.includes(email) ? link.exec(item)?.[1] : undefined;
      if (href) return new URL(href.replaceAll("&amp;", "&")).searchParams.get("token")!;
    }
    await sleep(250);
  }
  throw new Error(`no link to ${path} reached ${email}`);
}

/** A judge of the demo contest who has declared their conflicts. */
export async function seatJudge(email: string, country = "BR") {
  const mosaic = await models();
  const contest = await mosaic.db.contest.findUniqueOrThrow({ where: { slug: "yhd-2025" } });
  const organizer = await mosaic.db.user.findUniqueOrThrow({ where: { email: "organizer@example.org" } });

  // from a documentation address (TEST-NET-1), so as to spend none of the browsers' sign-in budget
  const asked = await mosaic.requestSignIn({ email, ip: "192.0.2.1", locale: "en" });
  if (!asked.ok) throw new Error(`no sign-in for ${email}: ${asked.reason}`);
  const signedIn = await mosaic.verifyLinkToken(await emailedToken(email, "/login/link"));
  if (!signedIn.ok) throw new Error(`${email} could not sign in: ${signedIn.reason}`);
  const user = await mosaic.db.user.findUniqueOrThrow({ where: { id: signedIn.userId } });

  await mosaic.inviteJudge(contest.id, organizer.id, email, "en");
  const accepted = await mosaic.acceptInvitation(await emailedToken(email, "/judge/accept"), user);
  if (!accepted.ok) throw new Error(`${email} could not accept the invitation: ${accepted.reason}`);
  await mosaic.saveConflicts(contest.id, user.id, { country, people: "", organisations: "", countries: [] });
  return user;
}
