import S3rver from "@20minutes/s3rver";
import type { AddressInfo } from "node:net";

/**
 * The embedded S3-compatible server for development and tests: @20minutes/s3rver checks SigV4
 * signatures, signed headers and expiry like a real service. Its bucket and CORS rule are
 * created at start, because it rejects the SDK's bucket-level calls.
 */
export const EMBEDDED_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export function corsRule(origins: string[]) {
  const allowed = origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join("");
  return `<CORSConfiguration><CORSRule>${allowed}<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
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
