import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { locales, type Locale } from "~/i18n";
import { appDatabase } from "./database";
import { signedInPage } from "./sessions";
import { base } from "./support";

/**
 * Every page of Mosaic meets WCAG 2.2 AA as far as axe can tell, on a 360 px phone and on a
 * 1280 px screen, in every language the interface speaks (`locales`: a language added there is
 * checked too). The pages are named in tables below, by who reaches them, each with the state
 * it is seen in; a failure names the page, the width and the language.
 *
 * The states are seeded on contests of this spec's own: one open for entries, one being judged
 * (with a comparative final under way) and one whose results are out. A visitor picks their
 * language with the `mosaic_lang` cookie, a signed-in person with the language of their account,
 * as Mosaic's language picker sets them. One browser context per role and language walks its
 * pages one after the other, checking each at both widths.
 */
const run = randomBytes(3).toString("hex");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = [1280, 360] as const;
/**
 * axe itself, loaded into every page of a context before the page's own scripts (one parse a
 * page, where `AxeBuilder` would send its half-megabyte source again for every check).
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string; help: string; nodes: string[] };

/** What axe finds against the WCAG 2.2 AA rules on the page as it is now. */
function axeViolations(page: Page): Promise<Violation[]> {
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } })
      .axe;
    type AxeResults = {
      violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
    };
    const { violations } = await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  }, TAGS);
}

type Seeded = Awaited<ReturnType<typeof seed>>;
type Role = "visitor" | "entrant" | "judge" | "organizer";
type Check = {
  /** the page and its state, as a failure names it */
  name: string;
  path: (s: Seeded) => string;
  /** what to do once there, to reach the state (a form showing its errors) */
  then?: (page: Page, locale: Locale) => Promise<void>;
  /** the status the page answers with (200 unless said) */
  status?: number;
};

const day = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * day);

