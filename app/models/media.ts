import { splitList } from "./contest";
import type { Problem } from "./problem";

/**
 * Pure rules about media files, shared by the browser (checks before an upload starts) and the
 * server (the checks that count, made on the bytes after upload).
 */
export const MAX_IMAGE_PIXELS = 50_000_000; // 50 megapixels, e.g. 8660 × 5773
export const PREVIEW_WIDTH = 1280;
/** A video's picture may be at most this many pixels (8K) before anything decodes a frame of it. */
export const MAX_VIDEO_PIXELS = 7680 * 4320;

/** Files above this size go in parts: a few at a time, each retried, resumable after a drop. */
export const MULTIPART_THRESHOLD = 16 * 1024 * 1024;
export const PART_SIZE = 8 * 1024 * 1024; // S3 wants at least 5 MiB for every part but the last
/** Parts the uploader sends at once; the answer that starts an upload carries their URLs. */
export const PARTS_AT_ONCE = 3;
/** Upload starts allowed to one entrant in a day, whatever becomes of them. */
export const MAX_UPLOADS_PER_DAY = 50;
export const UPLOADS_WINDOW_MS = 24 * 60 * 60 * 1000;

export type MediaKind = "image" | "video" | "audio" | "document";

/**
 * A file's states: "pending" (being sent), "uploaded" (sent, waiting for its check), "preparing"
 * (checked; its web renditions are being made), "verified" (ready: judges and visitors see it),
 * "rejected". A preparing or verified file counts towards the category's number of files; only
 * a verified one may be submitted and shown.
 */
export const KEPT_STATES = ["uploaded", "preparing", "verified"];

/** Whether a file passed its checks: its bytes are what the entrant meant to send (its renditions may still be on the way). */
export function isChecked(state: string) {
  return state === "preparing" || state === "verified";
}

/**
 * The web renditions of a video (what judges, guardians and visitors play): H.264 in MP4 with its
 * shorter side at most 1080 pixels, and a light one at 480 for slow connections when the picture
 * is much larger than that. Sizes by the shorter side, so that a phone's portrait video gets the
 * same quality as a landscape one.
 */
export const WEB_VIDEO_SIDE = 1080;
export const LIGHT_VIDEO_SIDE = 480;

export function videoRenditionSides(width: number | null, height: number | null) {
  const short = Math.min(width || WEB_VIDEO_SIDE, height || WEB_VIDEO_SIDE);
  const even = (side: number) => Math.max(2, Math.floor(side / 2) * 2);
  return {
    web: even(Math.min(short, WEB_VIDEO_SIDE)),
    light: short >= LIGHT_VIDEO_SIDE * 1.25 ? LIGHT_VIDEO_SIDE : null,
  };
}

/** Sound codecs every browser plays: a recording in any other gets a web rendition (AAC). */
const WEB_AUDIO_CODECS = ["mp3", "aac"];

/** Whether a checked file needs web renditions before it is ready: every video, and sound in a codec browsers don't all play. */
export function needsRendition(kind: MediaKind, audioCodec: string | null) {
  return kind === "video" || (kind === "audio" && !WEB_AUDIO_CODECS.includes(audioCodec ?? ""));
}

/**
 * How long making a file's renditions may take before it is stopped (and tried once more): a
 * minute, plus four seconds per second of the longest recording the category accepts (this
 * file's length where the category sets none). Measured here: a minute of 1080p takes under a
 * minute on two busy cores.
 */
export function prepareTimeoutMs(durationSec: number, maxDurationSec: number | null) {
  return (60 + 4 * Math.max(durationSec, maxDurationSec ?? 0)) * 1000;
}

export type MediaRules = {
  allowedTypes: string[];
  maxFileBytes: number;
  maxDurationSec: number | null;
};

/** A category's limits as the checks of a file read them. */
export function categoryRules(category: {
  allowedTypes: string;
  maxFileBytes: number;
  maxDurationSec: number | null;
}): MediaRules {
  return {
    allowedTypes: splitList(category.allowedTypes),
    maxFileBytes: category.maxFileBytes,
    maxDurationSec: category.maxDurationSec,
  };
}

export type Rejection =
  | { reason: "empty" }
  | { reason: "tooLarge"; maxBytes: number }
  | { reason: "wrongType"; detected: string | null }
  | { reason: "corrupt" }
  | { reason: "tooManyPixels"; maxPixels: number }
  | { reason: "tooLong"; maxSec: number; durationSec: number }
  | { reason: "frameTooLarge"; maxPixels: number }
  | { reason: "notAsDeclared" }
  | { reason: "tooManyFiles"; maxFiles: number }
  /** a video or recording that passed the checks but could not be made into a web rendition */
  | { reason: "cannotPrepare" };

