import { chromium } from "@playwright/test";
const base = "http://localhost:3000";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
async function signIn(email) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();
  const codePage = page.url();
  await page.goto(`${base}/dev/mailbox`);
  const text = await page.getByTestId("mail").filter({ hasText: email }).filter({ hasText: /sign-in code/ }).first().innerText();
  await page.goto(codePage);
  await page.getByLabel("6-digit code").fill(/\b(\d{6})\b/.exec(text)[1]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${base}/me`);
}
await signIn("organizer@example.org");
for (const [name, path] of process.argv.slice(2).map((a) => a.split("="))) {
  await page.goto(base + path);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}
await browser.close();
