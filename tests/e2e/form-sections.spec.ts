import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./sessions";
import { base, fillProfile, startEntry } from "./support";

/**
 * On a phone the long forms (a contest's settings, an entry) open one section at a time, each
 * behind a heading button that says how far it has got (components/form-section.tsx); on a wide
 * screen every section is open and there are no such buttons.
 */
const phone = { viewport: { width: 360, height: 740 } };
const wide = { viewport: { width: 1280, height: 800 } };

async function fitsTheScreen(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** A section's heading button, by the section's name (the button also says its progress). */
const section = (page: Page, name: string) => page.getByRole("button", { name: new RegExp(`^${name}`) });

test("at 360 px the contest's settings fold into sections, one open at a time, each with its progress", async ({
  browser,
}) => {
  const { page } = await signedInPage(browser, `e2e-sections-${Date.now()}@example.org`, "organizer", phone);
  await page.goto(`${base()}/organize/yhd-2025/settings`);
  const basics = section(page, "The contest");
  const timeline = section(page, "Timeline");
  const title = page.getByRole("textbox", { name: "Title", exact: true });
  // nothing needs anything: the first section is open, the others folded
  await expect(basics).toHaveAttribute("aria-expanded", "true");
  await expect(basics).toContainText("Done");
  await expect(timeline).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByLabel("Time zone", { exact: true })).toBeHidden();
  // a section where nothing is needed says so
  await expect(section(page, "Emails to entrants")).toContainText("Optional");
  await fitsTheScreen(page);

  // the progress follows what is filled in (a field is checked once left, then as it is typed in)
  await title.fill("");
  await expect(basics).toContainText(/\d+ of \d+ done/);
  await title.blur();
  await expect(basics).toContainText("Needs attention");
  await title.fill("YHD on a phone");
  await expect(basics).toContainText("Done");

  // opening one closes the other; what was typed stays while its section is folded
  await title.fill("A title kept while folded");
  await timeline.click();
  await expect(timeline).toHaveAttribute("aria-expanded", "true");
  await expect(basics).toHaveAttribute("aria-expanded", "false");
  await expect(title).toBeHidden();
  await expect(page.getByLabel("Time zone", { exact: true })).toBeVisible();
  await fitsTheScreen(page);

  // by keyboard: Enter and Space toggle, and the focus stays on the button
  await basics.focus();
  await page.keyboard.press("Enter");
  await expect(basics).toHaveAttribute("aria-expanded", "true");
  await expect(basics).toBeFocused();
  // the site's focus ring
  await expect(basics).toHaveCSS("outline-style", "solid");
  await expect(title).toHaveValue("A title kept while folded");
  await expect(timeline).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press(" ");
  await expect(basics).toHaveAttribute("aria-expanded", "false");
  await expect(basics).toBeFocused();
  await page.keyboard.press(" ");
  await expect(basics).toHaveAttribute("aria-expanded", "true");

  // a refused save opens the section of the first problem, whose field takes the focus
  await title.fill("");
  await timeline.click();
  await expect(title).toBeHidden();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(basics).toHaveAttribute("aria-expanded", "true");
  await expect(basics).toContainText("Needs attention");
  await expect(title).toBeFocused();
  // the error summary's link opens the folded section before it moves focus to the field
  await basics.click();
  await expect(title).toBeHidden();
  await page
    .locator(".error-summary")
    .getByRole("link", { name: /^Title/ })
    .click();
  await expect(basics).toHaveAttribute("aria-expanded", "true");
  await expect(title).toBeFocused();
  await fitsTheScreen(page);
});

