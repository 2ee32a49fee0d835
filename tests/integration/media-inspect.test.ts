import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { demoCategories } from "../../prisma/demo-contest";
import { checkDeclared, rejectionMessage, type MediaRules } from "~/models/media";
import { inspectFile } from "~/services/media-inspect.server";
import { createI18n } from "~/i18n";

// Real files (tests/fixtures/media/README.md lists them and the outcome each must get),
// checked against the demo contest's real category rules.
const fixture = (name: string) => path.resolve("tests/fixtures/media", name);
const rulesOf = (slug: string): MediaRules => {
  const category = demoCategories.find((c) => c.slug === slug)!;
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
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
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
