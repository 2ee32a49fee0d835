import path from "node:path";
import { startEmbeddedStorage, EMBEDDED_S3_CREDENTIALS } from "./embedded-storage";
import { startResendStandIn } from "./resend-standin";

/**
 * Outside production, a service that is not configured runs inside this process instead:
 * storage (s3rver) when S3_ENDPOINT is unset, and a local mailbox when RESEND_API_KEY is unset.
 * They are announced through the same variables a real service would use, so the rest of
 * Mosaic never knows the difference.
 */
export async function startEmbeddedServices(options: {
  appOrigin: string;
  dataDir: string;
  bucket: string;
  storagePort: number;
  mailboxPort: number;
}) {
  const env = process.env;
  const started: string[] = [];
  const closers: (() => Promise<unknown>)[] = [];

  if (!env.S3_ENDPOINT) {
    const storage = await startEmbeddedStorage({
      port: options.storagePort,
      directory: path.join(options.dataDir, "s3"),
      bucket: options.bucket,
      origins: [options.appOrigin],
    });
    env.S3_ENDPOINT = storage.endpoint;
    env.S3_ACCESS_KEY_ID = EMBEDDED_S3_CREDENTIALS.accessKeyId;
    env.S3_SECRET_ACCESS_KEY = EMBEDDED_S3_CREDENTIALS.secretAccessKey;
    env.S3_FORCE_PATH_STYLE = "true";
    started.push(`storage ${storage.endpoint}`);
    closers.push(storage.close);
  }

  if (!env.RESEND_API_KEY) {
    const mailbox = await startResendStandIn({
      port: options.mailboxPort,
      directory: path.join(options.dataDir, "mailbox"),
    });
    env.RESEND_API_KEY = "re_local_mailbox";
    env.RESEND_BASE_URL = mailbox.url;
    env.DEV_MAILBOX_URL = mailbox.url;
    started.push(`mailbox ${mailbox.url} (read it at ${options.appOrigin}/dev/mailbox)`);
    closers.push(mailbox.close);
  }

  return { started, close: () => Promise.all(closers.map((close) => close())) };
}
