import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import type { Metadata } from "sharp";
import { probe, type Input, type Probe } from "./ffmpeg.server";
import type { Storage } from "./storage.server";

/**
 * What an uploaded file is, read from its bytes — never its name or declared type: its type
 * sniffed from the content, size, sha256, dimensions, duration, whether it is whole and whether
 * it carries tags about a person. Images come back re-encoded without any metadata (no EXIF,
 * GPS, camera or author survives), with a web preview. These are facts; whether the file may
 * count is the domain's decision (app/models/media-verify.server.ts), which says here only how
 * large a picture may be before anything decodes it.
 */
export type Derived = { bytes: Buffer; type: string; extension: string };

/**
 * Where a file's bytes are read from: a local file, or an object read in place in storage
 * ({@link storedMedia}), so that a 500 MB video is never copied to disk to be checked. Each
 * reader asks only for what it needs: the first bytes for the type, the last for a PDF's end,
 * one pass for the hash, a URL for ffprobe (which reads a header and an index by range).
 */
export interface MediaSource {
  size: number;
  /** Up to `length` bytes from `start`. */
  read(start: number, length: number): Promise<Uint8Array>;
  /** Every byte in memory: for images and PDFs, which their decoders read whole anyway. */
  whole(): Promise<Buffer>;
  /** The SHA-256 of every byte (hex), read once, as a stream; `signal` stops the read. */
  sha256(signal?: AbortSignal): Promise<string>;
  /** What ffprobe and ffmpeg open. */
  input(): Promise<Input>;
}

/** The stored object held other bytes than the size it was checked at (it changed meanwhile). */
export class SizeChangedError extends Error {
  constructor(readonly expected: number) {
    super(`the object is no longer ${expected} bytes`);
    this.name = "SizeChangedError";
  }
}

async function hashOf(chunks: AsyncIterable<Uint8Array>, size: number) {
  const hash = createHash("sha256");
  let read = 0;
  for await (const chunk of chunks) {
    read += chunk.length;
    if (read > size) throw new SizeChangedError(size);
    hash.update(chunk);
  }
  if (read !== size) throw new SizeChangedError(size);
  return hash.digest("hex");
}

/** A local file, as a media source. */
export async function fileMedia(path: string): Promise<MediaSource> {
  const { size } = await stat(path);
  return {
    size,
    async read(start, length) {
      const file = await open(path, "r");
      try {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - start)));
        const { bytesRead } = await file.read(buffer, 0, buffer.length, start);
        return buffer.subarray(0, bytesRead);
      } finally {
        await file.close();
      }
    },
    whole: () => readFile(path),
    sha256: () => hashOf(createReadStream(path), size),
    input: async () => path,
  };
}

/** How long ffprobe's and ffmpeg's URL of a stored object stays valid: as long as one check takes. */
const READ_URL_SECONDS = 10 * 60;

/**
 * An object in storage, as a media source, of `size` bytes (its size when it was looked at):
 * reading more or fewer bytes than that fails with SizeChangedError, so never more than was
 * expected reaches memory. Ranged GETs, a presigned GET and one streamed GET are all it uses,
 * which every S3-compatible service has.
 */
export function storedMedia(store: Storage, key: string, size: number): MediaSource {
  let whole: Promise<Buffer> | null = null;
  return {
    size,
    async read(start, length) {
      const end = Math.min(start + length, size) - 1;
      if (end < start) return new Uint8Array();
      return store.getBytes(key, { start, end });
    },
    whole() {
      whole ??= (async () => {
        const chunks: Uint8Array[] = [];
        let read = 0;
        for await (const chunk of await store.getStream(key)) {
          read += chunk.length;
          if (read > size) throw new SizeChangedError(size);
          chunks.push(chunk);
        }
        if (read !== size) throw new SizeChangedError(size);
        return Buffer.concat(chunks);
      })();
      return whole;
    },
    async sha256(signal) {
      // Bytes already in memory are not read a second time.
      if (whole)
        return createHash("sha256")
          .update(await whole)
          .digest("hex");
      const controller = new AbortController();
      const stop = () => controller.abort();
      signal?.addEventListener("abort", stop);
      try {
        return await hashOf(await store.getStream(key, { signal: controller.signal }), size);
      } finally {
        signal?.removeEventListener("abort", stop);
        stop(); // a read stopped early (too many bytes) lets go of its connection
      }
    },
    input: async () => ({ url: await store.presignGet(key, { expiresInSec: READ_URL_SECONDS }) }),
  };
}

/** The SHA-256 of a local file. */
export async function sha256Of(path: string) {
  return (await fileMedia(path)).sha256();
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

/** How many first bytes tell a file's type (file-type's own need). */
export const SNIFF_BYTES = 4100;

/**
 * sharp (with its native image library) and file-type are loaded on the first file that needs
 * them, not with the server: page views never do, and sharp alone holds some 18 MiB.
 */
export const loadSharp = async () => (await import("sharp")).default;

/** The content's real type, from its first bytes. */
async function sniff(source: MediaSource): Promise<string | null> {
  const { fileTypeFromBuffer } = await import("file-type");
  const found = await fileTypeFromBuffer(await source.read(0, SNIFF_BYTES));
  if (!found) return null;
  // QuickTime and MP4 share a container; file-type names M4A audio "audio/x-m4a".
  if (found.mime === "audio/x-m4a") return "audio/mp4";
  if (found.mime === "audio/vnd.wave" || found.mime === "audio/x-wav") return "audio/wav";
  return found.mime;
}

/** A file's size and real type (null when its first bytes are of no type known here). */
export async function identify(source: MediaSource) {
  return { size: source.size, type: source.size === 0 ? null : await sniff(source) };
}

export type ImageFacts =
  | { state: "read"; width: number; height: number; clean: Derived; preview: Derived }
  /** more pixels than `maxPixels`, found in its header: nothing was decoded */
  | { state: "tooManyPixels" }
  | { state: "damaged"; detail: string };

/** An image's size once oriented, and a clean copy and a `previewWidth` WebP of it. */
export async function readImage(
  input: Buffer,
  type: string,
  limits: { maxPixels: number; previewWidth: number },
): Promise<ImageFacts> {
  const options = { failOn: "truncated" as const, limitInputPixels: limits.maxPixels };
  const sharp = await loadSharp();
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

/** Whether a PDF ends as a whole one does (a cut-off upload does not), from its last bytes. */
export async function isWholePdf(source: MediaSource) {
  const length = Math.min(1024, source.size);
  const tail = Buffer.from(await source.read(source.size - length, length));
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
export async function readRecording(input: Input, kind: "video" | "audio"): Promise<RecordingFacts | null> {
  const probed = await probe(input);
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
