import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { toLocalInput } from "../../app/models/contest";
import { appDatabase } from "./database";
import { base, fillEntry, fillProfile, fixture, mailTo, signIn, startEntry } from "./support";

/** An organizer of its own, so that this test does not spend the shared organizer's sign-in codes. */
async function seedOrganizer(run: string) {
  const { signedIn } = await appDatabase();
  return (await signedIn(`console-${run}@example.org`, "organizer")).user.email;
}

async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
}

test("an organizer copies the demo contest, changes its timeline and a category, opens it, watches an entry arrive and reminds the drafters", async ({
  page,
  browser,
}) => {
  test.slow(); // the longest walk: three times the usual bound
  const run = randomBytes(3).toString("hex");
  const slug = `yhd-2026-${run}`;
  const title = `YHD 2026 ${run}`;
  const organizer = await seedOrganizer(run);
  await signIn(page, organizer);

  // A new edition, copied from the demo contest
  await page.goto(`${base()}/organize`);
  await page.getByRole("link", { name: "New edition" }).click();
  await page
    .getByLabel("Start from")
    .selectOption({ label: "Youth for Humanitarian Disarmament Multimedia Contest 2025" });
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Short name in web addresses").fill(slug);
  await page.getByLabel("Prefix of entry references").fill(`E${run.toUpperCase()}`);
  await noAxeViolations(page);
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page).toHaveURL(`${base()}/organize/${slug}/settings`);
  await expect(page.getByText("This contest is now: Draft")).toBeVisible();
  // every field has a name of its own: the title's label once pointed at the page's heading
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(title);

  // Its timeline: open since yesterday, deadline in three days (the contest's clocks are Zurich's)
  const zone = await page.getByLabel("Time zone", { exact: true }).inputValue();
  expect(zone).toBe("Europe/Zurich");
  const day = 24 * 60 * 60 * 1000;
  await page.getByLabel("Entries open", { exact: true }).fill(toLocalInput(new Date(Date.now() - day), zone));
  await page.getByLabel("Deadline", { exact: true }).fill(toLocalInput(new Date(Date.now() + 3 * day), zone));
  // Photography: files up to 10 MB, three of them at most
  const photography = page.locator("li.card").filter({ has: page.getByRole("heading", { name: "Category 2" }) });
  await expect(photography.getByLabel("Name", { exact: true })).toHaveValue("Photography");
  await photography.getByLabel("Largest file (MB)").fill("10");
  await photography.getByLabel("Files per entry").fill("3");
  await page.getByLabel("When an entry is submitted", { exact: true }).fill(`Thank you for taking part, ${run}.`);
  await noAxeViolations(page);
  // leaving with unsaved changes asks first
  await page.getByRole("link", { name: "Dashboard", exact: true }).click();
  await expect(page.getByRole("alertdialog", { name: "Leave without saving?" })).toBeVisible();
  await page.getByRole("button", { name: "Stay and save" }).click();
  await expect(page).toHaveURL(`${base()}/organize/${slug}/settings`);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await expect(photography.getByLabel("Largest file (MB)")).toHaveValue("10");

  // Open it
  await page.getByRole("button", { name: "Open the contest" }).click();
  await expect(page.getByText("This contest is now: Open for entries")).toBeVisible();

  // The dashboard, open while an entrant enters
  await page.getByRole("link", { name: "Dashboard", exact: true }).click();
  const tiles = page.getByRole("list").filter({ hasText: "drafts not submitted" });
  await expect(tiles).toContainText("0 entries");

  const entrantContext = await browser.newContext();
  const entrant = await entrantContext.newPage();
  const email = `console-entrant-${run}@example.org`;
  await signIn(entrant, email);
  await fillProfile(entrant, "LA");
  await startEntry(entrant, "Photography", slug);
  await expect(entrant.getByText(/up to 10 MB/)).toBeVisible();
  await entrant.getByLabel("Choose a file").setInputFiles(fixture("photo.jpg"));
  await expect(entrant.getByTestId("media-item")).toHaveAttribute("data-state", "verified", { timeout: 60_000 });
  await entrant.getByLabel("Describe this image (alt text)").fill("Two friends laugh in a rehabilitation centre.");
  await entrant.getByRole("button", { name: "Save description" }).click();
  await fillEntry(entrant, { title: "Side by side" });
  await expect(entrant.getByText("Saved", { exact: true })).toBeVisible();
  await entrant.getByRole("button", { name: "Submit my entry" }).click();
  await expect(entrant.getByRole("heading", { name: "Your entry is submitted" })).toBeVisible();
  const reference = (await entrant.getByTestId("reference").innerText()).match(/E[0-9A-F]{6}-0001/)![0];
  // and a second one, left as a draft
  await startEntry(entrant, "Video", slug);
  await expect(entrant.getByRole("heading", { name: "Untitled entry" })).toBeVisible();

  // the dashboard shows them without a reload
  await expect(tiles).toContainText("2 entries", { timeout: 60_000 });
  await expect(tiles).toContainText("1 drafts not submitted");
  await expect(tiles).toContainText("1 waiting for screening");
  await noAxeViolations(page);

  // the receipt carries the organizers' words
  const receipt = await mailTo(entrant, email, new RegExp(`Entry received: ${reference}`));
  await expect(receipt).toContainText(`Thank you for taking part, ${run}.`);

  // A reminder to entrants with drafts
  await page.getByRole("link", { name: "Messages", exact: true }).click();
  await page.getByLabel("To", { exact: true }).selectOption("drafts");
  await page.getByLabel("Subject", { exact: true }).fill(`Three days left ${run}`);
  await page.getByLabel("Message", { exact: true }).fill("Your video entry is saved as a draft. Submit it in time!");
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Send to 1 person" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Sent to/ })).toBeVisible();
  await expect(await mailTo(entrant, email, new RegExp(`Three days left ${run}`))).toContainText(
    "Your video entry is saved as a draft.",
  );

  // The guard rail: removing Photography would strand the submitted entry, so it is listed first
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("button", { name: "Remove the category Photography" }).click();
  await page.getByRole("button", { name: "Save settings" }).click();
  const warning = page.getByRole("alert").filter({ hasText: "This change affects entries already made" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("Photography is removed; 1 entry is in it");
  await expect(warning.getByRole("link", { name: reference })).toBeVisible();
  await expect(warning).toBeFocused();
  await noAxeViolations(page);
  // nothing was saved: a fresh page still has Photography
  await page.reload();
  await expect(
    page
      .locator("li.card")
      .filter({ has: page.getByRole("heading", { name: "Category 2" }) })
      .getByLabel("Name", { exact: true }),
  ).toHaveValue("Photography");

  // the entrants list finds the entrant
  await page.getByRole("link", { name: "Entrants", exact: true }).click();
  await page.getByLabel("Entries", { exact: true }).selectOption("drafts");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("entrant-row")).toHaveCount(1);
  await expect(page.getByTestId("entrant-row")).toContainText(email);
  await noAxeViolations(page);
  await entrantContext.close();
});

