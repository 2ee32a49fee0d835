import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "./env.server";

/**
 * Object storage behind a small interface. Browsers upload straight to the storage service
 * with presigned URLs; Mosaic stores object keys, never URLs, and makes every key itself.
 */
export interface ObjectInfo {
  size: number;
  contentType: string | undefined;
  etag: string | undefined;
}

/** A part of a multipart upload as storage acknowledged it: its number and the ETag it answered with. */
export type UploadedPart = { partNumber: number; etag: string };

export interface Storage {
  bucket: string;
  presignPut(
    key: string,
    options: { contentType: string; contentLength: number; expiresInSec: number },
  ): Promise<string>;
  /** A link that reads the object; `attachment` makes browsers save it rather than show it. */
  presignGet(key: string, options: { expiresInSec: number; attachment?: boolean }): Promise<string>;
  head(key: string): Promise<ObjectInfo | null>;
  getBytes(key: string, range?: { start: number; end: number }): Promise<Uint8Array>;
  /**
   * Writes an object to a local file, never more than `maxBytes` of it: a larger object fails
   * with ObjectTooLargeError once the limit is reached, and the file then holds at most the limit.
   */
  download(key: string, path: string, maxBytes: number): Promise<number>;
  /**
   * An object's bytes as they arrive, for passing on (a person's data archive) or hashing without
   * holding them; `signal` stops the transfer.
   */
  getStream(key: string, options?: { signal?: AbortSignal }): Promise<AsyncIterable<Uint8Array>>;
  /**
   * Copies an object inside the bucket, by storage itself (no byte passes through Mosaic), with
   * `contentType`. Objects above COPY_OBJECT_LIMIT (S3's limit for one copy, 5 GiB) are copied
   * in parts.
   */
  copy(fromKey: string, toKey: string, options: { size: number; contentType: string }): Promise<void>;
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Streams a local file up, without holding it in memory. */
  putFile(key: string, path: string, size: number, contentType: string): Promise<void>;
  remove(key: string): Promise<void>;
  createMultipart(key: string, contentType: string): Promise<string>;
  /** A part's URL binds its exact length, as a single upload's does. */
  presignPart(
    key: string,
    uploadId: string,
    part: { partNumber: number; contentLength: number },
    expiresInSec: number,
  ): Promise<string>;
  completeMultipart(key: string, uploadId: string, parts: UploadedPart[]): Promise<void>;
  abortMultipart(key: string, uploadId: string): Promise<void>;
  ping(): Promise<void>;
}

