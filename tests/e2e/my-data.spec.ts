import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { readZip } from "../support/zip";
import { base, fillEntry, fillProfile, fixture, signIn, startEntry } from "./support";

test("an entrant downloads everything Mosaic holds about them, then deletes their account", async ({ page }) => {
  const email = `mydata-${Date.now()}@example.org`;
  await signIn(page, email);
  await fillProfile(page, "PH");
  await startEntry(page, "Photography");
  await page.getByLabel("Choose a file").setInputFiles(fixture("photo.jpg"));
  await expect(page.getByTestId("media-item")).toHaveAttribute("data-state", "verified", { timeout: 60_000 });
  await page.getByLabel("Describe this image (alt text)").fill("Hands shaping clay in a workshop.");
  await page.getByRole("button", { name: "Save description" }).click();
  await fillEntry(page, { title: "Clay and hands" });
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  // told before submitting, and again on the receipt, how long an entry that wins nothing is kept
  await expect(page.getByText(/deleted 12 months after the results are published/)).toBeVisible();
  await page.getByRole("button", { name: "Submit my entry" }).click();
  await expect(page.getByRole("heading", { name: "Your entry is submitted" })).toBeVisible();
  await expect(page.getByText(/deleted 12 months after the results are published/)).toBeVisible();

  await page.goto(`${base()}/me`);
  await page.getByRole("link", { name: "My data" }).click();
  await expect(page.getByRole("heading", { name: "My data", exact: true })).toBeVisible();
  await new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data (ZIP)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mosaic-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = readZip(readFileSync((await download.path())!));
  const data = JSON.parse(files.get("data.json")!.toString()) as {
    account: { email: string; fullName: string };
    entries: { title: string; media: { file: string; altText: string }[] }[];
  };
  expect(data.account).toMatchObject({ email, fullName: "Test Person" });
  expect(data.entries.map((e) => e.title)).toEqual(["Clay and hands"]);
  const photo = data.entries[0]!.media[0]!;
  expect(photo.altText).toBe("Hands shaping clay in a workshop.");
  expect(files.get(photo.file)!.length).toBeGreaterThan(1000);
  expect(files.get("README.txt")!.toString()).toContain("data.json");

  await page.getByRole("link", { name: "Delete my account…" }).click();
  await expect(page.getByRole("heading", { name: "Delete my account", exact: true })).toBeVisible();
  await expect(page.getByTestId("erased-entry")).toHaveText(/“Clay and hands” .*deleted, with its files/);
  await new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await page.getByLabel(/I understand that my account and my data will be deleted/).check();
  await page.getByRole("button", { name: "Delete my account now" }).click();
  await expect(page.getByRole("heading", { name: "Your account was deleted" })).toBeVisible();

  // signed out: my pages ask to sign in again
  await page.goto(`${base()}/me`);
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme$/);
});
