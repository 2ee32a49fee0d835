import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { fileTypeFromBuffer } from "file-type";
import sharp, { type Metadata } from "sharp";
import { probe, type Probe } from "./ffmpeg.server";
import {
  kindOf,
  MAX_IMAGE_PIXELS,
  MAX_VIDEO_PIXELS,
  PREVIEW_WIDTH,
  type MediaKind,
  type MediaRules,
  type Rejection,
} from "~/models/media";

/**
 * Looks at an uploaded file's bytes — never its name or declared type — and decides whether it
 * may count: size, type sniffed from the content, integrity, pixel count (read from the header,
 * before anything is decoded), duration. Accepted images come back re-encoded without any
 * metadata (no EXIF, GPS, camera or author survives), with a web preview.
 */
export type Derived = { bytes: Buffer; type: string; extension: string };

export type Inspection =
  | {
      ok: true;
      type: string;
      kind: MediaKind;
      size: number;
      sha256: string;
      width: number | null;
      height: number | null;
      durationSec: number | null;
      /** for images: the copy everyone else sees, re-encoded without metadata */
      clean: Derived | null;
      /** for images: a smaller WebP for pages and judges' queues */
      preview: Derived | null;
      /** for video and audio: whether tags that can identify or locate someone are present */
      personalMetadata: boolean;
    }
  | { ok: false; rejection: Rejection; detail?: string };

function sha256Of(path: string) {
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

async function inspectImage(path: string, type: string) {
  const input = await readFile(path);
  const options = { failOn: "truncated" as const, limitInputPixels: MAX_IMAGE_PIXELS };
  let metadata: Metadata;
  try {
    // Reads the header only: a 20 000 × 20 000 "pixel bomb" stops here, undecoded.
    metadata = await sharp(input, options).metadata();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /pixel limit/i.test(message)
      ? ({ ok: false, rejection: { reason: "tooManyPixels", maxPixels: MAX_IMAGE_PIXELS } } as const)
      : ({ ok: false, rejection: { reason: "corrupt" }, detail: message } as const);
  }
  const width = metadata.autoOrient?.width ?? metadata.width ?? 0;
  const height = metadata.autoOrient?.height ?? metadata.height ?? 0;
  if (width * height > MAX_IMAGE_PIXELS)
    return { ok: false, rejection: { reason: "tooManyPixels", maxPixels: MAX_IMAGE_PIXELS } } as const;

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
      .resize({ width: PREVIEW_WIDTH, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return {
      ok: true,
      width,
      height,
      clean: { bytes: clean, type, extension: format === "jpeg" ? "jpg" : format },
      preview: { bytes: preview, type: "image/webp", extension: "webp" },
    } as const;
  } catch (error) {
    return {
      ok: false,
      rejection: { reason: "corrupt" },
      detail: error instanceof Error ? error.message : String(error),
    } as const;
  }
}

function isWholePdf(tail: Buffer) {
  return tail.includes("%%EOF");
}

export async function inspectFile(path: string, rules: MediaRules): Promise<Inspection> {
  const { size } = await stat(path);
  if (size === 0) return { ok: false, rejection: { reason: "empty" } };
  if (size > rules.maxFileBytes) return { ok: false, rejection: { reason: "tooLarge", maxBytes: rules.maxFileBytes } };

  const type = await sniff(path);
  const kind = type ? kindOf(type) : null;
  if (!type || !kind || !rules.allowedTypes.includes(type)) {
    return { ok: false, rejection: { reason: "wrongType", detected: type } };
  }
  const sha256 = await sha256Of(path);
  const accepted = { ok: true as const, type, kind, size, sha256 };

  if (kind === "image") {
    const image = await inspectImage(path, type);
    if (!image.ok) return image;
    return {
      ...accepted,
      width: image.width,
      height: image.height,
      durationSec: null,
      clean: image.clean,
      preview: image.preview,
      personalMetadata: false,
    };
  }

  if (kind === "document") {
    const file = await open(path, "r");
    const tail = Buffer.alloc(Math.min(1024, size));
    await file.read(tail, 0, tail.length, size - tail.length);
    await file.close();
    if (!isWholePdf(tail)) return { ok: false, rejection: { reason: "corrupt" }, detail: "no %%EOF" };
    return {
      ...accepted,
      width: null,
      height: null,
      durationSec: null,
      clean: null,
      preview: null,
      personalMetadata: false,
    };
  }

  const probed = await probe(path);
  const duration = Number(probed?.format?.duration);
  const wanted = kind === "video" ? "video" : "audio";
  const stream = probed?.streams?.find((s) => s.codec_type === wanted);
  if (!probed || !stream || !Number.isFinite(duration) || duration <= 0) {
    return { ok: false, rejection: { reason: "corrupt" }, detail: "ffprobe found no playable stream" };
  }
  // Read from the container's header; nothing has decoded a frame yet (the poster comes later).
  if (kind === "video" && (stream.width ?? 0) * (stream.height ?? 0) > MAX_VIDEO_PIXELS) {
    return { ok: false, rejection: { reason: "frameTooLarge", maxPixels: MAX_VIDEO_PIXELS } };
  }
  if (rules.maxDurationSec && duration > rules.maxDurationSec) {
    return { ok: false, rejection: { reason: "tooLong", maxSec: rules.maxDurationSec, durationSec: duration } };
  }
  return {
    ...accepted,
    width: stream.width ?? null,
    height: stream.height ?? null,
    durationSec: Math.round(duration * 1000) / 1000,
    clean: null,
    preview: null,
    personalMetadata: hasPersonalTags(probed),
  };
}
