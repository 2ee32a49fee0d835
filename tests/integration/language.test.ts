import { beforeEach, describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { action as languageAction } from "~/routes/language";
import { action as requestAction } from "~/routes/login._index";
import { loader as termsLoader } from "~/routes/terms";
import { db } from "~/services/db.server";
import { runDueJobs } from "~/services/jobs.server";
import { createSession } from "~/services/session.server";
import { jobHandlers } from "~/jobs.server";
import { resetDatabase } from "../support/db";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../support/http";
import { mailbox } from "../support/mailbox";

const localeOf = async (headers: { cookie?: string; acceptLanguage?: string }) =>
  (
    await rootLoader({
      request: getRequest("/", {
        cookie: headers.cookie,
        headers: headers.acceptLanguage ? { "Accept-Language": headers.acceptLanguage } : {},
      }),
      context: context(),
      params: {},
    })
  ).data.locale;

beforeEach(async () => {
  await resetDatabase();
  mailbox().clear();
});

describe("the user's language", () => {
  it("follows the browser when nothing was chosen", async () => {
    expect(await localeOf({ acceptLanguage: "es-CO,es;q=0.9,en;q=0.5" })).toBe("es");
    expect(await localeOf({ acceptLanguage: "fr-CH" })).toBe("fr");
    expect(await localeOf({ acceptLanguage: "ar-EG,ar;q=0.9,en;q=0.5" })).toBe("ar");
    expect(await localeOf({ acceptLanguage: "de" })).toBe("en");
  });

  it("follows the visitor's choice over the browser, and comes back to the same page", async () => {
    const response = await languageAction({
      request: formRequest("/language", { locale: "fr", redirectTo: "/contests/yhd-2025" }),
      context: context(),
      params: {},
    });
    expect(response.headers.get("Location")).toBe("/contests/yhd-2025");
    const cookie = cookiesFrom(response);
    expect(await localeOf({ cookie, acceptLanguage: "es" })).toBe("fr");
  });

  it("is stored on the account of a signed-in user, so it follows them to other devices", async () => {
    const user = await db.user.create({ data: { email: "polyglot@example.org" } });
    const session = (await createSession(user.id)).split(";")[0]!;
    await languageAction({
      request: formRequest("/language", { locale: "es" }, { cookie: session }),
      context: context(),
      params: {},
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("es");
    expect(await localeOf({ cookie: session, acceptLanguage: "fr" })).toBe("es");
  });

  it("refuses a language Mosaic does not have, and changes nothing", async () => {
    const result = (await settle(() =>
      languageAction({ request: formRequest("/language", { locale: "xx" }), context: context(), params: {} }),
    )) as Response;
    expect(result.status).toBe(400);
    expect(result.headers.get("Set-Cookie")).toBeNull();
  });

  it("writes the sign-in email in the visitor's language", async () => {
    const request = formRequest("/login", { email: "lectrice@example.org" });
    request.headers.set("Accept-Language", "fr-FR");
    await settle(() => requestAction({ request, context: context(), params: {} }));
    await runDueJobs(jobHandlers);
    const [message] = mailbox().messages();
    expect(message?.subject).toMatch(/^Votre code de connexion Mosaic\u00a0: \d{6}$/);
    expect(message?.html).toContain('lang="fr"');
  });

  it("shows the terms in the user's language, rendered on the server", async () => {
    const terms = async (options: { cookie?: string; headers?: Record<string, string> }) =>
      (await termsLoader({ request: getRequest("/terms", options), context: context(), params: {} })).body;
    expect(await terms({ headers: { "Accept-Language": "fr-CH" } })).toContain("<h2>Ce que nous collectons</h2>");
    const user = await db.user.create({ data: { email: "polyglot@example.org", locale: "es" } });
    const session = (await createSession(user.id)).split(";")[0]!;
    const spanish = await terms({ cookie: session, headers: { "Accept-Language": "fr" } });
    expect(spanish).toMatch(/^<h2>[^<]+<\/h2>\n<p>/);
    expect(spanish).toContain("<li><strong>");
    expect(spanish).not.toContain("Ce que nous collectons");
    expect(await terms({ headers: { "Accept-Language": "ar-MA" } })).toContain("<h2>ما نجمعه</h2>");
  });
});

describe("page titles", () => {
  it("are translated", async () => {
    const { meta } = await import("~/routes/login._index");
    const matches = [{ id: "root", data: { locale: "es" } }];
    expect(meta({ matches } as never)).toEqual([{ title: "Iniciar sesión · Mosaic" }]);
  });
});
