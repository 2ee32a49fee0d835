import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { posterFrame, withoutMetadata } from "~/services/ffmpeg.server";

describe("ffmpeg on a stored object", () => {
  it("fails without naming the object's signed address, which the log and the jobs table would keep", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mosaic-ffmpeg-"));
    // nothing answers on port 9: ffmpeg fails to open it
    const input = { url: "http://127.0.0.1:9/bucket/entries/x.mp4?X-Amz-Signature=secret-signature" };
    try {
      for (const attempt of [
        () => withoutMetadata(input, path.join(dir, "out.mp4"), 1_000_000),
        () => posterFrame(input, path.join(dir, "poster.jpg"), 4),
      ]) {
        const error = (await attempt().then(
          () => null,
          (e: unknown) => e,
        )) as (Error & { stderr?: string }) | null;
        expect(error).toBeInstanceOf(Error);
        expect(`${error?.message} ${error?.stderr}`).not.toContain("secret-signature");
        expect(error?.message).toContain("<stored object>");
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
