import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { appDatabase } from "./database";
import { seatJudge } from "./judges";
import { base, mailTo, signIn } from "./support";

/**
 * Entries that passed screening, put straight into the app's database: the entrant's side has its
 * own browser tests. One is by Amaya Reyes, whom the judge will declare a conflict with.
 */
async function seedEligibleEntries() {
  const { db, eligibleEntry } = await appDatabase();
  await db.contest.update({ where: { slug: "yhd-2025" }, data: { judgesPerEntry: 1 } });
  const people = [
    ["Amaya Reyes", "PH", "Hands that rebuild"],
    ["Lina Karam", "LB", "The long walk home"],
    ["Juan Pérez", "CO", "After the field"],
    ["Ngozi Obi", "NG", "Voices of the clinic"],
  ] as const;
  const run = randomBytes(3).toString("hex");
  for (const [index, [name, country, title]] of people.entries()) {
    await eligibleEntry(name, country, {
      category: "photography",
      email: `e2e-user-${run}-${index}@example.org`,
      entry: {
        // beside Mosaic's own codes (YHD25-0001, hexadecimal judge codes), never one of them
        referenceCode: `YHD25-9${run.slice(0, 2)}${index}`,
        judgeCode: `E2E${run}${index}`.toUpperCase(),
        title: `${title} ${run}`,
        summary: "A photo series about a prosthetics workshop.",
        statement: "Assistance is a whole community learning to make room.",
        language: "English",
        submittedAt: new Date(),
      },
    });
  }
  return { run, titles: people.map(([, , title]) => `${title} ${run}`) };
}

// a second judge, already seated, so that the work is shared
test.beforeAll(async () => {
  await seatJudge(`e2e-judge-${randomBytes(3).toString("hex")}@example.org`);
});

async function scoreEveryCriterion(page: Page, score: number) {
  const criteria = page.locator("fieldset[data-criterion]");
  for (let i = 0; i < (await criteria.count()); i++) {
    await criteria
      .nth(i)
      .getByRole("radio")
      .nth(score - 1)
      .check();
  }
}

test("an organizer invites a judge, who accepts, declares a conflict, gets a fair share and scores an entry", async ({
  browser,
}) => {
  const { titles } = await seedEligibleEntries();
  const judgeEmail = `judge-${Date.now()}@example.org`;
  const organizer = await (await browser.newContext()).newPage();
  const judge = await (await browser.newContext()).newPage();

  // the organizer looks at the screening queue and the rubric, then invites
  await signIn(organizer, "organizer@example.org");
  await organizer.goto(`${base()}/organize/yhd-2025/screening`);
  await expect(organizer.getByTestId("screening-entry").filter({ hasText: titles[1]! })).toContainText(
    "Accepted for judging",
  );
  await new AxeBuilder({ page: organizer }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await organizer.goto(`${base()}/organize/yhd-2025/rubric`);
  await expect(organizer.getByLabel("Name").first()).toHaveValue("Victim assistance insight");
  await expect(organizer.getByText("Total of the weights: 100 of 100")).toBeVisible();
  await new AxeBuilder({ page: organizer }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await organizer.goto(`${base()}/organize/yhd-2025/judges`);
  await organizer.getByLabel("Email address").fill(judgeEmail);
  await organizer.getByRole("button", { name: "Send the invitation" }).click();
  await expect(organizer.getByText("Invitation sent.")).toBeVisible();
  await new AxeBuilder({ page: organizer }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));

  // the judge accepts from the mailbox and declares a conflict with Amaya Reyes
  await signIn(judge, judgeEmail);
  const invitation = await mailTo(judge, judgeEmail, /You are invited to judge/);
  await invitation.getByRole("link", { name: /\/judge\/accept\?token=/ }).click();
  await judge.getByRole("button", { name: "Accept and become a judge" }).click();
  await expect(judge.getByRole("heading", { name: "Your conflicts of interest" })).toBeVisible();
  await judge.getByLabel("Your country of residence").selectOption("FR");
  await judge.getByLabel("People (one per line)").fill("Amaya Reyes");
  await judge.getByRole("button", { name: "Save and see my entries" }).click();
  await expect(judge.getByRole("heading", { name: "Entries to judge" })).toBeVisible();
  await expect(judge.getByText("No entries are assigned to you yet.")).toBeVisible();

  // the organizer assigns: one judge per entry, two judges, four entries
  await organizer.reload();
  await organizer.getByRole("button", { name: "Assign judges" }).click();
  await expect(organizer.getByRole("status").filter({ hasText: "Assignments made" })).toBeVisible();

  // a balanced set without the conflict
  await judge.reload();
  const queue = judge.getByTestId("queue-item");
  await expect(queue).toHaveCount(2);
  await expect(queue.filter({ hasText: titles[0]! })).toHaveCount(0);
  await expect(judge.getByText("0 of 2 scored")).toBeVisible();

  // scores one with the rubric and submits
  await queue.first().getByRole("link").click();
  await expect(judge.getByRole("heading", { name: "Rubric" })).toBeVisible();
  await expect(judge.getByRole("group", { name: /^Victim assistance insight/ })).toBeVisible();
  await new AxeBuilder({ page: judge }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await scoreEveryCriterion(judge, 4);
  await judge.getByLabel("Overall comment (optional)").fill("Clear, humane and well made.");
  await expect(judge.getByText("Saved", { exact: true })).toBeVisible();
  await judge.getByRole("button", { name: "Submit my scores" }).click();
  // on to the next entry; the queue shows the progress
  await expect(judge.getByText("2 of 2")).toBeVisible();
  // nothing given to the first entry carries over to the second
  await expect(judge.locator("fieldset[data-criterion] input:checked")).toHaveCount(0);
  await expect(judge.getByLabel("Overall comment (optional)")).toHaveValue("");
  await judge.getByRole("link", { name: "All my entries" }).click();
  await expect(judge.getByText("1 of 2 scored")).toBeVisible();

  // a final round on a shortlist of one, which every judge without a conflict scores
  await organizer.goto(`${base()}/organize/yhd-2025/final`);
  await organizer.getByLabel(new RegExp(titles[1]!)).check();
  const inAMonth = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await organizer.getByLabel("Final round closes on").fill(inAMonth);
  await organizer.getByRole("button", { name: "Save and start the final round" }).click();
  await expect(organizer.getByRole("status").filter({ hasText: "Final round started" })).toBeVisible();
  await new AxeBuilder({ page: organizer }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await judge.reload();
  await expect(judge.getByTestId("final-item")).toHaveCount(1);
  await expect(judge.getByTestId("final-item")).toContainText(titles[1]!);
});
