import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
const base = "http://localhost:3000";
const email = process.env.WHO ?? "org2@example.org";
const stateFile = `/tmp/state-${email}.json`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const context = await browser.newContext(existsSync(stateFile) ? { storageState: stateFile, viewport: { width: 1200, height: 900 } } : { viewport: { width: 1200, height: 900 } });
const page = await context.newPage();
page.on("console", (m) => { if (m.type() === "error") console.log("console:", m.text().slice(0, 300)); });
page.on("pageerror", (e) => console.log("pageerror:", e.message.slice(0, 300)));
if (!existsSync(stateFile)) {
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
  await context.storageState({ path: stateFile });
}
for (const arg of process.argv.slice(2)) {
  const [name, path] = arg.split("=");
  console.log("--", path);
  await page.goto(base + path);
  await page.waitForTimeout(700);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}
await browser.close();
