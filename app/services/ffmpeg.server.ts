import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { setPriority } from "node:os";
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

/** The ffmpeg this instance runs (Debian's where installed), for the bench to name and use. */
export function ffmpegPath() {
  return binary("ffmpeg");
}

/**
 * Inputs are files from strangers: ffmpeg may read only the local file it is given, in a
 * container Mosaic accepts. No network protocol (a playlist naming an http:// address), and no
 * playlist or concat formats that would open other files on this machine.
 */
const FORMATS = ["-format_whitelist", "mov,mp4,m4a,matroska,webm,mp3,wav,ogg"];
const LOCAL_INPUT = [...["-protocol_whitelist", "file"], ...FORMATS];

/**
 * An object in storage, read in place through a short-lived presigned GET URL that Mosaic signed
 * itself: ffprobe and ffmpeg read only the ranges they need (a header, an index at the end, a
 * frame) instead of the whole object being copied to disk first. HTTP is allowed for this one
 * address; the formats that would open others (playlists, concat) stay refused.
 */
export type StoredInput = { url: string };
/** A local file's path, or a stored object's URL. */
export type Input = string | StoredInput;

/**
 * Runs ffmpeg or ffprobe on `input`. Its failure never carries a stored object's URL: Node's error
 * names the whole command, and a job's error goes to the log and the jobs table, where a URL
 * would let anyone who reads them fetch the original upload (place and device included) until it
 * expires.
 */
async function runOn(
  input: Input,
  name: "ffmpeg" | "ffprobe",
  args: string[],
  options: { timeout: number; maxBuffer?: number },
) {
  try {
    return await run(binary(name), args, options);
  } catch (error) {
    if (typeof input === "string") throw error;
    const hide = (text: unknown) =>
      String(text ?? "")
        .split(input.url)
        .join("<stored object>");
    const failed = error as Error & { stderr?: unknown; cmd?: unknown };
    throw Object.assign(new Error(hide(failed.message)), {
      code: (error as { code?: unknown }).code,
      stderr: hide(failed.stderr),
    });
  }
}

function inputArgs(input: Input) {
  return typeof input === "string"
    ? [...LOCAL_INPUT, "-i", input]
    : [...["-protocol_whitelist", "http,https,tcp,tls"], ...FORMATS, "-i", input.url];
}

export type Probe = {
  format?: { duration?: string; tags?: Record<string, string> };
  streams?: {
    codec_type?: string;
    codec_name?: string;
    /** "smpte2084" (PQ) or "arib-std-b67" (HLG) for HDR video */
    color_transfer?: string;
    width?: number;
    height?: number;
    tags?: Record<string, string>;
  }[];
};

