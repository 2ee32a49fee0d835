import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { wav } from "../support/wav";
import { appDatabase } from "./database";
import { base, fillEntry, fillProfile, fixture, mailTo, signIn, startEntry } from "./support";

test("a new entrant fills a profile, submits a Video and a Photography entry, and gets both receipts", async ({
  page,
}) => {
  const email = `entrant-${Date.now()}@example.org`;
  await signIn(page, email);

  await page.goto(`${base()}/contests/yhd-2025`);
  await page.getByRole("link", { name: "Enter the contest" }).click();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await page.getByLabel("Full name").fill("Amaya Reyes");
  await page.getByLabel("Name to publish").fill("Amaya R.");
  await page.getByLabel("Date of birth").fill("2001-05-05");
  await page.getByLabel("Country of residence").selectOption("PH");
  await page.getByLabel(/I have read and accept the terms/).check();
  await page.getByRole("button", { name: "Save my profile" }).click();

  // Video
  await expect(page.getByRole("heading", { name: "Start an entry" })).toBeVisible();
  await new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await page.getByLabel(/^Video/).check();
  await page.getByRole("button", { name: "Start this entry" }).click();
  await expect(page.getByRole("heading", { name: "Untitled entry" })).toBeVisible();
  await page.getByLabel("Choose a file").setInputFiles(fixture("video-3s.mp4"));
  await expect(page.getByTestId("media-item")).toHaveAttribute("data-state", "verified", { timeout: 60_000 });
  await page.getByLabel("Name", { exact: true }).fill("Lina K.");
  await page.getByRole("textbox", { name: "Email address" }).fill("lina@example.org");
  await page.getByLabel(/this person may enter this contest too/).check();
  await page.getByRole("button", { name: "Add co-creator" }).click();
  await expect(page.getByText("Lina K. · lina@example.org")).toBeVisible();
  await fillEntry(page, { title: "Hands that rebuild", transcript: true });
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await page.reload(); // the draft survives a reload
  await expect(page.getByLabel("Title of the work")).toHaveValue("Hands that rebuild");
  await page.getByRole("button", { name: "Submit my entry" }).dblclick();
  await expect(page.getByRole("heading", { name: "Your entry is submitted" })).toBeVisible();
  const videoRef = (await page.getByTestId("reference").innerText()).match(/YHD25-\d{4}/)![0];

  // Photography
  await page.goto(`${base()}/contests/yhd-2025/enter`);
  await page.getByLabel(/^Photography/).check();
  await page.getByRole("button", { name: "Start this entry" }).click();
  await page.getByLabel("Choose a file").setInputFiles(fixture("photo-with-gps.jpg"));
  await expect(page.getByTestId("media-item")).toHaveAttribute("data-state", "verified", { timeout: 60_000 });
  await page
    .getByLabel("Describe this image (alt text)")
    .fill("A young woman fits a prosthetic leg in a bright workshop.");
  // saved from the keyboard: the button is disabled while it saves, and keeps the focus after
  const saveDescription = page.getByRole("button", { name: "Save description" });
  await saveDescription.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("img", { name: /prosthetic leg/ })).toBeVisible();
  await expect(saveDescription).toBeEnabled();
  await expect(saveDescription).toBeFocused();
  await fillEntry(page, { title: "Open workshop" });
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  // The photo everyone else will see carries no EXIF: no GPS, no camera, no author.
  const src = await page.getByRole("img", { name: /prosthetic leg/ }).getAttribute("src");
  const bytes = Buffer.from(await (await page.request.get(src!)).body()).toString("latin1");
  for (const trace of ["GPS", "TestCam", "Private Person", "Exif"]) expect(bytes).not.toContain(trace);

  await page.getByRole("button", { name: "Submit my entry" }).click();
  await expect(page.getByRole("heading", { name: "Your entry is submitted" })).toBeVisible();
  const photoRef = (await page.getByTestId("reference").innerText()).match(/YHD25-\d{4}/)![0];
  expect(photoRef).not.toBe(videoRef);

  await page.getByRole("link", { name: "Back to my entries" }).click();
  await expect(page.getByTestId("entry-card")).toHaveCount(2);
  await expect(page.getByText("Submitted", { exact: true })).toHaveCount(2);

  for (const [ref, title] of [
    [videoRef, "Hands that rebuild"],
    [photoRef, "Open workshop"],
  ] as const) {
    const receipts = await mailTo(page, email, new RegExp(`Entry received: ${ref} — ${title}`));
    await expect(receipts).toHaveCount(1);
  }
});

