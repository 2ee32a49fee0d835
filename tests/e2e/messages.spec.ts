import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { base, mailTo, signIn } from "./support";

/** An entrant with a draft, put straight into the app's database. */
function seedDraft() {
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  const contest = db.prepare("SELECT id FROM Contest WHERE slug = 'yhd-2025'").get() as { id: string };
  const category = db.prepare("SELECT id FROM Category WHERE contestId = ? AND slug = 'audio'").get(contest.id) as {
    id: string;
  };
  const run = randomBytes(3).toString("hex");
  const now = new Date().toISOString();
  const email = `drafter-${run}@example.org`;
  db.prepare("INSERT INTO User (id, email, role, fullName, updatedAt) VALUES (?, ?, 'entrant', 'Kofi Mensah', ?)").run(
    `drafter-${run}`,
    email,
    now,
  );
  db.prepare(
    "INSERT INTO Entry (id, contestId, categoryId, entrantId, status, judgeCode, title, updatedAt) VALUES (?, ?, ?, ?, 'draft', ?, 'Unfinished', ?)",
  ).run(`draft-${run}`, contest.id, category.id, `drafter-${run}`, `D${run}`.toUpperCase(), now);
  db.close();
  return email;
}

test("an organizer previews a reminder to entrants with drafts and sends it; it arrives in the mailbox", async ({
  page,
}) => {
  const drafter = seedDraft();
  const subject = `Two days left ${Date.now()}`;
  await signIn(page, "organizer@example.org");
  await page.goto(`${base()}/organize/yhd-2025/messages`);
  await page.getByLabel("To", { exact: true }).selectOption("drafts");
  await page.getByLabel("Subject", { exact: true }).fill(subject);
  await page
    .getByLabel("Message", { exact: true })
    .fill("Hello!\n\nYour entry is saved as a draft. Submit it before the deadline.");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("message-preview")).toContainText("Your entry is saved as a draft.");
  await new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await page.getByRole("button", { name: /^Send to \d+ (person|people)$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Sent to/ })).toBeVisible();
  await expect(await mailTo(page, drafter, new RegExp(subject))).toHaveCount(1);

  // the organizers' list finds the drafter's entry by their address
  await page.goto(`${base()}/organize/yhd-2025/entries`);
  await page.getByRole("searchbox").fill(drafter);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("entry-row")).toHaveCount(1);
  await expect(page.getByTestId("entry-row")).toContainText("Kofi Mensah");
  await new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
});
