import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { env } from "./env.server";

/**
 * ffmpeg and ffprobe for media checks. Debian's builds (kept patched, so preferred for files
 * from strangers) are used where installed; otherwise the builds shipped in npm packages, so a
 * fresh machine works without installing anything. FFMPEG_PATH and FFPROBE_PATH override both.
 */
const run = promisify(execFile);
const require = createRequire(import.meta.url);
const found: Record<string, string> = {};

function binary(name: "ffmpeg" | "ffprobe") {
  if (found[name]) return found[name];
  const configured = name === "ffmpeg" ? env().FFMPEG_PATH : env().FFPROBE_PATH;
  const system = configured ?? `/usr/bin/${name}`;
  found[name] = existsSync(system)
    ? system
    : (require(name === "ffmpeg" ? "@ffmpeg-installer/ffmpeg" : "@ffprobe-installer/ffprobe") as { path: string }).path;
  return found[name];
}

/**
 * Inputs are files from strangers: ffmpeg may read only the local file it is given, in a
 * container Mosaic accepts. No network protocol (a playlist naming an http:// address), and no
 * playlist or concat formats that would open other files on this machine.
 */
const LOCAL_INPUT = [
  ...["-protocol_whitelist", "file"],
  ...["-format_whitelist", "mov,mp4,m4a,matroska,webm,mp3,wav,ogg"],
];

export type Probe = {
  format?: { duration?: string; tags?: Record<string, string> };
  streams?: { codec_type?: string; width?: number; height?: number; tags?: Record<string, string> }[];
};

export async function probe(path: string): Promise<Probe | null> {
  try {
    const { stdout } = await run(
      binary("ffprobe"),
      ["-v", "error", ...LOCAL_INPUT, "-print_format", "json", "-show_format", "-show_streams", path],
      { timeout: 60_000, maxBuffer: 4 * 1024 * 1024 },
    );
    return JSON.parse(stdout) as Probe;
  } catch {
    return null;
  }
}

/**
 * Copies the streams into a new file without any metadata: phones write the place a video was
 * shot, the device and often the owner's name, and none of it may reach judges or visitors.
 */
export async function withoutMetadata(input: string, output: string, maxBytes: number) {
  await copyStreams(input, output, [
    ...["-map_metadata", "-1", "-map_chapters", "-1"],
    ...["-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact", "-movflags", "+faststart"],
    // ffmpeg stops writing at this size; a copy that reaches it is incomplete.
    ...["-fs", String(maxBytes)],
  ]);
  return (await stat(output)).size < maxBytes;
}

/** Copies every stream of `input` into `output` unchanged (no re-encoding), with `options`. */
function copyStreams(input: string, output: string, options: string[]) {
  return run(
    binary("ffmpeg"),
    ["-v", "error", "-y", ...LOCAL_INPUT, "-i", input, "-map", "0", "-c", "copy", ...options, output],
    { timeout: 10 * 60_000 },
  );
}

/** One frame from early in the video, as a still for pages and judges' queues. */
export async function posterFrame(input: string, output: string, durationSec: number) {
  const at = Math.min(1, durationSec / 2).toFixed(2);
  await run(
    binary("ffmpeg"),
    ["-v", "error", "-y", "-ss", at, ...LOCAL_INPUT, "-i", input, "-frames:v", "1", "-q:v", "3", output],
    { timeout: 60_000 },
  );
}

/** Sets metadata on a copy of a file; tests use it to make files that carry a location. */
export async function withMetadata(input: string, output: string, metadata: Record<string, string>) {
  await copyStreams(
    input,
    output,
    Object.entries(metadata).flatMap(([key, value]) => ["-metadata", `${key}=${value}`]),
  );
}

/** A short H.264 video (every browser plays it) of ffmpeg's test pattern, made from nothing, for the demo's entries. */
export async function testPattern(output: string, seconds: number) {
  await run(
    binary("ffmpeg"),
    [
      ...["-v", "error", "-y", "-f", "lavfi", "-i", `testsrc=duration=${seconds}:size=320x180:rate=12`],
      ...[
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-crf",
        "30",
        "-pix_fmt",
        "yuv420p",
        "-movflags",
        "+faststart",
        output,
      ],
    ],
    { timeout: 60_000 },
  );
}