test("at 360 px an entry folds into sections that follow what is filled in, and a refused submission opens the first problem", async ({
  browser,
}) => {
  const { page } = await signedInPage(browser, `e2e-sections-entrant-${Date.now()}@example.org`, undefined, phone);
  await fillProfile(page, "LA");
  await startEntry(page, "Photography");
  await expect(page.getByRole("heading", { name: "Untitled entry" })).toBeVisible();
  const files = section(page, "Your files");
  const details = section(page, "About the work");
  const declarations = section(page, "Declarations");
  // the first section that needs something is open: the entry has no file yet
  await expect(files).toHaveAttribute("aria-expanded", "true");
  await expect(files).toContainText("0 of 1 done");
  await expect(details).toHaveAttribute("aria-expanded", "false");
  await expect(details).toContainText("0 of 4 done");
  await expect(section(page, "Co-creators")).toContainText("Optional");
  await expect(page.getByLabel("Title of the work")).toBeHidden();
  await fitsTheScreen(page);

  await details.click();
  await expect(files).toHaveAttribute("aria-expanded", "false");
  await page.getByLabel("Title of the work").fill("Folded but kept");
  await expect(details).toContainText("1 of 4 done");
  await page.getByLabel("Short summary").fill("A workshop where survivors make legs.");
  await page.getByLabel("Artist statement").fill("Assistance is work and friendship.");
  await page.getByLabel("Language of the work").fill("English");
  await expect(details).toContainText("Done");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  // a refused submission: the list of what is missing has the focus, the files' section opens
  await page.getByRole("button", { name: "Submit my entry" }).click();
  const missing = page.getByRole("region", { name: "Before you can submit" });
  await expect(missing).toBeFocused();
  await expect(files).toHaveAttribute("aria-expanded", "true");
  await expect(files).toContainText("Needs attention");
  await expect(declarations).toContainText("Needs attention");
  await expect(details).toHaveAttribute("aria-expanded", "false");
  // its link opens the folded declarations and focuses the box to tick
  await missing.getByRole("link", { name: "Confirm that this is your original work." }).click();
  await expect(declarations).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByLabel(/This is my own original work/)).toBeFocused();
  await expect(files).toHaveAttribute("aria-expanded", "false");
  // nothing typed was lost while its section was folded
  await details.click();
  await expect(page.getByLabel("Title of the work")).toHaveValue("Folded but kept");
  await fitsTheScreen(page);
});

test("at 1280 px every section of both forms is open, with no section buttons", async ({ browser }) => {
  const organizer = await signedInPage(browser, `e2e-sections-wide-${Date.now()}@example.org`, "organizer", wide);
  await organizer.page.goto(`${base()}/organize/yhd-2025/settings`);
  const settings = organizer.page;
  // the buttons are there once scripts run, for a phone only
  await expect(settings.locator(".section-toggle").first()).toBeAttached();
  await expect(settings.locator(".section-toggle:visible")).toHaveCount(0);
  for (const label of ["Title", "Time zone", "Entries open"]) {
    await expect(settings.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(settings.getByLabel("When an entry is submitted", { exact: true })).toBeVisible();
  await expect(settings.getByRole("group", { name: "The contest", exact: true })).toBeVisible();

  const entrant = await signedInPage(browser, `e2e-sections-wide-entrant-${Date.now()}@example.org`, undefined, wide);
  await fillProfile(entrant.page, "LA");
  await startEntry(entrant.page, "Photography");
  const entry = entrant.page;
  await expect(entry.locator(".section-toggle").first()).toBeAttached();
  await expect(entry.locator(".section-toggle:visible")).toHaveCount(0);
  for (const label of ["Title of the work", "Choose a file", "This is my own original work"]) {
    await expect(entry.getByLabel(label, { exact: false }).first()).toBeVisible();
  }
  await expect(entry.getByRole("group", { name: /graphic injuries/ })).toBeVisible();
  await expect(entry.getByRole("heading", { name: "Declarations", level: 2 })).toBeVisible();
});

test("at 360 px a link into a part of the settings opens it, and without scripts every part is open", async ({
  browser,
}) => {
  const email = `e2e-sections-link-${Date.now()}@example.org`;
  const { page } = await signedInPage(browser, email, "organizer", phone);
  // the dashboard links to the retention period
  await page.goto(`${base()}/organize/yhd-2025/settings#retention`);
  await expect(section(page, "Personal data")).toHaveAttribute("aria-expanded", "true");
  await expect(section(page, "The contest")).toHaveAttribute("aria-expanded", "false");

  const cookies = await page.context().cookies();
  const bare = await browser.newContext({ ...phone, javaScriptEnabled: false });
  await bare.addCookies(cookies);
  const plain = await bare.newPage();
  await plain.goto(`${base()}/organize/yhd-2025/settings`);
  await expect(plain.getByRole("textbox", { name: "Title", exact: true })).toBeVisible();
  await expect(plain.getByLabel("Time zone", { exact: true })).toBeVisible();
  await expect(plain.getByLabel("When an entry is submitted", { exact: true })).toBeVisible();
  await expect(plain.locator(".section-toggle")).toHaveCount(0);
  await bare.close();
});