async function seed() {
  const { db } = await appDatabase();
  const { demoContest } = await import("../../prisma/demo-contest");
  const { TERMS_VERSION } = await import("~/models/profile.server");
  const { keyedHash } = await import("~/services/tokens.server");
  const R = run.toUpperCase();

  const contest = (key: string, data: object) =>
    db.contest.create({
      data: {
        ...demoContest(new Date()),
        slug: `axe-${key}-${run}`,
        codePrefix: `X${key[0]!.toUpperCase()}${R}`,
        ...data,
      },
      include: { categories: { orderBy: { position: "asc" } }, criteria: true },
    });
  const open = await contest("open", { title: `Open for entries ${run}` });
  const judging = await contest("judging", {
    ...demoContest(ago(60)),
    slug: `axe-judging-${run}`,
    codePrefix: `XJ${R}`,
    title: `Being judged ${run}`,
    status: "judging",
    finalMethod: "pairwise",
    finalRoundEndsAt: new Date(Date.now() + 30 * day),
  });
  const results = await contest("results", {
    ...demoContest(ago(60)),
    slug: `axe-results-${run}`,
    codePrefix: `XR${R}`,
    title: `Results are out ${run}`,
    status: "results_published",
    judgingEndsAt: ago(3),
    announcementAt: ago(1),
    resultsPublishedAt: ago(1),
    feedback: true,
    feedbackReleasedAt: ago(1),
    peoplesChoice: true,
    votingClosesAt: new Date(Date.now() + 7 * day),
  });

  const person = (email: string, extra: object = {}) => db.user.create({ data: { email, ...extra } });
  const entrant = await person(`axe-entrant-${run}@example.org`, {
    fullName: "Amaya Reyes",
    displayName: "Amaya",
    country: "PH",
    dateOfBirth: "2000-01-01",
    terms: { create: { version: TERMS_VERSION } },
  });
  const judge = await person(`axe-judge-${run}@example.org`, { fullName: "Kofi Mensah" });
  const organizer = await person(`axe-admin-${run}@example.org`, { role: "admin" });

  let number = 0;
  const entry = (c: typeof open, data: object) => {
    number += 1;
    return db.entry.create({
      data: {
        contestId: c.id,
        categoryId: c.categories.find((k) => k.slug === "photography")!.id,
        entrantId: entrant.id,
        judgeCode: `X${R}${number}`,
        title: `Hands that rebuild ${number}`,
        summary: "A photo series about a prosthetics workshop run by survivors.",
        statement: "Assistance is a whole community learning to make room.",
        language: "English",
        ...data,
      },
    });
  };
  const submitted = {
    status: "eligible",
    submittedAt: ago(20),
    originalWorkAt: ago(20),
    licenceAt: ago(20),
    aiUse: "none",
    identifiablePeople: false,
    showsSurvivors: false,
    showsExactLocations: false,
    graphicContent: false,
  };
  const photo = (key: string) => ({
    create: {
      state: "verified",
      objectKey: `axe/${run}/${key}.jpg`,
      cleanKey: `axe/${run}/${key}-clean.jpg`,
      previewKey: `axe/${run}/${key}-preview.jpg`,
      originalName: "workshop.jpg",
      declaredType: "image/jpeg",
      detectedType: "image/jpeg",
      declaredSize: 120_000,
      size: 120_000,
      width: 1200,
      height: 800,
      altText: "Two survivors fit a prosthetic leg at a workbench.",
    },
  });

  // the entrant: a draft and a sent entry in the open contest, one being judged, one awarded
  const draft = await entry(open, { title: "", summary: "", statement: "", language: "" });
  const sent = await entry(open, { ...submitted, status: "submitted", referenceCode: `XO${R}-0001` });
  const judged = await entry(judging, { ...submitted, referenceCode: `XJ${R}-0001`, media: photo("judged") });
  const others = [];
  for (const n of [2, 3]) {
    others.push(await entry(judging, { ...submitted, referenceCode: `XJ${R}-000${n}`, shortlisted: true }));
  }
  await db.entry.update({ where: { id: judged.id }, data: { shortlisted: true } });
  const winner = await entry(results, {
    ...submitted,
    referenceCode: `XR${R}-0001`,
    // a check code as Mosaic makes them (models/certificate.server.ts), from its alphabet
    certificateCode: Array.from(randomBytes(8), (b) => "23456789ABCDEFGHJKMNPQRSTUVWXYZ"[b % 31]).join(""),
    media: photo("winner"),
  });
  await db.award.create({
    data: { contestId: results.id, entryId: winner.id, place: "first", createdById: organizer.id },
  });
  await db.assignment.create({
    data: {
      contestId: results.id,
      entryId: winner.id,
      judgeId: judge.id,
      status: "submitted",
      submittedAt: ago(5),
      scores: JSON.stringify(Object.fromEntries(results.criteria.map((c) => [c.id, 4]))),
      comments: JSON.stringify({ entrant: "The survivors speak for themselves here: that is the work's strength." }),
    },
  });

  // a guardian asked to consent to the draft
  const guardianToken = `axe-guardian-${run}`;
  await db.guardianConsent.create({
    data: {
      entryId: draft.id,
      guardianName: "Maria Reyes",
      guardianEmail: `axe-guardian-${run}@example.org`,
      tokenHash: keyedHash("guardian", guardianToken),
      expiresAt: new Date(Date.now() + 7 * day),
    },
  });

  // the judge: a score sheet under way, and a pair to compare in the final
  await db.contestJudge.create({
    data: { contestId: judging.id, userId: judge.id, country: "BR", conflictsDeclaredAt: ago(10) },
  });
  await db.assignment.create({
    data: {
      contestId: judging.id,
      entryId: judged.id,
      judgeId: judge.id,
      scores: JSON.stringify({ [judging.criteria[0]!.id]: 3 }),
    },
  });
  for (const e of [judged, ...others]) {
    await db.assignment.create({ data: { contestId: judging.id, entryId: e.id, judgeId: judge.id, round: "final" } });
  }
  const [left, right] = [judged.id, others[0]!.id];
  await db.comparison.create({
    data: {
      contestId: judging.id,
      judgeId: judge.id,
      categoryId: judged.categoryId,
      leftId: left,
      rightId: right,
      pairKey: left < right ? `${left}:${right}` : `${right}:${left}`,
    },
  });

  return {
    users: { entrant, judge, organizer },
    open: open.slug,
    judging: judging.slug,
    results: results.slug,
    draft: draft.id,
    sent: sent.id,
    judged: judged.id,
    judgeCode: judged.judgeCode,
    winner: winner.id,
    certificate: winner.certificateCode!,
    guardianToken,
  };
}