test("Submit on an incomplete entry leads the keyboard to what is missing, each item to its field, and the list follows each save", async ({
  page,
}) => {
  await signIn(page, `keyboard-${Date.now()}@example.org`);
  await fillProfile(page, "KH");
  await startEntry(page, "Written");
  const missing = page.getByRole("region", { name: "Before you can submit" });
  await expect(missing).toContainText("Add a title.");
  // the list is not read out on every load: it is no alert
  await expect(page.getByRole("alert").filter({ hasText: "Before you can submit" })).toHaveCount(0);

  await page.getByRole("button", { name: "Submit my entry" }).focus();
  await page.keyboard.press("Enter");
  await expect(missing).toBeFocused();
  await expect(missing).toContainText("Confirm that this is your original work.");

  // Tab to the first item, a link to the title
  await page.keyboard.press("Tab");
  await expect(missing.getByRole("link", { name: "Add a title." })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Title of the work")).toBeFocused();
  await page.keyboard.type("Hands that heal");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await expect(missing).not.toContainText("Add a title.");
  await expect(missing).toContainText("Add a short summary.");

  await missing.getByRole("link", { name: "Say whether you used AI." }).click();
  await expect(page.locator("#aiUse-none")).toBeFocused();
});

test("a profile sent with gaps lists each at the form's top, each a link to its field", async ({ page }) => {
  await signIn(page, `gaps-${Date.now()}@example.org`);
  await page.goto(`${base()}/profile`);
  await page.getByLabel("Full name").fill("Kim Lee");
  await page.getByRole("button", { name: "Save my profile" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("4 things to put right:");
  await expect(summary.getByRole("link", { name: "Name to publish: This field is required." })).toBeVisible();
  await expect(summary.getByRole("link")).toHaveCount(4);
  await summary.getByRole("link", { name: /^Date of birth: / }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Date of birth")).toBeFocused();
  await expect(page).toHaveURL(/\/profile/);
});

test("a file whose content is not a video is refused with a clear message", async ({ page }) => {
  const email = `trick-${Date.now()}@example.org`;
  await signIn(page, email);
  await fillProfile(page, "LA");
  await startEntry(page, "Video");
  await page.getByLabel("Choose a file").setInputFiles(fixture("not-a-video.mp4"));
  await expect(page.getByRole("status").filter({ hasText: "is not a format this category accepts" })).toBeVisible({
    timeout: 60_000,
  });
});

test("a large recording goes up in parts and is checked as a whole", async ({ page }) => {
  // 18 MiB of silence as a real WAV file: three 8 MiB parts
  const dir = path.resolve(import.meta.dirname, "../.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "long-recording.wav");
  writeFileSync(file, wav(18 * 1024 * 1024));

  await signIn(page, `podcast-${Date.now()}@example.org`);
  await fillProfile(page, "CO");
  await startEntry(page, "Audio");
  // picked from the keyboard: the picker is disabled while the file goes up; an Audio entry takes
  // one file, so the picker then leaves, and the keyboard goes on from the list of files
  const picker = page.getByLabel("Choose a file");
  // what the page asks the server while the file goes up
  const intents: string[] = [];
  page.on("request", (request) => {
    const intent = /(?:^|&)intent=([^&]+)/.exec(request.postData() ?? "")?.[1];
    if (request.method() === "POST" && intent) intents.push(intent);
  });
  await picker.focus();
  await picker.setInputFiles(file);
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByTestId("media-item")).toHaveAttribute("data-state", "verified", { timeout: 60_000 });
  await expect(page.locator("#media-file")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Your files" })).toBeFocused();
  // the start's answer carried the three parts' URLs: no request more for them
  expect(intents.filter((intent) => intent !== "status")).toEqual(["start", "complete-multipart"]);
});

test("an upload cut off mid-way goes on from where it stopped: a dropped part is sent again, and after a reload only what is missing", async ({
  page,
}) => {
  const dir = path.resolve(import.meta.dirname, "../.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "interrupted-recording.wav");
  writeFileSync(file, wav(18 * 1024 * 1024)); // three 8 MiB parts
  await signIn(page, `interrupted-${Date.now()}@example.org`);
  await fillProfile(page, "LA");
  await startEntry(page, "Audio");
  await expect(page.getByRole("heading", { name: "Untitled entry" })).toBeVisible();
  const entryUrl = page.url();

  // The storage's part uploads, as the browser sends them
  const partOf = (url: string) => Number(new URL(url).searchParams.get("partNumber") ?? 0);
  let sent: number[] = [];
  const stored = new Set<number>();
  page.on("request", (request) => {
    if (request.method() === "PUT" && partOf(request.url())) sent.push(partOf(request.url()));
  });
  page.on("requestfinished", async (request) => {
    if (request.method() === "PUT" && partOf(request.url()) && (await request.response())?.ok()) {
      stored.add(partOf(request.url()));
    }
  });
  // the connection drops once during part 2, and part 3 never gets through before the tab closes
  let dropped = false;
  const cut = (url: URL) => url.searchParams.has("partNumber");
  await page.route(cut, async (route) => {
    const part = partOf(route.request().url());
    if (part === 3 || (part === 2 && !dropped)) {
      dropped ||= part === 2;
      return route.abort("connectionreset");
    }
    return route.continue();
  });
  await page.getByLabel("Choose a file").setInputFiles(file);
  await expect.poll(() => [...stored].sort(), { timeout: 60_000 }).toEqual([1, 2]);
  expect(sent.filter((n) => n === 2).length).toBeGreaterThanOrEqual(2); // part 2 went again after the drop

  // The tab closes; later the entrant comes back and chooses the same file
  // (the block stays until the old page is gone, so none of its retries slips through)
  await page.goto(entryUrl);
  await page.unroute(cut);
  await expect(page.getByTestId("media-item")).toContainText(
    "Upload not finished: choose the same file again to continue, or remove it.",
  );
  // The server takes the list of parts, but its answer is lost on the way back once: the page asks again.
  let lostAnswers = 0;
  await page.route(
    (url) => url.pathname.endsWith("/media"),
    async (route) => {
      if (!route.request().postData()?.includes("intent=complete-multipart") || lostAnswers > 0)
        return route.fallback();
      await route.fetch();
      lostAnswers += 1;
      return route.abort("connectionreset");
    },
  );
  const joins: number[] = [];
  page.on("response", (response) => {
    if (response.request().postData()?.includes("intent=complete-multipart")) joins.push(response.status());
  });
  sent = [];
  await page.getByLabel("Add another file").setInputFiles(file);
  await expect(page.getByTestId("media-item")).toHaveAttribute("data-state", "verified", { timeout: 60_000 });
  expect(sent).toEqual([3]);
  expect(lostAnswers).toBe(1);
  expect(joins).toEqual([200]); // the page asked again, and the server answered as for the first
});

test("a cancelled upload is forgotten, and the picker is free for another file", async ({ page }) => {
  const dir = path.resolve(import.meta.dirname, "../.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "cancelled-recording.wav");
  writeFileSync(file, wav(18 * 1024 * 1024));
  await signIn(page, `cancel-${Date.now()}@example.org`);
  await fillProfile(page, "LA");
  await startEntry(page, "Audio");

  // the parts stay on the way to storage until the entrant has cancelled (a part whose address
  // was being asked for at that moment is still sent, and the upload stops after it)
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.searchParams.has("partNumber"),
    async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    },
  );
  await page.getByLabel("Choose a file").setInputFiles(file);
  await expect(page.getByLabel("Choose a file")).toBeDisabled();
  await page.getByRole("button", { name: "Cancel upload" }).click();
  release();
  await expect(page.getByRole("status").filter({ hasText: "Upload cancelled." })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByTestId("media-item")).toHaveCount(0);
  await expect(page.getByLabel("Choose a file")).toBeEnabled();
});

test("what someone types before the page has loaded its scripts is kept", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await signIn(page, `slow-phone-${Date.now()}@example.org`);
  // a slow connection: the page's scripts arrive seconds after its HTML
  await page.route("**/build/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await route.continue();
  });
  await page.goto(`${base()}/profile`, { waitUntil: "domcontentloaded" });
  await page.getByLabel("Full name").fill("Typed Before Hydration");
  await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
  await page.waitForTimeout(4000);
  await expect(page.getByLabel("Full name")).toHaveValue("Typed Before Hydration");
  expect(errors.filter((e) => /hydrat|did not match/i.test(e))).toEqual([]);
});

test("an entrant under 18 adds captions and a release, and their guardian consents from the mailbox", async ({
  page,
}) => {
  // This contest admits entrants from 13 with a guardian's consent (the demo starts at 18).
  const { db } = await appDatabase();
  await db.contest.update({ where: { slug: "yhd-2025" }, data: { minAge: 13 } });

  const email = `young-${Date.now()}@example.org`;
  await signIn(page, email);
  await fillProfile(page, "KH", "2010-06-01");
  await startEntry(page, "Video");
  await page.getByLabel("Choose a file").setInputFiles(fixture("video-3s.mp4"));
  await expect(page.getByTestId("media-item")).toHaveAttribute("data-state", "verified", { timeout: 60_000 });

  // captions instead of a transcript
  const captions = page.getByRole("form", { name: "Captions for video-3s.mp4" });
  await captions.getByLabel("Caption file (WebVTT, .vtt)").setInputFiles({
    name: "captions.vtt",
    mimeType: "text/vtt",
    buffer: Buffer.from("WEBVTT\n\n00:00.000 --> 00:02.500\nWe make legs here, and we make friends.\n"),
  });
  await captions.getByLabel("Language of the captions").fill("English");
  await captions.getByRole("button", { name: "Add captions" }).click();
  await expect(page.getByTestId("captions-state")).toHaveText("Captions added (English).");
  await expect(page.locator("video track[kind=captions]")).toHaveAttribute("src", /\.vtt$/);

  await fillEntry(page, { title: "My brother's new leg" });
  await page.getByRole("group", { name: "Can people be recognised in this work?" }).getByLabel("Yes").check();
  await page.getByLabel("Name or description of the person").fill("My brother Sokha");
  await page.getByLabel("This person is under 18").check();
  await page.getByLabel("Who gave consent").fill("Chenda (our mother)");
  await page.getByRole("button", { name: "Add release" }).click();
  await expect(
    page.getByText("My brother Sokha · under 18, consent given by guardian Chenda (our mother)"),
  ).toBeVisible();
  await page.getByLabel(/Everyone who can be recognised is listed under Releases/).check();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Before you can submit" })).toContainText(
    "Ask your parent or guardian to consent to your entry.",
  );

  await page.getByLabel("Their name").fill("Chenda");
  await page.getByLabel("Their email address").fill("chenda@example.org");
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByTestId("guardian-panel")).toContainText("Waiting for Chenda (chenda@example.org) to answer.");
  await new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  const entryUrl = page.url();

  // the guardian, from their inbox
  const mail = await mailTo(page, "chenda@example.org", /asks for your consent/);
  await mail.getByRole("link", { name: /\/guardian\?token=/ }).click();
  await expect(page.getByRole("heading", { name: "Test Person’s entry" })).toBeVisible();
  await expect(page.getByText("My brother's new leg")).toBeVisible();
  // the guardian's player has the captions too, opened by the same link
  const track = await page.locator("video track[kind=captions]").getAttribute("src");
  const vtt = await page.request.get(new URL(track!, page.url()).href);
  expect([vtt.status(), vtt.headers()["content-type"]]).toEqual([200, "text/vtt; charset=utf-8"]);
  await new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await page.getByRole("button", { name: "I consent" }).click();
  await expect(page.getByRole("status")).toHaveText(/Your consent is recorded/);
  // which the entrant hears of by email
  await expect(await mailTo(page, email, /Chenda consented to your entry/)).toHaveCount(1);

  await page.goto(entryUrl);
  await expect(page.getByTestId("guardian-panel")).toContainText("Chenda consented to this entry.");
  await page.getByRole("button", { name: "Submit my entry" }).click();
  await expect(page.getByRole("heading", { name: "Your entry is submitted" })).toBeVisible();
});
