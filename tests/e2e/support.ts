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