/** Submits the form on the page with its required fields left empty, and waits for its errors. */
const withErrors =
  (fill: (page: Page) => Promise<void>) =>
  async (page: Page): Promise<void> => {
    await fill(page);
    await page.locator("main form[method=post] button[type=submit]").first().click();
    await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
  };

const PAGES: Record<Role, Check[]> = {
  visitor: [
    { name: "home", path: () => "/" },
    { name: "contest page (open for entries)", path: (s) => `/contests/${s.open}` },
    { name: "contest page (results out)", path: (s) => `/contests/${s.results}` },
    { name: "how we rank", path: (s) => `/contests/${s.judging}/how-we-rank` },
    { name: "terms", path: () => "/terms" },
    { name: "gallery of winners", path: (s) => `/contests/${s.results}/winners` },
    { name: "a winning work (with the vote)", path: (s) => `/contests/${s.results}/winners/${s.winner}` },
    { name: "certificate check (genuine)", path: (s) => `/v/${s.certificate}` },
    { name: "certificate check (unknown code)", path: () => "/v/ZZZZ2222" },
    { name: "sign-in", path: () => "/login" },
    {
      name: "sign-in with an error",
      path: () => "/login",
      then: withErrors((page) => page.locator("input[name=email]").fill("not an address")),
    },
    { name: "sign-in link (spent or unknown)", path: () => "/login/link?token=unknown" },
    { name: "guardian consent", path: (s) => `/guardian?token=${s.guardianToken}` },
    { name: "guardian consent (unknown link)", path: () => "/guardian?token=unknown" },
    { name: "account deleted", path: () => "/account/deleted" },
    { name: "page not found", path: () => "/no-such-page", status: 404 },
    {
      name: "sign-in code (verify)",
      path: () => "/login",
      then: async (page, locale) => {
        // an address per language: an address may ask for only a few codes an hour
        await page.locator("input[name=email]").fill(`axe-visitor-${run}-${locale}@example.org`);
        await page.locator("main form[method=post] button[type=submit]").click();
        await expect(page).toHaveURL(/\/login\/code/);
        await expect(page.locator("input[name=code]")).toBeVisible();
      },
    },
  ],
  entrant: [
    { name: "my contests (me)", path: () => "/me" },
    { name: "profile", path: () => "/profile" },
    {
      name: "profile with errors",
      path: () => "/profile",
      then: withErrors((page) => page.locator("input[name=fullName]").fill("")),
    },
    { name: "my entries", path: () => "/entries" },
    { name: "new entry", path: (s) => `/contests/${s.open}/enter` },
    { name: "entry being written (draft)", path: (s) => `/entries/${s.draft}` },
    { name: "entry sent", path: (s) => `/entries/${s.sent}` },
    { name: "receipt", path: (s) => `/entries/${s.sent}/submitted` },
    { name: "entry with its files (being judged)", path: (s) => `/entries/${s.judged}` },
    { name: "entry after the results (note, certificate)", path: (s) => `/entries/${s.winner}` },
    { name: "my account and data", path: () => "/account" },
    { name: "account deletion", path: () => "/account/delete" },
    { name: "a work's page, signed in (vote)", path: (s) => `/contests/${s.results}/winners/${s.winner}` },
    { name: "judge invitation (unknown link)", path: () => "/judge/accept?token=unknown" },
    { name: "page not found, signed in", path: () => "/entries/no-such-entry", status: 404 },
  ],
  judge: [
    { name: "judge dashboard", path: (s) => `/judge/${s.judging}` },
    { name: "conflicts of interest", path: (s) => `/judge/${s.judging}/conflicts` },
    { name: "score sheet", path: (s) => `/judge/${s.judging}/entries/${s.judgeCode}` },
    { name: "compare two works", path: (s) => `/judge/${s.judging}/compare` },
  ],
  organizer: [
    { name: "organizer's contests", path: () => "/organize" },
    { name: "new contest", path: () => "/organize/new" },
    { name: "people and roles", path: () => "/organize/people" },
    { name: "contest dashboard", path: (s) => `/organize/${s.judging}` },
    { name: "settings", path: (s) => `/organize/${s.judging}/settings` },
    { name: "entries list", path: (s) => `/organize/${s.judging}/entries` },
    { name: "entry detail", path: (s) => `/organize/${s.judging}/entries/${s.judged}` },
    { name: "entrants", path: (s) => `/organize/${s.judging}/entrants` },
    { name: "screening", path: (s) => `/organize/${s.open}/screening` },
    { name: "judges", path: (s) => `/organize/${s.judging}/judges` },
    { name: "rubric", path: (s) => `/organize/${s.judging}/rubric` },
    { name: "final round (assignments)", path: (s) => `/organize/${s.judging}/final` },
    { name: "results (being judged)", path: (s) => `/organize/${s.judging}/results` },
    { name: "results (published)", path: (s) => `/organize/${s.results}/results` },
    { name: "feedback", path: (s) => `/organize/${s.results}/feedback` },
    { name: "people's choice votes", path: (s) => `/organize/${s.results}/votes` },
    { name: "messages", path: (s) => `/organize/${s.judging}/messages` },
    { name: "audit log", path: (s) => `/organize/${s.judging}/audit` },
    { name: "settings with the emails' notes (contest open for entries)", path: (s) => `/organize/${s.open}/settings` },
  ],
};

