import S3rver from "@20minutes/s3rver";
import type { AddressInfo } from "node:net";
import { bucketCorsRule } from "../services/storage.server";

/**
 * The embedded S3-compatible server for development and tests: @20minutes/s3rver checks SigV4
 * signatures, signed headers and expiry like a real service. Its bucket and CORS rule are
 * created at start, because it rejects the SDK's bucket-level calls.
 */
export const EMBEDDED_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** The bucket's CORS rule (Mosaic's, from the storage module) as s3rver takes it: XML. */
export function corsRule(origins: string[]) {
  const rule = bucketCorsRule(origins);
  const list = (tag: string, values: string[]) => values.map((value) => `<${tag}>${value}</${tag}>`).join("");
  return `<CORSConfiguration><CORSRule>${list("AllowedOrigin", rule.AllowedOrigins)}${list("AllowedMethod", rule.AllowedMethods)}${list("AllowedHeader", rule.AllowedHeaders)}${list("ExposeHeader", rule.ExposeHeaders)}<MaxAgeSeconds>${rule.MaxAgeSeconds}</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

export async function startEmbeddedStorage(options: {
  port?: number;
  directory: string;
  bucket: string;
  origins: string[];
}) {
  const server = new S3rver({
    port: options.port ?? 0,
    address: "127.0.0.1",
    directory: options.directory,
    silent: true,
    configureBuckets: [{ name: options.bucket, configs: [corsRule(options.origins)] }],
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () => server.close(),
  };
}
