import { beforeEach, describe, expect, it } from "vitest";
import { action as requestAction } from "~/routes/login._index";
import { action as codeAction } from "~/routes/login.code";
import { action as linkAction, loader as linkLoader } from "~/routes/login.link";
import { loader as meLoader } from "~/routes/me";
import { runDueJobs } from "~/services/jobs.server";
import { jobHandlers } from "~/jobs.server";
import { db } from "~/services/db.server";
import { advance, setNow } from "~/services/clock.server";
import { MAX_GUESSES_PER_DAY, MAX_REQUESTS_PER_IP } from "~/models/sign-in.server";
import { serverT } from "~/i18n/i18n.server";
import {
  answerBody,
  context,
  cookiesFrom,
  formRequest,
  getRequest,
  problemKeys,
  answerProblems,
  settle,
} from "../support/http";
import { resetDatabase } from "../support/db";
import { lastSignInEmail, mailbox } from "../support/mailbox";

async function askForCode(email: string, ip = "203.0.113.7", cookie?: string) {
  const response = (await settle(() =>
    requestAction({ request: formRequest("/login", { email }, { cookie }), context: context(ip), params: {} }),
  )) as Response;
  await runDueJobs(jobHandlers);
  return response;
}

async function typeCode(cookie: string, code: string) {
  return settle(() =>
    codeAction({ request: formRequest("/login/code", { code }, { cookie }), context: context(), params: {} }),
  );
}

function status(result: unknown) {
  return result instanceof Response ? result.status : (result as { init?: { status?: number } }).init?.status;
}

/** Every problem in an answer, as an English-speaking entrant reads it. */
function errorsOf(result: unknown) {
  const fields = Object.keys(answerBody<{ result?: { error?: object } }>(result).result?.error ?? {});
  return fields.flatMap((field) => answerProblems(result, field)).map((p) => english(p.key, p.values));
}

/** The sign-in link's answer when it cannot be used. */
const LINK_INVALID = ["errors.linkInvalid"];

const english = serverT("en");

beforeEach(async () => {
  await resetDatabase();
  mailbox().clear();
  setNow(new Date("2026-03-01T10:00:00Z"));
});

