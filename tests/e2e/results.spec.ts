import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
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
function seedScoredEntries() {
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  const contest = db.prepare("SELECT id FROM Contest WHERE slug = 'yhd-2025'").get() as { id: string };
  const category = db
    .prepare("SELECT id FROM Category WHERE contestId = ? AND slug = 'written-work'")
    .get(contest.id) as { id: string } | undefined;
  const categoryId =
    category?.id ??
    (db.prepare("SELECT id FROM Category WHERE contestId = ? ORDER BY position DESC").get(contest.id) as { id: string })
      .id;
  const criteria = db.prepare("SELECT id FROM RubricCriterion WHERE contestId = ?").all(contest.id) as { id: string }[];
  const now = new Date().toISOString();
  const run = randomBytes(3).toString("hex");
  const works = [
    ["Bright", "Sina Tavita", 5],
    ["Steady", "Omar Haddad", 3],
    ["Quiet", "Mei Chen", 2],
  ] as const;
  const people = works.map(([title, name, level], index) => {
    const userId = `e2e-results-u${index}-${run}`;
    const email = `${userId}@example.org`;
    db.prepare(
      "INSERT INTO User (id, email, role, fullName, displayName, country, dateOfBirth, updatedAt) VALUES (?, ?, 'entrant', ?, ?, 'WS', '2000-01-01', ?)",
    ).run(userId, email, name, name.split(" ")[0], now);
    const entryId = `e2e-results-e${index}-${run}`;
    db.prepare(
      `INSERT INTO Entry (id, contestId, categoryId, entrantId, status, referenceCode, judgeCode, title, summary, statement,
        language, licenceAt, identifiablePeople, submittedAt, updatedAt)
       VALUES (?, ?, ?, ?, 'eligible', ?, ?, ?, 'A summary.', ?, 'English', ?, 0, ?, ?)`,
    ).run(
      entryId,
      contest.id,
      categoryId,
      userId,
      `YHD25-8${run.slice(0, 2)}${index}`,
      `R${run}${index}`.toUpperCase(),
      `${title} ${run}`,
      `What assistance means, seen by ${name.split(" ")[0]}.`,
      now,
      now,
      now,
    );
    for (const judgeId of judges) {
      db.prepare(
        "INSERT INTO Assignment (id, contestId, entryId, judgeId, round, scores, status, revision, updatedAt) VALUES (?, ?, ?, ?, 'scoring', ?, 'submitted', 1, ?)",
      ).run(
        `${entryId}-${judgeId}`,
        contest.id,
        entryId,
        judgeId,
        JSON.stringify(Object.fromEntries(criteria.map((c) => [c.id, level]))),
        now,
      );
    }
    return { title: `${title} ${run}`, email, name };
  });
  // judging is over, so the results may be published
  db.prepare("UPDATE Contest SET judgingEndsAt = ?, finalRoundEndsAt = NULL WHERE id = ?").run(
    Date.now() - 24 * 60 * 60 * 1000,
    contest.id,
  );
  db.close();
  return people;
}

/** Puts the shared demo contest back as it was, for the browser tests that run after this one. */
function reopenContest() {
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  db.prepare(
    "UPDATE Contest SET resultsPublishedAt = NULL, status = 'open', judgingEndsAt = ? WHERE slug = 'yhd-2025'",
  ).run(Date.now() + 60 * 24 * 60 * 60 * 1000);
  db.prepare("DELETE FROM Award").run();
  db.close();
}

test.afterAll(reopenContest);

test("an organizer reviews the results, awards and publishes; a visitor sees the gallery; everyone is emailed", async ({
  browser,
}) => {
  const [winner, other] = seedScoredEntries();
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