export function kindOf(type: string): MediaKind | null {
  if (type.startsWith("image/")) return "image";
  if (type.startsWith("video/")) return "video";
  if (type.startsWith("audio/")) return "audio";
  if (type === "application/pdf") return "document";
  return null;
}

/** The types Mosaic accepts, by the extensions files of each type commonly have. */
const TYPES_BY_EXTENSION: Record<string, string> = {
  mp4: "video/mp4",
  m4v: "video/mp4",
  webm: "video/webm",
  mov: "video/quicktime",
  qt: "video/quicktime",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  pdf: "application/pdf",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  m4a: "audio/mp4",
};

/**
 * The type a browser declares for a file, or, when it names none (many do for a phone's `.MOV`
 * or an `.m4a`), the type its extension stands for. Only a declaration: the check reads the type
 * from the bytes.
 */
export function declaredType(file: { name: string; type: string }) {
  if (file.type && file.type !== "application/octet-stream") return file.type;
  const extension = file.name.toLowerCase().split(".").pop() ?? "";
  return TYPES_BY_EXTENSION[extension] ?? file.type;
}

/** What can be refused before a single byte is sent: the declared size and type. */
export function checkDeclared(rules: MediaRules, declared: { size: number; type: string }): Rejection | null {
  if (declared.size <= 0) return { reason: "empty" };
  return checkSizeAndType(rules, declared);
}

/** A file's size and type against a category's limits (the type sniffed from the bytes once it has them). */
export function checkSizeAndType(rules: MediaRules, file: { size: number; type: string | null }): Rejection | null {
  if (file.size > rules.maxFileBytes) return { reason: "tooLarge", maxBytes: rules.maxFileBytes };
  if (!file.type || !kindOf(file.type) || !rules.allowedTypes.includes(file.type)) {
    return { reason: "wrongType", detected: file.type || null };
  }
  return null;
}

/** A recording's length against a category's limit. */
export function checkDuration(rules: MediaRules, durationSec: number | null): Rejection | null {
  if (rules.maxDurationSec && durationSec != null && durationSec > rules.maxDurationSec) {
    return { reason: "tooLong", maxSec: rules.maxDurationSec, durationSec };
  }
  return null;
}

/**
 * The length of every part of a multipart upload of `size` bytes: the server decides them, and
 * each part's upload URL binds its length, so the parts add up to the declared size exactly.
 */
export function partSizes(size: number, partSize: number): number[] {
  const count = Math.ceil(size / partSize);
  return Array.from({ length: count }, (_, i) => (i < count - 1 ? partSize : size - partSize * (count - 1)));
}

/** Whether the parts a browser says it sent are exactly the parts of the plan, each once. */
export function partsMatchPlan(parts: { partNumber: number }[], plan: number[]) {
  const numbers = new Set(parts.map((p) => p.partNumber));
  return parts.length === plan.length && plan.every((_, i) => numbers.has(i + 1));
}

/**
 * A rejection as stored with its file. Those stored before sizes were written in each language
 * give the limit in whole megabytes (`size`); the message now takes bytes (`max`).
 */
export function storedRejection(json: string): Problem {
  const stored = JSON.parse(json) as Problem;
  const size = stored.values?.size;
  if (stored.key === "media.rejected.tooLarge" && typeof size === "number" && stored.values?.max === undefined)
    return { key: stored.key, values: { max: size * 1024 * 1024 } };
  return stored;
}

/** The translation key and values that explain a rejection to the entrant. */
export function rejectionMessage(rejection: Rejection): { key: string; values: Record<string, unknown> } {
  switch (rejection.reason) {
    case "empty":
      return { key: "media.rejected.empty", values: {} };
    case "tooLarge":
      return { key: "media.rejected.tooLarge", values: { max: rejection.maxBytes } };
    case "wrongType":
      return { key: "media.rejected.wrongType", values: {} };
    case "corrupt":
      return { key: "media.rejected.corrupt", values: {} };
    case "tooManyPixels":
      return {
        key: "media.rejected.tooManyPixels",
        values: { megapixels: Math.floor(rejection.maxPixels / 1_000_000) },
      };
    case "tooLong":
      return {
        key: "media.rejected.tooLong",
        values: { max: Math.floor(rejection.maxSec / 60), seconds: Math.round(rejection.durationSec) },
      };
    case "frameTooLarge":
      return {
        key: "media.rejected.frameTooLarge",
        values: { megapixels: Math.floor(rejection.maxPixels / 1_000_000) },
      };
    case "notAsDeclared":
      return { key: "media.rejected.notAsDeclared", values: {} };
    case "tooManyFiles":
      return { key: "missing.tooManyFiles", values: { count: rejection.maxFiles } };
    case "cannotPrepare":
      return { key: "media.rejected.cannotPrepare", values: {} };
  }
}