describe("signing in with an emailed code", () => {
  it("emails a code and a link, and the code signs a new person in and lands them on their page", async () => {
    const response = await askForCode("  New.Person@Example.org ");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login/code");
    const cookie = cookiesFrom(response);

    const { code, message } = lastSignInEmail("new.person@example.org");
    expect(message.subject).toContain(code);
    expect(message.idempotencyKey).toMatch(/^sign-in:/);

    const signedIn = (await typeCode(cookie, code)) as Response;
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("Location")).toBe("/me");
    const session = cookiesFrom(signedIn, cookie);
    expect(session).toMatch(/mosaic_session=/);
    expect(signedIn.headers.getSetCookie().join()).toMatch(/HttpOnly/);
    expect(signedIn.headers.getSetCookie().join()).toMatch(/SameSite=Lax/);

    const { data: me } = await meLoader({
      request: getRequest("/me", { cookie: session }),
      context: context(),
      params: {},
    });
    expect(me.user.email).toBe("new.person@example.org");
    expect(me.user.role).toBe("entrant");
  });

  it("stores neither the code nor the link token in the clear", async () => {
    await askForCode("hash@example.org");
    const { code, token } = lastSignInEmail("hash@example.org");
    const row = await db.verification.findFirstOrThrow({ where: { email: "hash@example.org" } });
    expect(JSON.stringify(row)).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("counts down wrong tries and refuses the right code after five wrong ones", async () => {
    const cookie = cookiesFrom(await askForCode("tries@example.org"));
    const { code } = lastSignInEmail("tries@example.org");
    const wrong = code === "000000" ? "111111" : "000000";

    const first = await typeCode(cookie, wrong);
    expect(status(first)).toBe(400);
    expect(errorsOf(first).join()).toContain("4 tries left");
    for (let i = 0; i < 3; i++) await typeCode(cookie, wrong);
    const fifth = await typeCode(cookie, wrong);
    expect(errorsOf(fifth).join()).toContain("Too many wrong tries");

    const right = await typeCode(cookie, code);
    expect(status(right)).toBe(400);
    expect(errorsOf(right).join()).toContain("Too many wrong tries");
    expect(await db.session.count()).toBe(0);
  });

  it("refuses a code after 10 minutes, and a code that was already used", async () => {
    const cookie = cookiesFrom(await askForCode("late@example.org"));
    const { code } = lastSignInEmail("late@example.org");
    advance(10 * 60 * 1000 + 1);
    const late = await typeCode(cookie, code);
    expect(errorsOf(late).join()).toContain("expired or was already used");

    setNow(new Date("2026-03-01T11:00:00Z"));
    const cookie2 = cookiesFrom(await askForCode("late@example.org"));
    const { code: code2 } = lastSignInEmail("late@example.org");
    expect(status(await typeCode(cookie2, code2))).toBe(302);
    const again = await typeCode(cookie2, code2);
    expect(errorsOf(again).join()).toContain("expired or was already used");
    expect(await db.session.count()).toBe(1);
  });

  it("compares at most five guesses, even when they arrive all at once", async () => {
    const cookie = cookiesFrom(await askForCode("burst@example.org"));
    const { code } = lastSignInEmail("burst@example.org");
    const wrong = Array.from({ length: 40 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const results = await Promise.all(wrong.map((guess) => typeCode(cookie, guess)));
    const compared = results.filter((r) => errorsOf(r).join().includes("not right"));
    expect(compared.length).toBeLessThanOrEqual(4);
    expect((await db.verification.findFirstOrThrow({ where: { email: "burst@example.org" } })).attempts).toBe(5);
    expect(errorsOf(await typeCode(cookie, code)).join()).toMatch(/Too many wrong tries|Too many codes were tried/);
    expect(await db.session.count()).toBe(0);
  });

  it("does not accept one address's code for another address", async () => {
    const aliceCookie = cookiesFrom(await askForCode("alice@example.org"));
    await askForCode("bob@example.org");
    const bobsCode = lastSignInEmail("bob@example.org").code;
    const aliceCode = lastSignInEmail("alice@example.org").code;
    if (bobsCode === aliceCode) return; // one chance in a million: nothing to tell apart
    const result = await typeCode(aliceCookie, bobsCode);
    expect(status(result)).toBe(400);
    expect(await db.user.count()).toBe(0);
  });

  it("keeps an earlier code working after asking again, and ends every code once one is used", async () => {
    const first = cookiesFrom(await askForCode("twice@example.org"));
    const { code: firstCode, token: firstToken } = lastSignInEmail("twice@example.org");
    advance(60_000);
    const cookie = cookiesFrom(await askForCode("twice@example.org", undefined, first), first);
    expect(status(await typeCode(cookie, firstCode))).toBe(302);
    // the second request's link, and the first one's, are used up with it
    const { token: secondToken } = lastSignInEmail("twice@example.org");
    for (const token of [firstToken, secondToken])
      expect(
        problemKeys(
          await linkAction({ request: formRequest("/login/link", { token }), context: context(), params: {} }),
        ),
      ).toEqual(LINK_INVALID);
  });

  it("rejects a malformed address with a clear message and sends nothing", async () => {
    for (const email of ["not-an-email", "", "a@b", "<script>@x.org"]) {
      const result = await settle(() =>
        requestAction({ request: formRequest("/login", { email }), context: context(), params: {} }),
      );
      expect(status(result)).toBe(400);
      expect(errorsOf(result).length).toBeGreaterThan(0);
    }
    await runDueJobs(jobHandlers);
    expect(mailbox().messages()).toHaveLength(0);
    expect(await db.verification.count()).toBe(0);
  });

  it("answers the same for an existing account and a new address", async () => {
    await db.user.create({ data: { email: "known@example.org" } });
    const known = await askForCode("known@example.org");
    const unknown = await askForCode("unknown@example.org");
    expect(known.status).toBe(unknown.status);
    expect(known.headers.get("Location")).toBe(unknown.headers.get("Location"));
    expect(mailbox().messages()).toHaveLength(2);
  });

  it("holds the per-address limit when requests arrive all at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        settle(() =>
          requestAction({
            request: formRequest("/login", { email: "flood@example.org" }),
            context: context(),
            params: {},
          }),
        ),
      ),
    );
    expect(results.filter((r) => status(r) === 302)).toHaveLength(3);
    expect(results.filter((r) => status(r) === 429)).toHaveLength(17);
    await runDueJobs(jobHandlers, { limit: 50 });
    expect(mailbox().messages()).toHaveLength(3);
  });

  it("keeps no usable code or link in the outbox once the email is sent", async () => {
    await askForCode("outbox@example.org");
    const { code, token } = lastSignInEmail("outbox@example.org");
    const stored = JSON.stringify(await db.email.findMany());
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(token);
  });

  it("limits requests per address and per IP, and says when to try again", async () => {
    for (let i = 0; i < 3; i++) expect((await askForCode("busy@example.org")).status).toBe(302);
    const limited = await settle(() =>
      requestAction({ request: formRequest("/login", { email: "busy@example.org" }), context: context(), params: {} }),
    );
    expect(status(limited)).toBe(429);
    expect(errorsOf(limited).join()).toMatch(/wait 15 minutes/);
    expect(await db.verification.count({ where: { email: "busy@example.org" } })).toBe(3);

    for (let i = 0; i < MAX_REQUESTS_PER_IP; i++) {
      await settle(() =>
        requestAction({
          request: formRequest("/login", { email: `p${i}@example.org` }),
          context: context("198.51.100.1"),
          params: {},
        }),
      );
    }
    const fromSameIp = await settle(() =>
      requestAction({
        request: formRequest("/login", { email: "fresh@example.org" }),
        context: context("198.51.100.1"),
        params: {},
      }),
    );
    expect(status(fromSameIp)).toBe(429);

    advance(15 * 60 * 1000 + 1);
    expect((await askForCode("busy@example.org")).status).toBe(302);
  });
});

