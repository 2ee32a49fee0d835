import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "~/models/contest-defaults";
import { checkDeclared, MAX_VIDEO_PIXELS, rejectionMessage, type MediaRules } from "~/models/media";
import { probe } from "~/services/ffmpeg.server";
import { inspectFile } from "~/models/media-verify.server";
import { TMP } from "../support/global-setup";
import { createI18n } from "~/i18n";

// Real files (tests/fixtures/media/README.md lists them and the outcome each must get),
// checked against the real rules of Mosaic's default categories (the demo contest's).
const fixture = (name: string) => path.resolve("tests/fixtures/media", name);
const rulesOf = (slug: string): MediaRules => {
  const category = DEFAULT_CATEGORIES.find((c) => c.slug === slug)!;
  return {
    allowedTypes: category.allowedTypes.split(","),
    maxFileBytes: category.maxFileBytes,
    maxDurationSec: category.maxDurationSec,
  };
};

describe("media inspection: what each category accepts", () => {
  it.each([
    ["video-3s.mp4", "video", "video/mp4", 3],
    ["video-2s.webm", "video", "video/webm", 2],
    ["audio-3s.mp3", "audio", "audio/mpeg", 3],
    ["audio-2s.wav", "audio", "audio/wav", 2],
  ])("accepts %s for %s and reads its duration", async (file, category, type, seconds) => {
    const result = await inspectFile(fixture(file), rulesOf(category));
    expect(result).toMatchObject({ ok: true, type });
    if (!result.ok) return;
    expect(result.durationSec).toBeCloseTo(seconds, 0);
    expect(result.sha256).toBeNull(); // a recording's fingerprint is taken once it is accepted
  });

  it("reads the size of a video's picture", async () => {
    const result = await inspectFile(fixture("video-3s.mp4"), rulesOf("video"));
    expect(result).toMatchObject({ ok: true, width: 320, height: 240 });
  });

  it.each([
    ["photo.jpg", "photography", "image/jpeg", 640, 480],
    ["artwork.png", "visual-art", "image/png", 240, 180],
    ["artwork-small.webp", "visual-art", "image/webp", 400, 400],
  ])("accepts %s for %s, with a clean copy and a preview", async (file, category, type, width, height) => {
    const result = await inspectFile(fixture(file), rulesOf(category));
    expect(result).toMatchObject({ ok: true, type, width, height });
    if (!result.ok) return;
    expect((await sharp(result.clean!.bytes).metadata()).format).toBe(type.split("/")[1]);
    expect(result.preview).toMatchObject({ type: "image/webp" });
  });

  it("accepts essay.pdf for Written work", async () => {
    expect(await inspectFile(fixture("essay.pdf"), rulesOf("written-work"))).toMatchObject({
      ok: true,
      type: "application/pdf",
    });
  });

  it("strips every trace of EXIF from photo-with-gps.jpg: no GPS, no camera, no author", async () => {
    const result = await inspectFile(fixture("photo-with-gps.jpg"), rulesOf("photography"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const original = await sharp(fixture("photo-with-gps.jpg")).metadata();
    expect(original.exif).toBeDefined(); // the fixture really carries EXIF
    for (const copy of [result.clean!, result.preview!]) {
      const metadata = await sharp(copy.bytes).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.iptc).toBeUndefined();
      const text = copy.bytes.toString("latin1");
      for (const trace of ["Exif", "GPS", "TestCam", "Private Person"]) expect(text).not.toContain(trace);
    }
  });
});

describe("media inspection: what it refuses", () => {
  it("refuses an executable named .mp4, whatever its name and declared type", async () => {
    const result = await inspectFile(fixture("not-a-video.mp4"), rulesOf("video"));
    expect(result).toEqual({ ok: false, rejection: { reason: "wrongType", detected: "application/x-msdownload" } });
  });

  it("refuses an HTML page with a script named .jpg", async () => {
    expect(await inspectFile(fixture("script-as-image.jpg"), rulesOf("photography"))).toEqual({
      ok: false,
      rejection: { reason: "wrongType", detected: null },
    });
  });

  it("refuses a truncated JPEG as damaged", async () => {
    expect(await inspectFile(fixture("truncated.jpg"), rulesOf("photography"))).toMatchObject({
      ok: false,
      rejection: { reason: "corrupt" },
    });
  });

  it("refuses a 20 000 × 20 000 pixel bomb from its header, without decoding it", async () => {
    const before = process.memoryUsage().rss;
    const result = await inspectFile(fixture("pixel-bomb.png"), rulesOf("visual-art"));
    expect(result).toEqual({ ok: false, rejection: { reason: "tooManyPixels", maxPixels: 50_000_000 } });
    // Decoding it would take 400 MB of pixels at the least.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it("refuses a real file in the wrong category", async () => {
    expect(await inspectFile(fixture("photo.jpg"), rulesOf("video"))).toMatchObject({
      ok: false,
      rejection: { reason: "wrongType", detected: "image/jpeg" },
    });
    expect(await inspectFile(fixture("video-3s.mp4"), rulesOf("audio"))).toMatchObject({ ok: false });
  });

  it("refuses a file over the category's size limit, and a recording over its duration limit", async () => {
    expect(await inspectFile(fixture("photo.jpg"), { ...rulesOf("photography"), maxFileBytes: 10_000 })).toEqual({
      ok: false,
      rejection: { reason: "tooLarge", maxBytes: 10_000 },
    });
    expect(await inspectFile(fixture("video-3s.mp4"), { ...rulesOf("video"), maxDurationSec: 2 })).toMatchObject({
      ok: false,
      rejection: { reason: "tooLong", maxSec: 2 },
    });
  });

  it("refuses before upload what the declared size and type already rule out", () => {
    const photo = rulesOf("photography");
    expect(checkDeclared(photo, { size: 1000, type: "image/jpeg" })).toBeNull();
    expect(checkDeclared(photo, { size: 0, type: "image/jpeg" })).toEqual({ reason: "empty" });
    expect(checkDeclared(photo, { size: 26 * 1024 * 1024, type: "image/jpeg" })).toMatchObject({ reason: "tooLarge" });
    expect(checkDeclared(photo, { size: 1000, type: "image/gif" })).toMatchObject({ reason: "wrongType" });
  });

  it("explains each refusal in the entrant's language", () => {
    const en = createI18n("en").t;
    const es = createI18n("es").t;
    const tooLong = rejectionMessage({ reason: "tooLong", maxSec: 300, durationSec: 412.4 });
    expect(en(tooLong.key, tooLong.values)).toBe(
      "The recording is longer than this category allows (5 minutes; yours is 412 seconds). Please shorten it.",
    );
    const big = rejectionMessage({ reason: "tooLarge", maxBytes: 25 * 1024 * 1024 });
    expect(es(big.key, big.values)).toContain("(25 MB)");
  });
});

describe("media tools read only the local file they are given", () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? "");
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("never opens a network address, given directly or named inside a playlist", async () => {
    const dir = mkdtempSync(path.join(TMP, "playlist-"));
    try {
      const playlist = path.join(dir, "upload");
      writeFileSync(playlist, `#EXTM3U\n#EXT-X-TARGETDURATION:3\n#EXTINF:3,\n${base}/segment.ts\n#EXT-X-ENDLIST\n`);
      expect(await probe(`${base}/video.mp4`)).toBeNull();
      expect(await probe(playlist)).toBeNull();
      expect(requests).toEqual([]);
      // and still reads a local file
      expect((await probe(fixture("video-3s.mp4")))?.format?.duration).toBe("3.000000");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a video whose picture is larger than 8K, from its header", async () => {
    const dir = mkdtempSync(path.join(TMP, "huge-frame-"));
    try {
      const huge = path.join(dir, "huge.mp4");
      const ffmpeg = (createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string }).path;
      // 8192 × 4608 (37.7 megapixels), a fifth of a second of black
      await promisify(execFile)(ffmpeg, [
        ...["-v", "error", "-y", "-f", "lavfi", "-i", "color=c=black:s=8192x4608:d=0.2:r=5"],
        ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", huge],
      ]);
      expect(await inspectFile(huge, rulesOf("video"))).toEqual({
        ok: false,
        rejection: { reason: "frameTooLarge", maxPixels: MAX_VIDEO_PIXELS },
      });
      const message = rejectionMessage({ reason: "frameTooLarge", maxPixels: MAX_VIDEO_PIXELS });
      expect(createI18n("en").t(message.key, message.values)).toBe(
        "The video's picture is larger than 8K (over 33 megapixels). Please export it at a smaller size.",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
