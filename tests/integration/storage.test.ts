import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  createStorage,
  newObjectKey,
  ObjectTooLargeError,
  storage,
  storageConfigFromEnv,
  storageOrigin,
  StorageUnavailableError,
} from "~/services/storage.server";
import { browserPut, bytes, forgedUrls, presignedPut } from "../support/storage";

// These run against s3rver, which checks SigV4 signatures, signed headers and expiry.

describe("storage", () => {
  it("makes unguessable keys that never contain the user's file name", () => {
    const a = newObjectKey("contests/c1/entries/e1", "mp4");
    const b = newObjectKey("contests/c1/entries/e1", "mp4");
    expect(a).toMatch(/^contests\/c1\/entries\/e1\/[0-9a-f]{32}\.mp4$/);
    expect(a).not.toBe(b);
    expect(newObjectKey("x", "../../etc/passwd")).toMatch(/^x\/[0-9a-f]{32}\.etcpasswd$/);
  });

  it("accepts a browser-style upload to a presigned PUT with the signed type and length", async () => {
    const key = newObjectKey("tests/put", "txt");
    const body = bytes("hello from a phone");
    const url = await presignedPut(key, body, "text/plain", 60);
    expect((await browserPut(url, body, "text/plain")).status).toBe(200);

    expect(await storage().head(key)).toMatchObject({ size: body.length, contentType: "text/plain" });
    expect(new TextDecoder().decode(await storage().getBytes(key))).toBe("hello from a phone");
    expect(new TextDecoder().decode(await storage().getBytes(key, { start: 0, end: 4 }))).toBe("hello");

    const get = await fetch(await storage().presignGet(key, { expiresInSec: 60 }));
    expect(get.status).toBe(200);
    expect(await get.text()).toBe("hello from a phone");

    await storage().remove(key);
    expect(await storage().head(key)).toBeNull();
  });

  it("refuses an upload with another content type, a tampered signature or an expired URL", async () => {
    const key = newObjectKey("tests/refused", "jpg");
    const body = bytes("not really a jpeg");
    const url = await presignedPut(key, body, "image/jpeg", 60);

    const wrongType = await browserPut(url, body, "text/html");
    expect(wrongType.status).toBe(403);
    expect(await wrongType.text()).toContain("SignatureDoesNotMatch");

    const longer = await browserPut(url, bytes("not really a jpeg, and longer"), "image/jpeg");
    expect(longer.status).toBe(403);

    const { tampered, otherKey } = forgedUrls(url);
    expect((await browserPut(tampered, body, "image/jpeg")).status).toBe(403);
    expect((await browserPut(otherKey, body, "image/jpeg")).status).toBe(403);

    const shortLived = await presignedPut(key, body, "image/jpeg", 1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await browserPut(shortLived, body, "image/jpeg")).status).toBe(403);

    expect(await storage().head(key)).toBeNull();
  });

  it("assembles a multipart upload from presigned parts sent in any order", async () => {
    const key = newObjectKey("tests/multipart", "bin");
    const uploadId = await storage().createMultipart(key, "application/octet-stream");
    const parts = [bytes("a".repeat(1000)), bytes("b".repeat(1000)), bytes("c".repeat(10))];
    const etags = await Promise.all(
      parts.map(async (part, index) => {
        const url = await storage().presignPart(
          key,
          uploadId,
          { partNumber: index + 1, contentLength: part.length },
          60,
        );
        const response = await fetch(url, { method: "PUT", body: part });
        expect(response.status).toBe(200);
        return { partNumber: index + 1, etag: response.headers.get("etag")! };
      }),
    );
    await storage().completeMultipart(key, uploadId, etags.reverse());
    const whole = await storage().getBytes(key);
    expect(whole.length).toBe(2010);
    const expected = createHash("sha256")
      .update(Buffer.concat(parts.map((p) => Buffer.from(p))))
      .digest("hex");
    expect(createHash("sha256").update(whole).digest("hex")).toBe(expected);
    await storage().remove(key);
  });

  it("refuses a part longer or shorter than its URL says, so parts add up to what was declared", async () => {
    const key = newObjectKey("tests/multipart-bound", "bin");
    const uploadId = await storage().createMultipart(key, "application/octet-stream");
    const url = await storage().presignPart(key, uploadId, { partNumber: 1, contentLength: 1000 }, 60);
    for (const size of [1001, 120 * 1024, 999]) {
      const response = await fetch(url, { method: "PUT", body: new Uint8Array(size) });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("SignatureDoesNotMatch");
    }
    const exact = await fetch(url, { method: "PUT", body: new Uint8Array(1000) });
    expect(exact.status).toBe(200);
    await storage().completeMultipart(key, uploadId, [{ partNumber: 1, etag: exact.headers.get("etag")! }]);
    expect(await storage().head(key)).toMatchObject({ size: 1000 });
    await storage().remove(key);
  });

  it("downloads an object to disk, never writing more than the caller allows", async () => {
    const key = newObjectKey("tests/download", "bin");
    await storage().put(key, new Uint8Array(256 * 1024).fill(7), "application/octet-stream");
    const dir = mkdtempSync(path.join(tmpdir(), "mosaic-download-"));
    try {
      expect(await storage().download(key, path.join(dir, "whole"), 256 * 1024)).toBe(256 * 1024);
      expect(statSync(path.join(dir, "whole")).size).toBe(256 * 1024);

      await expect(storage().download(key, path.join(dir, "capped"), 100_000)).rejects.toBeInstanceOf(
        ObjectTooLargeError,
      );
      expect(statSync(path.join(dir, "capped")).size).toBeLessThanOrEqual(100_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await storage().remove(key);
    }
  });

  it("copies an object by storage itself, with a new type, in parts above the single-copy limit", async () => {
    const data = randomBytes(12 * 1024 * 1024);
    const from = newObjectKey("tests/copy", "bin");
    await storage().put(from, data, "application/octet-stream");
    // a limit of 5 MiB: the 12 MiB object is copied as three ranges (5, 5 and 2 MiB)
    const inParts = createStorage({ ...storageConfigFromEnv(), copyObjectLimit: 5 * 1024 * 1024 });
    const keys = [newObjectKey("tests/copy", "wav"), newObjectKey("tests/copy", "wav")];
    try {
      await storage().copy(from, keys[0]!, { size: data.length, contentType: "audio/wav" });
      await inParts.copy(from, keys[1]!, { size: data.length, contentType: "audio/wav" });
      for (const key of keys) {
        expect(await storage().head(key)).toMatchObject({ size: data.length, contentType: "audio/wav" });
        expect(Buffer.from(await storage().getBytes(key)).equals(data)).toBe(true);
      }
    } finally {
      await Promise.all([from, ...keys].map((key) => storage().remove(key)));
    }
  });

  it("reports a storage service that does not answer as unavailable, not as a connection error", async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const down = createStorage({ ...storageConfigFromEnv(), endpoint: `http://127.0.0.1:${closed}` });
    await expect(down.head("any")).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(down.ping()).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(down.remove("any")).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it("answers the readiness ping, and fails it for a bucket that does not exist", async () => {
    await expect(storage().ping()).resolves.toBeUndefined();
    await expect(createStorage({ ...storageConfigFromEnv(), bucket: "no-such-bucket" }).ping()).rejects.toThrow();
  });

  it("knows the origin of its presigned URLs without the SDK, as the SDK makes them", async () => {
    const endpoints = [
      "http://127.0.0.1:9000",
      "http://[::1]:9000",
      "http://localhost:9000",
      "http://minio:9000",
      "https://s3.example.org",
      "https://S3.Example.org:443",
      "https://s3.example.org:8443/base/",
      "https://fra1.digitaloceanspaces.com",
    ];
    const buckets = ["mosaic", "mosaic-media-2025", "a--b", "ab", "bucket-", "-bucket", "My-Bucket", "my.bucket"];
    const more = ["under_score", "192.168.1.1", "x".repeat(63), "x".repeat(64)];
    for (const forcePathStyle of [true, false]) {
      for (const endpoint of endpoints) {
        for (const bucket of [...buckets, ...more]) {
          const config = { ...storageConfigFromEnv(), endpoint, bucket, forcePathStyle };
          const signed = await createStorage(config).presignGet("any", { expiresInSec: 60 });
          expect(storageOrigin(config), `${endpoint} ${bucket} ${forcePathStyle}`).toBe(new URL(signed).origin);
        }
      }
    }
  });
});
