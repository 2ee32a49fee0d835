import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { appDatabase } from "./database";
import { seatJudge } from "./judges";
import { base, mailTo, signIn } from "./support";

/** Two judges, seated as Mosaic seats them, who will have scored every entry. */
const judges: string[] = [];
test.beforeAll(async () => {
  const run = randomBytes(3).toString("hex");
  for (const name of ["j1", "j2"]) judges.push((await seatJudge(`e2e-results-${name}-${run}@example.org`)).id);
});

/**
 * Three scored entries, put straight into the app's database (entering and judging have their
 * own browser tests): the two judges scored each; "Bright" is the clear favourite.
 */
async function seedScoredEntries() {
  const { db, demo, eligibleEntry, submittedSheet } = await appDatabase();
  const contest = await demo({ criteria: true });
  const now = new Date();
  const run = randomBytes(3).toString("hex");
  const works = [
    ["Bright", "Sina Tavita", 5],
    ["Steady", "Omar Haddad", 3],
    ["Quiet", "Mei Chen", 2],
  ] as const;
  const people = [];
  for (const [index, [title, name, level]] of works.entries()) {
    const email = `e2e-results-u${index}-${run}@example.org`;
    const entry = await eligibleEntry(name, "WS", {
      category: "written-work",
      email,
      entry: {
        // beside Mosaic's own codes (YHD25-0001, hexadecimal judge codes), never one of them
        referenceCode: `YHD25-8${run.slice(0, 2)}${index}`,
        judgeCode: `R${run}${index}`.toUpperCase(),
        title: `${title} ${run}`,
        statement: `What assistance means, seen by ${name.split(" ")[0]}.`,
        language: "English",
        licenceAt: now,
        identifiablePeople: false,
        submittedAt: now,
      },
    });
    const scores = Object.fromEntries(contest.criteria.map((c) => [c.id, level]));
    for (const judgeId of judges) await submittedSheet(entry, judgeId, scores, { revision: 1 });
    people.push({ title: `${title} ${run}`, email, name });
  }
  // judging is over, so the results may be published
  await db.contest.update({
    where: { id: contest.id },
    data: { judgingEndsAt: new Date(Date.now() - 24 * 60 * 60 * 1000), finalRoundEndsAt: null },
  });
  return people;
}

/** Puts the shared demo contest back as it was, for the browser tests that run after this one. */
async function reopenContest() {
  const { db } = await appDatabase();
  await db.contest.update({
    where: { slug: "yhd-2025" },
    data: { resultsPublishedAt: null, status: "open", judgingEndsAt: new Date(Date.now() + 60 * 24 * 60 * 60 * 1000) },
  });
  await db.award.deleteMany();
}

test.afterAll(reopenContest);

test("an organizer reviews the results, awards and publishes; a visitor sees the gallery; everyone is emailed", async ({
  browser,
}) => {
  const [winner, other] = await seedScoredEntries();
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@example.org");
  // the dashboard counts them among the entries ready for judging
  await organizer.goto(`${base()}/organize/yhd-2025`);
  await expect(organizer.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(organizer.getByTestId("category-row").filter({ hasText: "Written work" })).toBeVisible();
  await new AxeBuilder({ page: organizer }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await organizer.goto(`${base()}/organize/yhd-2025/results`);
  await expect(organizer.getByRole("heading", { name: "Results", level: 1 })).toBeVisible();
  await organizer
    .getByRole("navigation", { name: "Categories" })
    .getByRole("link", { name: /^Written work/ })
    .click();
  await expect(organizer.getByRole("heading", { name: "Written work", level: 2 })).toBeVisible();
  const row = organizer.getByTestId("result-row").filter({ hasText: winner!.title });
  await expect(row).toContainText("100.0"); // every criterion at its top level
  await new AxeBuilder({ page: organizer }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));

  await row.getByLabel(/Award for/).selectOption("first");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(
    organizer
      .getByTestId("result-row")
      .filter({ hasText: winner!.title })
      .getByLabel(/Award for/),
  ).toHaveValue("first");

  // publish at a moment already past: at once
  const now = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Zurich",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(new Date(Date.now() - 60_000))
    .replace(" ", "T");
  await organizer.getByLabel("Publish the results at").fill(now);
  await organizer.getByRole("button", { name: "Schedule publication" }).click();
  await expect(async () => {
    await organizer.reload();
    await expect(organizer.getByText(/The results were published/)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 60_000 });

  // every step is in the audit
  await organizer.goto(`${base()}/organize/yhd-2025/audit`);
  await expect(organizer.getByTestId("audit-row").filter({ hasText: "Results published" })).toHaveCount(1);
  await expect(organizer.getByTestId("audit-row").filter({ hasText: "Award given" }).first()).toContainText(
    "organizer@example.org",
  );
  await new AxeBuilder({ page: organizer }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));

  // an anonymous visitor
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${base()}/contests/yhd-2025/winners`);
  const card = visitor.getByTestId("winner").filter({ hasText: winner!.title });
  await expect(card).toContainText("First place");
  await expect(card).toContainText(winner!.name.split(" ")[0]!);
  await expect(visitor.getByText(winner!.name)).toHaveCount(0); // the published name only
  await new AxeBuilder({ page: visitor }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));

  await expect(await mailTo(organizer, winner!.email, /your work won — First place/)).toHaveCount(1);
  await expect(await mailTo(organizer, other!.email, /the results are out/)).toHaveCount(1);
});
