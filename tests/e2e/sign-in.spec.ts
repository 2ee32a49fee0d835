import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const base = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: global-setup.ts did not run");
  return url;
};

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function codeFromMailbox(page: Page, email: string) {
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.goto(`${base()}/dev/mailbox`);
    const mail = page.getByTestId("mail").filter({ hasText: email }).first();
    if (await mail.count()) {
      const text = await mail.innerText();
      const code = /\b(\d{6})\b/.exec(text)?.[1];
      if (code) return code;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no sign-in email reached the mailbox for ${email}`);
}

test("a new person finds the contest, signs in with the emailed code, and lands on their page", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    // A 400 answer to a wrong code is the expected reply, which Chromium also logs.
    if (message.type() === "error" && !/status of 400/.test(message.text())) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));

  await page.goto(base());
  await page.getByRole("link", { name: /Youth for Humanitarian Disarmament/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Youth for Humanitarian Disarmament Multimedia Contest 2025",
  );
  await expect(page.getByRole("timer")).toContainText(/\d+ d \d+ h \d+ min/);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Sign in to enter" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A malformed address is caught with a clear message, tied to the field.
  const emailField = page.getByLabel("Email address");
  await emailField.fill("not-an-address");
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByText("Enter an email address like name@example.org.")).toBeVisible();
  await expect(emailField).toHaveAttribute("aria-invalid", "true");

  const email = `newcomer-${Date.now()}@example.org`;
  await emailField.fill(email);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const codePage = page.url();

  const code = await codeFromMailbox(page, email);
  await page.goto(codePage);
  const wrong = code === "000000" ? "111111" : "000000";
  await page.getByLabel("6-digit code").fill(wrong);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code is not right. You have 4 tries left.")).toBeVisible();

  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  // back where they were going: entering the contest, which first asks for a profile
  await expect(page).toHaveURL(`${base()}/profile?redirectTo=%2Fcontests%2Fyhd-2025%2Fenter`);
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`${base()}/me`);
  await expect(page.getByText(`You are signed in as ${email}.`)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(`${base()}/me`);
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme/);

  expect(errors).toEqual([]);
});

test("the contest page works before (and without) JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base()}/contests/yhd-2025`);
  await expect(page.getByRole("timer")).toContainText(/\d+ d \d+ h \d+ min/);
  await expect(page.getByRole("heading", { name: "Categories" })).toBeVisible();
  await page.getByRole("link", { name: "Sign in to enter" }).click();
  await page.getByLabel("Email address").fill(`no-js-${Date.now()}@example.org`);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await context.close();
});

test("keyboard users can skip straight to the content", async ({ page }) => {
  await page.goto(`${base()}/contests/yhd-2025`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("a visitor reads the contest page in French after choosing it", async ({ page }) => {
  // The browser loads the messages of the page's language only, and renders what the server did.
  const languages: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => {
    const language = /\/build\/_shared\/(en|fr|es)-\w+\.js$/.exec(request.url())?.[1];
    if (language) languages.push(language);
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${base()}/contests/yhd-2025`);
  await expect.poll(() => languages).toEqual(["en"]);
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("button", { name: "Change" }).click();
  await expect(page.getByRole("link", { name: "Se connecter pour participer" })).toBeVisible();
  expect(languages).toEqual(["en", "fr"]);
  expect(errors).toEqual([]);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveURL(`${base()}/contests/yhd-2025`);
  await expectNoAxeViolations(page);
  await page.getByLabel("Langue").selectOption("en");
  await page.getByRole("button", { name: "Changer" }).click();
  await expect(page.getByRole("link", { name: "Sign in to enter" })).toBeVisible();
});

test("a page whose title is translated changes language in place, without an error", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${base()}/login`);
  await expect(page.getByRole("button", { name: "Send me a code" })).toBeVisible();
  await page.waitForFunction(() => document.querySelector("html")?.lang === "en" && "__remixContext" in window);
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("button", { name: "Change" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByLabel("Langue")).toBeVisible();
  await expect(page).toHaveTitle(/Mosaic/);
  expect(errors).toEqual([]);
});