let seeded: Seeded;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  seeded = await seed();
});

/**
 * A browser context for `role` in `locale`, chosen with Mosaic's own language picker (its form
 * posts to /language): the `mosaic_lang` cookie for a visitor, and the account's language too
 * for someone signed in.
 */
async function contextFor(browser: Browser, role: Role, locale: Locale) {
  const page =
    role === "visitor"
      ? await (await browser.newContext()).newPage()
      : (await signedInPage(browser, seeded.users[role].email)).page;
  await page.context().addInitScript({ content: AXE });
  const chosen = await page.request.post(`${base()}/language`, { form: { locale, redirectTo: "/" } });
  expect(chosen.ok(), `choosing ${locale}`).toBe(true);
  return page;
}

for (const locale of locales) {
  for (const role of Object.keys(PAGES) as Role[]) {
    test(`every ${role}'s page passes axe (WCAG 2.2 AA) at 360 and 1280 px in ${locale}`, async ({ browser }) => {
      // a bound for a busy 2-core machine, not a wait
      test.setTimeout(600_000);
      const page = await contextFor(browser, role, locale);
      const problems: string[] = [];
      for (const check of PAGES[role]) {
        await page.setViewportSize({ width: WIDTHS[0], height: 800 });
        const response = await page.goto(`${base()}${check.path(seeded)}`);
        expect(response?.status(), `${check.name} in ${locale}`).toBe(check.status ?? 200);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.locator("h1").first()).toBeVisible();
        if (check.then) await check.then(page, locale);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: width < 600 ? 740 : 800 });
          for (const v of await axeViolations(page)) {
            const where = v.nodes.join(" | ");
            problems.push(`${check.name} at ${width} px in ${locale}: ${v.id} (${v.impact}) ${v.help} — ${where}`);
          }
        }
      }
      await page.context().close();
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }
}
