/**
 * Pure rules about media files, shared by the browser (checks before an upload starts) and the
 * server (the checks that count, made on the bytes after upload).
 */
export const MAX_IMAGE_PIXELS = 50_000_000; // 50 megapixels, e.g. 8660 × 5773
export const PREVIEW_WIDTH = 1280;

export type MediaKind = "image" | "video" | "audio" | "document";

export type MediaRules = {
  allowedTypes: string[];
  maxFileBytes: number;
  maxDurationSec: number | null;
};

export type Rejection =
  | { reason: "empty" }
  | { reason: "tooLarge"; maxBytes: number }
  | { reason: "wrongType"; detected: string | null }
  | { reason: "corrupt" }
  | { reason: "tooManyPixels"; maxPixels: number }
  | { reason: "tooLong"; maxSec: number; durationSec: number };

export function kindOf(type: string): MediaKind | null {
  if (type.startsWith("image/")) return "image";
  if (type.startsWith("video/")) return "video";
  if (type.startsWith("audio/")) return "audio";
  if (type === "application/pdf") return "document";
  return null;
}

/** What can be refused before a single byte is sent: the declared size and type. */
export function checkDeclared(rules: MediaRules, declared: { size: number; type: string }): Rejection | null {
  if (declared.size <= 0) return { reason: "empty" };
  if (declared.size > rules.maxFileBytes) return { reason: "tooLarge", maxBytes: rules.maxFileBytes };
  if (!rules.allowedTypes.includes(declared.type)) return { reason: "wrongType", detected: declared.type || null };
  return null;
}

/** The translation key and values that explain a rejection to the entrant. */
export function rejectionMessage(rejection: Rejection): { key: string; values: Record<string, unknown> } {
  switch (rejection.reason) {
    case "empty":
      return { key: "media.rejected.empty", values: {} };
    case "tooLarge":
      return { key: "media.rejected.tooLarge", values: { size: Math.floor(rejection.maxBytes / (1024 * 1024)) } };
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
  }
}
