import { storage } from "~/services/storage.server";

/**
 * Steps of a browser's upload straight to storage, shared by the storage tests against s3rver
 * (tests/integration/storage.test.ts) and against a strict S3 (tests/contract).
 */
export const bytes = (text: string) => new TextEncoder().encode(text);

/** A presigned PUT URL for exactly `body`, sent as `contentType`. */
export function presignedPut(key: string, body: Uint8Array, contentType: string, expiresInSec: number) {
  return storage().presignPut(key, { contentType, contentLength: body.length, expiresInSec });
}

/** A PUT as the browser sends it, with a Content-Type (and any other headers). */
export function browserPut(url: string | URL, body: Uint8Array<ArrayBuffer>, contentType: string, headers = {}) {
  return fetch(url, { method: "PUT", body, headers: { "Content-Type": contentType, ...headers } });
}

/** `url` with its signature zeroed, and `url` aimed at another object: storage must refuse both. */
export function forgedUrls(url: string) {
  const tampered = new URL(url);
  tampered.searchParams.set("X-Amz-Signature", "0".repeat(64));
  const otherKey = new URL(url);
  otherKey.pathname = otherKey.pathname.replace(/[0-9a-f]{32}/, "f".repeat(32));
  return { tampered, otherKey };
}
