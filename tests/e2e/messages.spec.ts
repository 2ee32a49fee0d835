import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { appDatabase } from "./database";
import { base, mailTo, signIn } from "./support";

/** An entrant with a draft, put straight into the app's database. */
async function seedDraft() {
  const { eligibleEntry } = await appDatabase();
  const run = randomBytes(3).toString("hex");
  const email = `drafter-${run}@example.org`;
  await eligibleEntry("Kofi Mensah", "GH", {
    category: "audio",
    email,
    entry: {
      status: "draft",
      referenceCode: null,
      judgeCode: `D${run}`.toUpperCase(),
      title: "Unfinished",
      summary: "",
      statement: "",
      submittedAt: null,
    },
  });
  return email;
}

test("an organizer previews a reminder to entrants with drafts and sends it; it arrives in the mailbox", async ({
  page,
}) => {
  const drafter = await seedDraft();
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
