import { expect, test, type Locator, type Page } from "@playwright/test";
import { base, fixture, mailTo, signIn } from "./support";

/**
 * Someone who uses no mouse (a keyboard, a switch, a screen reader's keys) enters the contest from
 * start to finish: the profile, the entry's texts and declarations, a photo and its description,
 * and Submit. Only keys move focus and change things here: no clicks, no fill, no focus(); the
 * system's file dialog, which no page can drive, is answered through Playwright's file chooser.
 */

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, { back = false } = {}) {
  await expect(target).toBeAttached();
  for (let press = 0; press < 150; press++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target, "the keyboard never reached it").toBeFocused();
}

/** Tabs to a text field and types into it. */
async function typeInto(page: Page, field: Locator, text: string, options: { back?: boolean } = {}) {
  await tabTo(page, field, options);
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/** Tabs to a checkbox and ticks it with Space. */
async function tick(page: Page, box: Locator) {
  await tabTo(page, box);
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
}

/** Answers "No" to a yes/no question: Tab enters the group on "Yes", the arrow moves to "No". */
async function answerNo(page: Page, group: Locator) {
  await tabTo(page, group.getByLabel("Yes"));
  await page.keyboard.press("ArrowRight");
  await expect(group.getByLabel("No")).toBeChecked();
  await expect(group.getByLabel("No")).toBeFocused();
}

test("a new entrant completes the profile and enters a photograph using only the keyboard", async ({ page }) => {
  const email = `keys-only-${Date.now()}@example.org`;
  await signIn(page, email);

  // From the contest page to the profile
  await page.goto(`${base()}/contests/yhd-2025`);
  await tabTo(page, page.getByRole("link", { name: "Enter the contest" }));
  await page.keyboard.press("Enter");
  // the link has gone with its page: the keyboard starts from the new page's heading
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeFocused();

  await typeInto(page, page.getByLabel("Full name"), "Nima Sherpa");
  await typeInto(page, page.getByLabel("Name to publish"), "Nima S.");
  const birth = page.getByLabel("Date of birth");
  await tabTo(page, birth);
  await page.keyboard.type("05052001"); // the same day read as mm/dd or dd/mm
  await expect(birth).toHaveValue("2001-05-05");
  const country = page.getByLabel("Country of residence");
  await tabTo(page, country);
  await page.keyboard.type("Nepal");
  await expect(country).toHaveValue("NP");
  await tick(page, page.getByLabel(/I have read and accept the terms/));
  await tabTo(page, page.getByRole("button", { name: "Save my profile" }));
  await page.keyboard.press("Enter");

  // The category: Tab lands on the chosen one, the arrow keys choose another
  await expect(page.getByRole("heading", { name: "Start an entry" })).toBeFocused();
  await tabTo(page, page.getByLabel(/^Video/));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel(/^Photography/)).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Start this entry" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Untitled entry" })).toBeFocused();

  // The photograph: Space on the file picker opens the system's dialog
  await tabTo(page, page.getByLabel("Choose a file"));
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Space");
  await (await chooser).setFiles(fixture("photo.jpg"));
  await expect(page.getByTestId("media-item")).toHaveAttribute("data-state", "verified", { timeout: 60_000 });
  // the picker was disabled while the file went up; the keyboard is back on it, for another file
  await expect(page.getByLabel("Add another file")).toBeFocused();

  // its description, saved with Enter on its button, which keeps the focus
  await typeInto(
    page,
    page.getByLabel("Describe this image (alt text)"),
    "Two young women carry a prosthetic leg across a market.",
    { back: true },
  );
  const saveDescription = page.getByRole("button", { name: "Save description" });
  await tabTo(page, saveDescription);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("img", { name: /prosthetic leg across a market/ })).toBeVisible();
  await expect(saveDescription).toBeFocused();

  // The texts
  await typeInto(page, page.getByLabel("Title of the work"), "Market day");
  await typeInto(page, page.getByLabel("Short summary"), "A leg made in the workshop goes home.");
  await typeInto(page, page.getByLabel("Artist statement"), "Assistance is a town that carries its people.");
  await typeInto(page, page.getByLabel("Language of the work"), "Nepali");

  // The declarations
  await tick(page, page.getByLabel("This is my own original work"));
  // nothing chosen yet: Tab enters the group on its first answer, Space chooses it
  const noAi = page
    .getByRole("group", { name: /artificial intelligence/ })
    .getByRole("radio")
    .first();
  await tabTo(page, noAi);
  await page.keyboard.press("Space");
  await expect(noAi).toBeChecked();
  await tick(page, page.getByLabel(/I allow the organizers to show this work/));
  await answerNo(page, page.getByRole("group", { name: "Can people be recognised in this work?" }));
  await answerNo(page, page.getByRole("group", { name: /survivors who can be identified/ }));
  await answerNo(page, page.getByRole("group", { name: /exact locations/ }));
  await answerNo(page, page.getByRole("group", { name: /graphic injuries/ }));
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Before you can submit" })).toHaveCount(0);

  // Submit, and the keyboard starts from the confirmation's heading
  await tabTo(page, page.getByRole("button", { name: "Submit my entry" }));
  await page.keyboard.press("Enter");
  const done = page.getByRole("heading", { name: "Your entry is submitted" });
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();
  const reference = (await page.getByTestId("reference").innerText()).match(/YHD25-\d{4}/)![0];

  // and on from there to the list of entries
  await tabTo(page, page.getByRole("link", { name: "Back to my entries" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "My entries" })).toBeFocused();
  await expect(page.getByText("Submitted", { exact: true })).toHaveCount(1);
  await expect(await mailTo(page, email, new RegExp(`Entry received: ${reference} — Market day`))).toHaveCount(1);
});