describe("someone asking for codes for another person's address", () => {
  const owner = "owner@example.org";
  const stranger = "198.51.100.66";

  /** A stranger's browser asks for a code for the owner's address and guesses five times. */
  async function strangerTries() {
    const cookie = cookiesFrom(await askForCode(owner, stranger));
    const results = [];
    for (const guess of ["000000", "111111", "222222", "333333", "444444"]) results.push(await typeCode(cookie, guess));
    return { cookie, results };
  }

  it("cannot cancel or use up the owner's code, which works only in the owner's browser", async () => {
    const ownerCookie = cookiesFrom(await askForCode(owner));
    const { code } = lastSignInEmail(owner);
    advance(4 * 60_000);
    const { cookie: strangerCookie } = await strangerTries();
    // The owner's code does nothing in the stranger's browser (unless it happens to be theirs too).
    const strangers = await db.verification.findFirstOrThrow({
      where: { email: owner },
      orderBy: { createdAt: "desc" },
    });
    expect(strangers.attempts).toBe(5);
    expect(status(await typeCode(strangerCookie, code))).toBe(400);
    expect(await db.session.count()).toBe(0);

    advance(4 * 60_000);
    expect(status(await typeCode(ownerCookie, code))).toBe(302);
    expect(await db.session.count()).toBe(1);
  });

  it("cannot spend the owner's requests from an address that is over its own limit", async () => {
    for (let i = 0; i < MAX_REQUESTS_PER_IP; i++) await askForCode(`throwaway${i}@example.org`, stranger);
    // refused for the stranger's address: no email, and none of the owner's requests used
    for (let i = 0; i < 5; i++) expect(status(await askForCode(owner, stranger))).toBe(429);
    expect(await db.verification.count({ where: { email: owner } })).toBe(0);
    for (let i = 0; i < 3; i++) expect((await askForCode(owner)).status).toBe(302);
  });

  it("cannot keep the owner out by using up the requests for the address: the link in any email works", async () => {
    for (let i = 0; i < 3; i++) {
      await strangerTries();
      advance(4 * 60_000);
    }
    const refused = await settle(() =>
      requestAction({ request: formRequest("/login", { email: owner }), context: context(), params: {} }),
    );
    expect(status(refused)).toBe(429);
    expect(errorsOf(refused).join()).toContain("Use the link in the newest email");

    // Every code of those emails had five wrong guesses; their links still work, for the owner.
    const { token } = lastSignInEmail(owner);
    const signedIn = (await linkAction({
      request: formRequest("/login/link", { token }),
      context: context(),
      params: {},
    })) as Response;
    expect(signedIn.status).toBe(302);
    expect(await db.user.findUnique({ where: { email: owner } })).not.toBeNull();
  });

  it(`allows ${MAX_GUESSES_PER_DAY} guesses for one address in a day, from all browsers together`, async () => {
    let guesses = 0;
    while (guesses < MAX_GUESSES_PER_DAY) {
      const { results } = await strangerTries();
      guesses += results.filter((r) =>
        errorsOf(r)
          .join()
          .match(/not right|Too many wrong tries/),
      ).length;
      advance(16 * 60_000); // past the limit on requests, which counts 15 minutes
    }
    expect(guesses).toBe(MAX_GUESSES_PER_DAY);

    const cookie = cookiesFrom(await askForCode(owner));
    const { code, token } = lastSignInEmail(owner);
    const refused = await typeCode(cookie, code);
    expect(status(refused)).toBe(400);
    expect(errorsOf(refused).join()).toBe(
      "Too many codes were tried for this address today. Use the link in the email instead.",
    );
    expect(await db.session.count()).toBe(0);
    // The owner still has the link.
    expect(
      await linkLoader({ request: getRequest(`/login/link?token=${token}`), context: context(), params: {} }),
    ).toMatchObject({
      live: true,
    });

    // A day after the first guess, codes may be typed again.
    setNow(new Date(new Date("2026-03-01T10:00:00Z").getTime() + 24 * 60 * 60 * 1000 + 1));
    const next = cookiesFrom(await askForCode(owner));
    expect(status(await typeCode(next, lastSignInEmail(owner).code))).toBe(302);
  });
});