export interface StorageConfig {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** The largest object copied in one request (S3's limit, unless told otherwise). */
  copyObjectLimit?: number;
}

/** S3's (and Ceph's) limit for a single CopyObject; larger objects are copied in parts. */
export const COPY_OBJECT_LIMIT = 5 * 1024 * 1024 * 1024;

export function storageConfigFromEnv(): StorageConfig {
  const e = env();
  if (!e.S3_ENDPOINT || !e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY) {
    throw new Error("Storage is not configured: set S3_ENDPOINT, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
  }
  return {
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    bucket: e.S3_BUCKET,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  };
}

/**
 * Storage did not answer (no connection, a timeout, a 5xx). Callers tell people to try again
 * shortly instead of failing with the connection's error.
 */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`storage is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "StorageUnavailableError";
  }
}

/** An object was larger than the caller allowed for it. */
export class ObjectTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`object is larger than ${maxBytes} bytes`);
    this.name = "ObjectTooLargeError";
  }
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

function unavailable(error: unknown) {
  const e = error as { name?: string; code?: string; $fault?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e.$fault === "server" ||
    (e.$metadata?.httpStatusCode ?? 0) >= 500 ||
    NETWORK_CODES.has(e.code ?? "") ||
    e.name === "TimeoutError"
  );
}

/**
 * The CORS rule the bucket needs: browsers on `APP_URL` upload and read with presigned URLs, and
 * read each part's ETag to join a multipart upload. The same rule is given to the embedded
 * server and to the real S3 service the storage contract tests run against.
 */
export function bucketCorsRule(origins: string[]) {
  return {
    AllowedOrigins: origins,
    AllowedMethods: ["PUT", "GET", "HEAD"],
    AllowedHeaders: ["*"],
    ExposeHeaders: ["ETag"],
    MaxAgeSeconds: 3000,
  };
}

/**
 * The origin the storage's presigned URLs point at, which the Content-Security-Policy must allow:
 * the endpoint's own (path-style: `/bucket/key`), or the bucket's name in front of the endpoint's
 * host (virtual-hosted: `bucket.host/key`). It is the AWS SDK's choice for an endpoint of one's
 * own, written out here so that the server need not load the SDK to know it: virtual-hosted
 * unless path-style is forced, the endpoint's host is an IP address, or the bucket's name is no
 * single lowercase DNS label of 3 to 63 characters (tests/integration/storage.test.ts holds both
 * to the same answers).
 */
export function storageOrigin(config: Pick<StorageConfig, "endpoint" | "bucket" | "forcePathStyle">) {
  const endpoint = new URL(config.endpoint);
  const ipV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)){3}$/;
  const isIp = (host: string) => ipV4.test(host) || (host.startsWith("[") && host.endsWith("]"));
  const virtualHosted =
    !config.forcePathStyle &&
    !isIp(endpoint.hostname) &&
    /^(?!-)(?!.*-$)[a-z0-9-]{3,63}$/.test(config.bucket) &&
    !isIp(config.bucket);
  return virtualHosted ? `${endpoint.protocol}//${config.bucket}.${endpoint.host}` : endpoint.origin;
}

/** A key no one can guess: `{prefix}/{32 hex}{.ext}`. The user's file name never appears. */
export function newObjectKey(prefix: string, extension?: string) {
  const ext = extension ? `.${extension.replace(/[^a-z0-9]/gi, "").toLowerCase()}` : "";
  return `${prefix.replace(/\/+$/, "")}/${randomBytes(16).toString("hex")}${ext}`;
}

/**
 * The AWS SDK (some 14 MiB once loaded) comes in with a storage's first call, not with the
 * server: the pages most people load never reach storage.
 */
async function connect(config: StorageConfig) {
  const [sdk, { getSignedUrl }] = await Promise.all([
    import("@aws-sdk/client-s3"),
    import("@aws-sdk/s3-request-presigner"),
  ]);
  const client = new sdk.S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Otherwise presigned PUT URLs carry the checksum of an empty body.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // A storage service that stops answering must not hold requests open forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
  // Every call goes through here, so an outage always surfaces as StorageUnavailableError.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw unavailable(error) ? new StorageUnavailableError(error) : error;
      }
    },
    { step: "initialize", name: "mosaicStorageUnavailable" },
  );
  if (config.forcePathStyle) {
    // Bucket-level calls go to "/bucket/"; some S3-compatible servers (s3rver among them) sign
    // "/bucket" instead and refuse them. "/bucket" is valid everywhere, so sign and send that.
    client.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as { path?: string };
        if (request.path && /^\/[^/]+\/$/.test(request.path)) request.path = request.path.slice(0, -1);
        return next(args);
      },
      { step: "build", name: "mosaicBucketPath" },
    );
  }
  return { ...sdk, client, getSignedUrl };
}