test("an organizer previews the rules and FAQ as the contest page will show them, rendered by the server", async ({
  page,
}) => {
  const organizer = await seedOrganizer(randomBytes(3).toString("hex"));
  await signIn(page, organizer);
  await page.goto(`${base()}/organize/yhd-2025/settings`);

  const rules = page.locator("#settings-basics details").filter({ hasText: "Preview of Rules" });
  await rules.getByText("Preview of Rules").click();
  await expect(rules.getByRole("heading", { name: "Who may enter", level: 4 })).toBeVisible();

  const faq = page.locator("#settings-basics details").filter({ hasText: "Preview of Questions and answers" });
  await faq.getByText("Preview of Questions and answers").click();
  await page
    .getByLabel("Questions and answers", { exact: true })
    .fill(
      "## When?\n\n- Before the deadline\n  - in your time zone\n\n[**the** call](https://example.org) <b>bold?</b>",
    );
  await expect(faq.getByRole("heading", { name: "When?", level: 4 })).toBeVisible();
  await expect(faq.getByRole("listitem").getByRole("listitem")).toHaveText("in your time zone");
  await expect(faq.getByRole("link", { name: "the call" })).toHaveAttribute("href", "https://example.org");
  await expect(faq.getByText("<b>bold?</b>")).toBeVisible();
});