describe("signing in with the emailed link", () => {
  it("shows a button first (a GET changes nothing), then signs in once", async () => {
    await askForCode("link@example.org", "192.0.2.1");
    const { token } = lastSignInEmail("link@example.org");

    const page = await linkLoader({
      request: getRequest(`/login/link?token=${token}`),
      context: context(),
      params: {},
    });
    expect(page.live).toBe(true);
    expect(await db.user.count()).toBe(0);

    const first = (await linkAction({
      request: formRequest("/login/link", { token }),
      context: context(),
      params: {},
    })) as Response;
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/me");
    expect(await db.user.count()).toBe(1);

    const second = await linkAction({ request: formRequest("/login/link", { token }), context: context(), params: {} });
    expect(problemKeys(second)).toEqual(LINK_INVALID);
    const after = await linkLoader({
      request: getRequest(`/login/link?token=${token}`),
      context: context(),
      params: {},
    });
    expect(after.live).toBe(false);
  });

  it("refuses a forged or expired token", async () => {
    const forged = await linkAction({
      request: formRequest("/login/link", { token: "forged-token" }),
      context: context(),
      params: {},
    });
    expect(problemKeys(forged)).toEqual(LINK_INVALID);
    await askForCode("old-link@example.org");
    const { token } = lastSignInEmail("old-link@example.org");
    advance(11 * 60 * 1000);
    expect(
      problemKeys(await linkAction({ request: formRequest("/login/link", { token }), context: context(), params: {} })),
    ).toEqual(LINK_INVALID);
    expect(await db.session.count()).toBe(0);
  });
});