export function createStorage(config: StorageConfig): Storage {
  let connected: ReturnType<typeof connect> | undefined;
  const s3 = () => {
    if (!connected) {
      connected = connect(config);
      // a client that could not be made is made afresh by the next call
      connected.catch(() => (connected = undefined));
    }
    return connected;
  };
  const Bucket = config.bucket;

  return {
    bucket: Bucket,
    async presignPut(key, { contentType, contentLength, expiresInSec }) {
      const { client, getSignedUrl, PutObjectCommand } = await s3();
      // Content-Type and Content-Length are signed: the browser can send only these bytes.
      return getSignedUrl(
        client,
        new PutObjectCommand({ Bucket, Key: key, ContentType: contentType, ContentLength: contentLength }),
        { expiresIn: expiresInSec, signableHeaders: new Set(["content-type", "content-length"]) },
      );
    },
    async presignGet(key, { expiresInSec, attachment }) {
      const { client, getSignedUrl, GetObjectCommand } = await s3();
      return getSignedUrl(
        client,
        new GetObjectCommand({ Bucket, Key: key, ...(attachment && { ResponseContentDisposition: "attachment" }) }),
        { expiresIn: expiresInSec },
      );
    },
    async head(key) {
      const { client, HeadObjectCommand, NotFound } = await s3();
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: out.ContentLength ?? 0, contentType: out.ContentType, etag: out.ETag };
      } catch (error) {
        if (error instanceof NotFound || (error as { name?: string }).name === "NotFound") return null;
        throw error;
      }
    },
    async getBytes(key, range) {
      const { client, GetObjectCommand } = await s3();
      const out = await client.send(
        new GetObjectCommand({ Bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      if (!out.Body) return new Uint8Array();
      return out.Body.transformToByteArray();
    },
    async download(key, path, maxBytes) {
      const { client, GetObjectCommand } = await s3();
      const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      if (!out.Body) throw new Error(`storage returned no body for ${key}`);
      let written = 0;
      const capped = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          written += chunk.length;
          done(written > maxBytes ? new ObjectTooLargeError(maxBytes) : null, written > maxBytes ? undefined : chunk);
        },
      });
      try {
        await pipeline(out.Body as NodeJS.ReadableStream, capped, createWriteStream(path));
      } catch (error) {
        throw unavailable(error) ? new StorageUnavailableError(error) : error;
      }
      return written;
    },
    async getStream(key, options) {
      const { client, GetObjectCommand } = await s3();
      const out = await client.send(new GetObjectCommand({ Bucket, Key: key }), { abortSignal: options?.signal });
      if (!out.Body) throw new Error(`storage returned no body for ${key}`);
      return out.Body as AsyncIterable<Uint8Array>;
    },
    async copy(fromKey, toKey, { size, contentType }) {
      const {
        client,
        CopyObjectCommand,
        CreateMultipartUploadCommand,
        UploadPartCopyCommand,
        CompleteMultipartUploadCommand,
        AbortMultipartUploadCommand,
      } = await s3();
      const CopySource = encodeURI(`${Bucket}/${fromKey}`);
      const limit = config.copyObjectLimit ?? COPY_OBJECT_LIMIT;
      if (size <= limit) {
        await client.send(
          new CopyObjectCommand({
            Bucket,
            Key: toKey,
            CopySource,
            ContentType: contentType,
            MetadataDirective: "REPLACE",
          }),
        );
        return;
      }
      // Above the limit: a multipart upload whose parts storage copies from ranges of the source.
      const { UploadId } = await client.send(
        new CreateMultipartUploadCommand({ Bucket, Key: toKey, ContentType: contentType }),
      );
      if (!UploadId) throw new Error("storage returned no UploadId");
      try {
        // Parts of 1 GiB (or the limit, if lower): S3 takes at most 10 000 parts, each of at least
        // 5 MiB but the last.
        const MiB = 1024 * 1024;
        const partSize = Math.max(5 * MiB, Math.ceil(size / 10_000), Math.min(limit, 1024 * MiB));
        const Parts: { PartNumber: number; ETag: string }[] = [];
        for (let start = 0, PartNumber = 1; start < size; start += partSize, PartNumber++) {
          const end = Math.min(start + partSize, size) - 1;
          const out = await client.send(
            new UploadPartCopyCommand({
              Bucket,
              Key: toKey,
              UploadId,
              PartNumber,
              CopySource,
              CopySourceRange: `bytes=${start}-${end}`,
            }),
          );
          Parts.push({ PartNumber, ETag: out.CopyPartResult?.ETag ?? "" });
        }
        await client.send(
          new CompleteMultipartUploadCommand({ Bucket, Key: toKey, UploadId, MultipartUpload: { Parts } }),
        );
      } catch (error) {
        await client.send(new AbortMultipartUploadCommand({ Bucket, Key: toKey, UploadId })).catch(() => undefined);
        throw error;
      }
    },
    async put(key, body, contentType) {
      const { client, PutObjectCommand } = await s3();
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }));
    },
    async putFile(key, path, size, contentType) {
      const { client, PutObjectCommand } = await s3();
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: createReadStream(path),
          ContentLength: size,
          ContentType: contentType,
        }),
      );
    },
    async remove(key) {
      const { client, DeleteObjectCommand } = await s3();
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async createMultipart(key, contentType) {
      const { client, CreateMultipartUploadCommand } = await s3();
      const out = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: key, ContentType: contentType }));
      if (!out.UploadId) throw new Error("storage returned no UploadId");
      return out.UploadId;
    },
    async presignPart(key, uploadId, { partNumber, contentLength }, expiresInSec) {
      const { client, getSignedUrl, UploadPartCommand } = await s3();
      return getSignedUrl(
        client,
        new UploadPartCommand({
          Bucket,
          Key: key,
          UploadId: uploadId,
          PartNumber: partNumber,
          ContentLength: contentLength,
        }),
        { expiresIn: expiresInSec, signableHeaders: new Set(["content-length"]) },
      );
    },
    async completeMultipart(key, uploadId, parts) {
      const { client, CompleteMultipartUploadCommand } = await s3();
      await client.send(
        new CompleteMultipartUploadCommand({
          Bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: {
            Parts: [...parts]
              .sort((a, b) => a.partNumber - b.partNumber)
              .map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })),
          },
        }),
      );
    },
    async abortMultipart(key, uploadId) {
      const { client, AbortMultipartUploadCommand } = await s3();
      await client.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId }));
    },
    async ping() {
      const { client, HeadBucketCommand } = await s3();
      // The bucket exists and these credentials may use it (s3:ListBucket on AWS).
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}

const globalForStorage = globalThis as unknown as { __mosaicStorage?: Storage };

export function storage(): Storage {
  globalForStorage.__mosaicStorage ??= createStorage(storageConfigFromEnv());
  return globalForStorage.__mosaicStorage;
}
