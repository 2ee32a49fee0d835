import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator } from "@playwright/test";
import { appDatabase } from "./database";
import { seatJudge } from "./judges";
import { base, fillProfile, signIn } from "./support";

/**
 * Pictures, not just sound: the video plays and frames are drawn. (Chromium plays an HEVC file's
 * sound and shows no picture: its width stays 0 and no frame is decoded.)
 */
async function expectMovingPictures(video: Locator) {
  await video.scrollIntoViewIfNeeded();
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() =>
      video.evaluate((v: HTMLVideoElement) => ({
        width: v.videoWidth,
        framesDrawn: v.getVideoPlaybackQuality().totalVideoFrames > 0,
      })),
    )
    .toEqual({ width: expect.any(Number), framesDrawn: true });
  const width = await video.evaluate((v: HTMLVideoElement) => v.videoWidth);
  expect(width).toBeGreaterThan(0);
  return width;
}

/**
 * A browser that reports its connection as `connection` (what Chromium estimates from traffic
 * otherwise, which varies with the machine's load).
 */
async function browsing(browser: Browser, connection: { effectiveType: string; saveData: boolean }) {
  const context = await browser.newContext();
  await context.addInitScript((value) => {
    Object.defineProperty(navigator, "connection", { value, configurable: true });
  }, connection);
  return context.newPage();
}

const run = randomBytes(3).toString("hex");
const judgeEmail = `e2e-playback-judge-${run}@example.org`;
let judgeId = "";
test.beforeAll(async () => {
  judgeId = (await seatJudge(judgeEmail)).id;
});

const dir = mkdtempSync(path.join(tmpdir(), "mosaic-playback-"));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a phone's HEVC film, sent through the entry page, plays with pictures for its entrant, a judge and the gallery's visitors", async ({
  browser,
}) => {
  const { db, demo } = await appDatabase();
  const { phoneClip } = await import("~/services/ffmpeg.server");
  const film = path.join(dir, "IMG_0042.MOV");
  await phoneClip(film, { seconds: 3, width: 1280, height: 720 });

  // the entrant, on the entry page
  const email = `e2e-playback-${run}@example.org`;
  const entrant = await (await browser.newContext()).newPage();
  await signIn(entrant, email);
  await fillProfile(entrant, "PH");
  await entrant.goto(`${base()}/contests/yhd-2025/enter`);
  await entrant.getByLabel(/^Video/).check();
  await entrant.getByRole("button", { name: "Start this entry" }).click();
  await expect(entrant.getByRole("heading", { name: "Untitled entry" })).toBeVisible();
  // what makes this test matter: this browser cannot show the original's pictures
  expect(await entrant.evaluate(() => document.createElement("video").canPlayType('video/mp4; codecs="hvc1"'))).toBe(
    "",
  );
  await entrant.getByLabel("Choose a file").setInputFiles(film);
  // checked, then prepared for judges in the background; the page says when it is ready, unasked
  await expect(entrant.getByTestId("media-item")).toHaveAttribute("data-state", "verified", { timeout: 120_000 });
  await expect(entrant.getByTestId("media-item")).toContainText("Checked and ready");
  expect(await expectMovingPictures(entrant.getByTestId("media-item").locator("video"))).toBe(720); // upright
  await new AxeBuilder({ page: entrant }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));

  // the entry, accepted for judging and given to a judge (screening has its own browser tests)
  const contest = await demo();
  const entry = await db.entry.findFirstOrThrow({ where: { entrant: { email } } });
  const judgeCode = `P${run}`.toUpperCase();
  await db.entry.update({
    where: { id: entry.id },
    data: {
      status: "eligible",
      referenceCode: `YHD25-7${run.slice(0, 3)}`,
      judgeCode,
      title: `Hands that rebuild ${run}`,
      licenceAt: new Date(),
      identifiablePeople: false,
      submittedAt: new Date(),
    },
  });
  await db.assignment.create({ data: { contestId: contest.id, entryId: entry.id, judgeId } });
  try {
    const judge = await browsing(browser, { effectiveType: "4g", saveData: false });
    await signIn(judge, judgeEmail);
    await judge.goto(`${base()}/judge/yhd-2025/entries/${judgeCode}`);
    const video = judge.locator("video");
    expect(await expectMovingPictures(video)).toBe(720);
    // a slower connection's version, chosen by the judge, in place
    const quality = judge.getByLabel("Quality");
    await expect(quality.locator("option")).toHaveText(["720p (best)", "480p (light, for slow connections)"]);
    await quality.selectOption({ label: "480p (light, for slow connections)" });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(480);
    expect(await expectMovingPictures(video)).toBe(480);
    // judges get what plays, never the original file
    await expect(judge.getByRole("link", { name: "Download the file as it was sent" })).toHaveCount(0);
    await new AxeBuilder({ page: judge }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));

    // a visitor of the winners' gallery, once the film has won and the results are out
    const organizer = await db.user.findUniqueOrThrow({ where: { email: "organizer@example.org" } });
    await db.award.create({
      data: { contestId: contest.id, entryId: entry.id, place: "first", createdById: organizer.id },
    });
    await db.contest.update({ where: { id: contest.id }, data: { resultsPublishedAt: new Date() } });
    // on a phone that asks to save data: the light rendition, without being asked
    const visitor = await browsing(browser, { effectiveType: "4g", saveData: true });
    await visitor.goto(`${base()}/contests/yhd-2025/winners`);
    const card = visitor.getByTestId("winner").filter({ hasText: `Hands that rebuild ${run}` });
    await expect(card).toBeVisible();
    // each player's switch is named for its work, where a page shows several
    await expect(card.getByLabel(`Quality (Hands that rebuild ${run})`)).toHaveValue("1");
    expect(await expectMovingPictures(card.locator("video"))).toBe(480);
    // and on a slow connection, reported as such
    const slow = await browsing(browser, { effectiveType: "3g", saveData: false });
    await slow.goto(`${base()}/contests/yhd-2025/winners`);
    const slowCard = slow.getByTestId("winner").filter({ hasText: `Hands that rebuild ${run}` });
    await expect(slowCard.getByLabel("Quality")).toHaveValue("1");
    expect(await expectMovingPictures(slowCard.locator("video"))).toBe(480);
  } finally {
    // the shared demo contest as it was, for the browser tests that run after this one
    await db.contest.update({ where: { id: contest.id }, data: { resultsPublishedAt: null } });
    // (its objects stay in the test run's throwaway storage, which this process is not configured for)
    await db.entry.delete({ where: { id: entry.id } });
  }
});
