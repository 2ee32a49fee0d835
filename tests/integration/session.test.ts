import { createCookie } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import { loader as meLoader } from "~/routes/me";
import { action as logoutAction } from "~/routes/logout";
import { loader as rootLoader } from "~/root";
import { requireJudgeOf, requireRole } from "~/services/auth.server";
import { demoContest } from "../../prisma/demo-contest";
import { advance, setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { createSession, getSessionUser, SESSION_IDLE_MS, SESSION_MAX_MS } from "~/services/session.server";
import { resetDatabase } from "../support/db";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../support/http";

async function signedIn(email: string, role = "entrant") {
  const user = await db.user.create({ data: { email, role } });
  const cookie = (await createSession(user.id)).split(";")[0]!;
  return { user, cookie };
}

const me = (cookie?: string) =>
  settle(() => meLoader({ request: getRequest("/me", { cookie }), context: context(), params: {} }));

beforeEach(async () => {
  await resetDatabase();
  setNow(new Date("2026-03-01T10:00:00Z"));
});

describe("sessions", () => {
  it("sends a visitor without a session to sign-in, and back afterwards", async () => {
    const result = (await me()) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Fme");
  });

  it("treats a forged or tampered cookie as no session", async () => {
    const { cookie } = await signedIn("real@example.org");
    const [name, value] = cookie.split("=") as [string, string];
    const tampered = `${name}=${value.slice(0, -3)}abc`;
    const forged = `mosaic_session=${Buffer.from(JSON.stringify("some-session-id")).toString("base64")}`;
    // a real session id, but without the signature only Mosaic can make
    const sessionId = (await db.session.findFirstOrThrow()).id;
    const unsigned = (await createCookie("mosaic_session").serialize(sessionId)).split(";")[0]!;
    for (const bad of [tampered, forged, unsigned, "mosaic_session=garbage"]) {
      expect(((await me(bad)) as Response).status).toBe(302);
    }
    expect(await db.session.count()).toBe(1);
  });

  it("ends after 14 idle days, and after 30 days whatever the activity", async () => {
    const { cookie } = await signedIn("idle@example.org");
    advance(SESSION_IDLE_MS - 60_000);
    expect(((await me(cookie)) as { data: unknown }).data).toHaveProperty("user");
    advance(SESSION_IDLE_MS - 60_000);
    expect(((await me(cookie)) as { data: unknown }).data).toHaveProperty("user");
    advance(SESSION_MAX_MS - 2 * (SESSION_IDLE_MS - 60_000));
    expect(((await me(cookie)) as Response).status).toBe(302);
    expect(await db.session.count()).toBe(0);

    setNow(new Date("2026-06-01T10:00:00Z"));
    const other = await signedIn("idle2@example.org");
    advance(SESSION_IDLE_MS);
    expect(((await me(other.cookie)) as Response).status).toBe(302);
  });

  it("sign-out deletes the session on the server, so the old cookie no longer works", async () => {
    const { cookie } = await signedIn("bye@example.org");
    const response = await logoutAction({
      request: formRequest("/logout", {}, { cookie }),
      context: context(),
      params: {},
    });
    expect(response.status).toBe(302);
    expect(cookiesFrom(response, cookie)).not.toMatch(/mosaic_session/);
    expect(await db.session.count()).toBe(0);
    expect(((await me(cookie)) as Response).status).toBe(302);
  });

  it("reads a request's session once for all its loaders, and a new request afresh", async () => {
    const { cookie, user } = await signedIn("once@example.org");
    const request = getRequest("/me", { cookie });
    const first = getSessionUser(request);
    // the root loader, the page's loader and readerLocale share one read
    expect(getSessionUser(request)).toBe(first);
    expect((await first)?.id).toBe(user.id);
    await db.session.deleteMany({ where: { userId: user.id } });
    expect((await getSessionUser(request))?.id).toBe(user.id);
    // the next request, after a sign-out, finds no one
    expect(await getSessionUser(getRequest("/me", { cookie }))).toBeNull();
  });

  it("gives the page only what it needs about the user", async () => {
    const { cookie } = await signedIn("root@example.org");
    const { data } = await rootLoader({ request: getRequest("/", { cookie }), context: context(), params: {} });
    expect(Object.keys(data.user ?? {}).sort()).toEqual(["email", "id", "role"]);
  });
});

describe("roles", () => {
  it("lets organizers and admins through requireRole('organizer'), and refuses entrants with 403", async () => {
    const entrant = await signedIn("entrant@example.org");
    const organizer = await signedIn("organizer@example.org", "organizer");
    const admin = await signedIn("admin@example.org", "admin");
    const ask = (cookie: string, role: "organizer" | "admin") =>
      settle(() => requireRole(getRequest("/x", { cookie }), role));

    expect(((await ask(entrant.cookie, "organizer")) as Response).status).toBe(403);
    expect(await ask(organizer.cookie, "organizer")).toMatchObject({ email: "organizer@example.org" });
    expect(await ask(admin.cookie, "organizer")).toMatchObject({ email: "admin@example.org" });
    expect(((await ask(organizer.cookie, "admin")) as Response).status).toBe(403);
  });

  it("makes a judge of one contest only; everyone else gets 404, organizers too", async () => {
    const contestA = await db.contest.create({ data: demoContest(new Date()) });
    const contestB = await db.contest.create({
      data: { ...demoContest(new Date()), slug: "other", codePrefix: "OTH26" },
    });
    const judge = await signedIn("judge@example.org");
    await db.contestJudge.create({ data: { contestId: contestA.id, userId: judge.user.id } });
    const entrant = await signedIn("someone@example.org");
    const organizer = await signedIn("org@example.org", "organizer");
    const ask = (cookie: string, slug: string) => settle(() => requireJudgeOf(getRequest("/judge", { cookie }), slug));

    expect(await ask(judge.cookie, contestA.slug)).toMatchObject({ user: { email: "judge@example.org" } });
    expect(((await ask(judge.cookie, contestB.slug)) as Response).status).toBe(404);
    expect(((await ask(entrant.cookie, contestA.slug)) as Response).status).toBe(404);
    expect(((await ask(organizer.cookie, contestA.slug)) as Response).status).toBe(404);
  });
});
