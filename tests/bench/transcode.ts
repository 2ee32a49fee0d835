/**
 * How fast Mosaic makes the web renditions of a phone's film: a minute of 1080p HEVC, upright, as
 * an iPhone records it, made into the 1080p and 480p H.264 renditions judges and visitors play,
 * in one pass as the "media.prepare" job does. Reports seconds of video per second of work
 * (above 1 is faster than the film plays), the median and range of the rounds, beside decoding
 * the same file alone (the least any rendition can cost, so a slower machine shows in both).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { productionSettings, root } from "./production";

// ffmpeg is found as the app finds it; nothing else is used
productionSettings(`file:${path.join(root, "tests/.tmp/transcode-bench.db")}`);
const { phoneClip, videoRenditions, ffmpegPath } = await import("../../app/services/ffmpeg.server");
const { videoRenditionSides, prepareTimeoutMs } = await import("../../app/models/media");

const SECONDS = 60;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dir = mkdtempSync(path.join(tmpdir(), "mosaic-transcode-bench-"));
try {
  const film = path.join(dir, "IMG_0001.MOV");
  await phoneClip(film, { seconds: SECONDS, width: 1920, height: 1080 });
  const sides = videoRenditionSides(1920, 1080);
  const decode: number[] = [];
  const renditions: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let started = performance.now();
    execFileSync(ffmpegPath(), ["-v", "error", "-i", film, "-f", "null", "-"]);
    decode.push(SECONDS / ((performance.now() - started) / 1000));
    started = performance.now();
    await videoRenditions(
      film,
      [
        { output: path.join(dir, "web.mp4"), side: sides.web, light: false },
        { output: path.join(dir, "light.mp4"), side: sides.light!, light: true },
      ],
      prepareTimeoutMs(SECONDS, null),
    );
    renditions.push(SECONDS / ((performance.now() - started) / 1000));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const summary = (values: number[]) =>
    `${median(values).toFixed(2)} s of video per second (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;
  console.log(`transcoding benchmark: a ${SECONDS} s 1080p HEVC phone clip, ${ROUNDS} rounds, ffmpeg ${ffmpegPath()}`);
  console.log(`  1080p + 480p H.264 renditions   ${summary(renditions)}`);
  console.log(`  decoding alone (reference)      ${summary(decode)}`);
  console.log(
    `  a 5-minute film is ready in about ${Math.round(300 / median(renditions))} s; its job may take ${prepareTimeoutMs(300, 300) / 1000} s`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
