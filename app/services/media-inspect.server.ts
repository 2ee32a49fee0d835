import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { fileTypeFromBuffer } from "file-type";
import sharp, { type Metadata } from "sharp";
import { probe, type Probe } from "./ffmpeg.server";

/**
 * What an uploaded file is, read from its bytes — never its name or declared type: its type
 * sniffed from the content, size, sha256, dimensions, duration, whether it is whole and whether
 * it carries tags about a person. Images come back re-encoded without any metadata (no EXIF,
 * GPS, camera or author survives), with a web preview. These are facts; whether the file may
 * count is the domain's decision (app/models/media-verify.server.ts), which says here only how
 * large a picture may be before anything decodes it.
 */
export type Derived = { bytes: Buffer; type: string; extension: string };

export function sha256Of(path: string) {
  return new Promise<string>((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}

async function head(path: string, bytes: number) {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

// Tags every encoder writes, which say nothing about a person or a place.
const TECHNICAL_TAGS = new Set([
  "encoder",
  "major_brand",
  "minor_version",
  "compatible_brands",
  "handler_name",
  "language",
  "vendor_id",
]);

function hasPersonalTags(probed: Probe) {
  const tags = [probed.format?.tags ?? {}, ...(probed.streams ?? []).map((stream) => stream.tags ?? {})];
  return tags.some((set) => Object.keys(set).some((key) => !TECHNICAL_TAGS.has(key.toLowerCase())));
}

/** The content's real type, from its first bytes. */
async function sniff(path: string): Promise<string | null> {
  const start = await head(path, 4100);
  const found = await fileTypeFromBuffer(start);
  if (!found) return null;
  // QuickTime and MP4 share a container; file-type names M4A audio "audio/x-m4a".
  if (found.mime === "audio/x-m4a") return "audio/mp4";
  if (found.mime === "audio/vnd.wave" || found.mime === "audio/x-wav") return "audio/wav";
  return found.mime;
}

/** A file's size and real type (null when its first bytes are of no type known here). */
export async function identify(path: string) {
  const { size } = await stat(path);
  return { size, type: size === 0 ? null : await sniff(path) };
}

export type ImageFacts =
  | { state: "read"; width: number; height: number; clean: Derived; preview: Derived }
  /** more pixels than `maxPixels`, found in its header: nothing was decoded */
  | { state: "tooManyPixels" }
  | { state: "damaged"; detail: string };

/** An image's size once oriented, and a clean copy and a `previewWidth` WebP of it. */
export async function readImage(
  path: string,
  type: string,
  limits: { maxPixels: number; previewWidth: number },
): Promise<ImageFacts> {
  const input = await readFile(path);
  const options = { failOn: "truncated" as const, limitInputPixels: limits.maxPixels };
  let metadata: Metadata;
  try {
    // Reads the header only: a 20 000 × 20 000 "pixel bomb" stops here, undecoded.
    metadata = await sharp(input, options).metadata();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /pixel limit/i.test(message) ? { state: "tooManyPixels" } : { state: "damaged", detail: message };
  }
  const width = metadata.autoOrient?.width ?? metadata.width ?? 0;
  const height = metadata.autoOrient?.height ?? metadata.height ?? 0;
  if (width * height > limits.maxPixels) return { state: "tooManyPixels" };

  try {
    // sharp writes no metadata unless asked to; orientation is applied to the pixels first.
    const base = sharp(input, options).autoOrient();
    const format = type === "image/png" ? "png" : type === "image/webp" ? "webp" : "jpeg";
    const clean = await base
      .clone()
      .toFormat(format, format === "jpeg" ? { quality: 90, mozjpeg: true } : format === "webp" ? { quality: 90 } : {})
      .toBuffer();
    const preview = await base
      .clone()
      .resize({ width: limits.previewWidth, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return {
      state: "read",
      width,
      height,
      clean: { bytes: clean, type, extension: format === "jpeg" ? "jpg" : format },
      preview: { bytes: preview, type: "image/webp", extension: "webp" },
    };
  } catch (error) {
    return { state: "damaged", detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether a PDF of `size` bytes ends as a whole one does (a cut-off upload does not). */
export async function isWholePdf(path: string, size: number) {
  const file = await open(path, "r");
  const tail = Buffer.alloc(Math.min(1024, size));
  await file.read(tail, 0, tail.length, size - tail.length);
  await file.close();
  return tail.includes("%%EOF");
}

export type RecordingFacts = {
  durationSec: number;
  /** the picture's, for a video */
  width: number | null;
  height: number | null;
  /** whether tags that can identify or locate someone are present */
  personalMetadata: boolean;
  /** the codec of the stream read (ffprobe's name: "h264", "hevc", "aac", "pcm_s16le"…) */
  codec: string | null;
};

/**
 * A video's or audio file's duration and picture size, read from the container's header with
 * ffprobe (nothing decodes a frame); null when it holds no playable stream of that kind.
 */
export async function readRecording(path: string, kind: "video" | "audio"): Promise<RecordingFacts | null> {
  const probed = await probe(path);
  const duration = Number(probed?.format?.duration);
  const stream = probed?.streams?.find((s) => s.codec_type === kind);
  if (!probed || !stream || !Number.isFinite(duration) || duration <= 0) return null;
  return {
    durationSec: duration,
    width: stream.width ?? null,
    height: stream.height ?? null,
    personalMetadata: hasPersonalTags(probed),
    codec: stream.codec_name ?? null,
  };
}
