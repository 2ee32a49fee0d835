import path from "node:path";
import { expect, type Page } from "@playwright/test";

/** Steps every browser test takes: the app's address, fixtures, the dev mailbox, signing in. */
export const base = () => process.env.E2E_BASE_URL!;
export const fixture = (name: string) => path.resolve(import.meta.dirname, "../fixtures/media", name);

export async function mailTo(page: Page, email: string, subject: RegExp) {
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.goto(`${base()}/dev/mailbox`);
    const mail = page.getByTestId("mail").filter({ hasText: email }).filter({ hasText: subject });
    if (await mail.count()) return mail;
    await page.waitForTimeout(250);
  }
  throw new Error(`no email matching ${subject} reached ${email}`);
}

export async function signIn(page: Page, email: string) {
  await page.goto(`${base()}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const codePage = page.url();
  const text = await (await mailTo(page, email, /sign-in code/)).first().innerText();
  await page.goto(codePage);
  await page.getByLabel("6-digit code").fill(/\b(\d{6})\b/.exec(text)![1]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${base()}/me`);
}

/** An entrant's profile, with the terms accepted. */
export async function fillProfile(page: Page, country: string, dateOfBirth = "1999-01-01") {
  await page.goto(`${base()}/profile`);
  await page.getByLabel("Full name").fill("Test Person");
  await page.getByLabel("Name to publish").fill("T.");
  await page.getByLabel("Date of birth").fill(dateOfBirth);
  await page.getByLabel("Country of residence").selectOption(country);
  await page.getByLabel(/I have read and accept the terms/).check();
  await page.getByRole("button", { name: "Save my profile" }).click();
  await expect(page).toHaveURL(`${base()}/entries`);
}

/** Starts an entry in the category whose name begins with `category`. */
export async function startEntry(page: Page, category: string, slug = "yhd-2025") {
  await page.goto(`${base()}/contests/${slug}/enter`);
  await page.getByLabel(new RegExp(`^${category}`)).check();
  await page.getByRole("button", { name: "Start this entry" }).click();
}

/** Every text and declaration of an entry, with the answers that need no release. */
export async function fillEntry(page: Page, fields: { title: string; transcript?: boolean }) {
  await page.getByLabel("Title of the work").fill(fields.title);
  await page.getByLabel("Short summary").fill("Survivors run the workshop; the town comes to them.");
  await page
    .getByLabel("Artist statement")
    .fill("Assistance is rehabilitation, work and friendship: a whole town changes.");
  await page.getByLabel("Language of the work").fill("English");
  if (fields.transcript) await page.getByLabel("Transcript").fill("Narrator: we make legs here, and friends.");
  await page.getByLabel("This is my own original work").check();
  await page.getByRole("radio", { name: "No", exact: true }).first().check();
  await page.getByLabel(/I allow the organizers to show this work/).check();
  await page.getByRole("group", { name: "Can people be recognised in this work?" }).getByLabel("No").check();
  await page
    .getByRole("group", { name: /survivors who can be identified/ })
    .getByLabel("No")
    .check();
  await page
    .getByRole("group", { name: /exact locations/ })
    .getByLabel("No")
    .check();
  await page
    .getByRole("group", { name: /graphic injuries/ })
    .getByLabel("No")
    .check();
}