export async function probe(input: Input): Promise<Probe | null> {
  try {
    const { stdout } = await runOn(
      input,
      "ffprobe",
      ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", ...inputArgs(input)],
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
export async function withoutMetadata(input: Input, output: string, maxBytes: number) {
  await copyStreams(input, output, [
    ...NO_METADATA,
    ...["-movflags", "+faststart"],
    // ffmpeg stops writing at this size; a copy that reaches it is incomplete.
    ...["-fs", String(maxBytes)],
  ]);
  return (await stat(output)).size < maxBytes;
}

/** Options that leave no metadata in an output: no tags, no chapters, no encoder version. */
const NO_METADATA = [
  ...["-map_metadata", "-1", "-map_chapters", "-1"],
  ...["-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"],
];

/**
 * Runs ffmpeg at a low priority (the pages this instance serves come first), stopped after
 * `timeoutMs`.
 */
function encode(args: string[], timeoutMs: number) {
  return new Promise<void>((resolve, reject) => {
    const child = execFile(
      binary("ffmpeg"),
      ["-v", "error", "-y", ...LOCAL_INPUT, ...args],
      { timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 4 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        const reason = error.killed ? `stopped after ${timeoutMs} ms` : String(stderr).trim().slice(-500);
        reject(new Error(`ffmpeg failed: ${reason || error.message}`));
      },
    );
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {
      // a system that refuses leaves the default priority
    }
  });
}

/**
 * HDR (a phone's HLG, or PQ) mapped to the ordinary range every screen shows: without it, an
 * iPhone's default recording looks grey and flat in an H.264 rendition.
 */
const TONE_MAP = [
  "zscale=t=linear:npl=100",
  "format=gbrpf32le",
  "zscale=p=bt709",
  "tonemap=tonemap=hable:desat=0",
  "zscale=t=bt709:m=bt709:r=tv",
  "format=yuv420p",
].join(",");

/** Whether a probed video is HDR (PQ or HLG), which its renditions map to the ordinary range. */
export function isHdr(probed: Probe | null) {
  const video = probed?.streams?.find((s) => s.codec_type === "video");
  return ["smpte2084", "arib-std-b67"].includes(video?.color_transfer ?? "");
}

export type VideoRendition = { output: string; side: number; light: boolean };

/**
 * Web renditions of a video in one pass (the source is decoded once): H.264 (8-bit 4:2:0 in the
 * ordinary BT.709 range, which every browser decodes; `hdr` maps an HDR source to it) and AAC stereo in MP4 with the index first, so playing starts before the
 * whole file has arrived; each scaled so that its shorter side is `side` pixels, turned upright
 * as the phone that shot it said, and without any metadata.
 */
export async function videoRenditions(
  input: string,
  renditions: VideoRendition[],
  timeoutMs: number,
  { hdr = false }: { hdr?: boolean } = {},
) {
  const scaled = renditions.map(
    ({ side }, i) => `[s${i}]scale='if(lte(iw,ih),${side},-2)':'if(lte(iw,ih),-2,${side})'[v${i}]`,
  );
  const graph = `[0:v:0]${hdr ? `${TONE_MAP},` : ""}split=${renditions.length}${renditions.map((_, i) => `[s${i}]`).join("")};${scaled.join(";")}`;
  await encode(
    [
      ...["-i", input, "-filter_complex", graph],
      ...renditions.flatMap(({ output, light }, i) => [
        ...["-map", `[v${i}]`, "-map", "0:a:0?"],
        ...["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"],
        ...["-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709"],
        ...(light
          ? ["-profile:v", "main", "-crf", "26", "-maxrate", "1M", "-bufsize", "2M"]
          : ["-profile:v", "high", "-crf", "23", "-maxrate", "5M", "-bufsize", "10M"]),
        ...["-c:a", "aac", "-b:a", light ? "96k" : "128k", "-ac", "2"],
        ...NO_METADATA,
        ...["-movflags", "+faststart", output],
      ]),
    ],
    timeoutMs,
  );
}

/** A recording's sound as AAC stereo in an M4A file, without any metadata or cover picture. */
export async function audioRendition(input: string, output: string, timeoutMs: number) {
  await encode(
    [
      ...["-i", input, "-map", "0:a:0", "-vn"],
      ...["-c:a", "aac", "-b:a", "160k", "-ac", "2"],
      ...NO_METADATA,
      ...["-movflags", "+faststart", "-f", "mp4", output],
    ],
    timeoutMs,
  );
}

/** Copies every stream of `input` into `output` unchanged (no re-encoding), with `options`. */
function copyStreams(input: Input, output: string, options: string[]) {
  return runOn(
    input,
    "ffmpeg",
    ["-v", "error", "-y", ...inputArgs(input), "-map", "0", "-c", "copy", ...options, output],
    {
      timeout: 10 * 60_000,
    },
  );
}

/** One frame from early in the video, as a still for pages and judges' queues. */
export async function posterFrame(input: Input, output: string, durationSec: number) {
  const at = Math.min(1, durationSec / 2).toFixed(2);
  await runOn(
    input,
    "ffmpeg",
    ["-v", "error", "-y", "-ss", at, ...inputArgs(input), "-frames:v", "1", "-q:v", "3", output],
    {
      timeout: 60_000,
    },
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

/**
 * A clip as an iPhone records it by default, for tests and the bench: HEVC tagged `hvc1` in a
 * QuickTime file (10-bit HLG when `hdr`, as recent iPhones record by default), with AAC sound, held upright (a `width`×`height` picture that players turn a
 * quarter, as phones store it) and tagged with where it was shot and on what.
 */
export async function phoneClip(
  output: string,
  { seconds, width, height, hdr = false }: { seconds: number; width: number; height: number; hdr?: boolean },
) {
  // an iPhone's HDR: 10-bit HLG in BT.2020
  const hlg = hdr
    ? [
        ...["-pix_fmt", "yuv420p10le", "-color_trc", "arib-std-b67", "-color_primaries", "bt2020"],
        ...["-colorspace", "bt2020nc"],
      ]
    : [];
  const encoded = `${output}.encoded.mov`;
  await run(
    binary("ffmpeg"),
    [
      ...["-v", "error", "-y", "-f", "lavfi", "-i", `testsrc2=duration=${seconds}:size=${width}x${height}:rate=30`],
      ...["-f", "lavfi", "-i", `sine=frequency=330:duration=${seconds}`],
      ...["-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1", ...hlg],
      ...[
        "-x265-params",
        `log-level=error${hdr ? ":colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc" : ""}`,
      ],
      ...["-c:a", "aac", "-b:a", "96k", "-shortest", "-f", "mov", encoded],
    ],
    { timeout: 10 * 60_000 },
  );
  // the turn and the tags are written by a copy: the encoder drops a rotation given to it
  await copyStreams(encoded, output, [
    ...["-metadata:s:v:0", "rotate=90", "-metadata", "location=+14.5995+120.9842/"],
    ...["-metadata", "make=Apple", "-metadata", "model=iPhone 15", "-f", "mov"],
  ]);
  await rm(encoded, { force: true });
}
