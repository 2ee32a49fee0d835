import { isIP } from "node:net";
import { z } from "zod";

/**
 * Every setting Mosaic reads, parsed once. A missing or malformed value stops start-up with a
 * message that names it. Embedded services (storage, mailbox) are filled in by
 * app/server/embedded.server.ts before this runs, so here they look like any real service.
 */
const booleanString = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const port = (fallback: number) =>
  z.coerce
    .number({ invalid_type_error: "must be a port number (0-65535)" })
    .int("must be a port number (0-65535)")
    .min(0, "must be a port number (0-65535)")
    .max(65535, "must be a port number (0-65535)")
    .default(fallback);

const PROXY_PRESETS = new Set(["loopback", "linklocal", "uniquelocal"]);
/**
 * Which proxies' X-Forwarded-For to believe, in Express's terms: a number of hops, true/false,
 * or a comma-separated list of addresses, subnets and the presets loopback/linklocal/uniquelocal.
 */
const trustProxy = z
  .string()
  .default("loopback")
  .transform((value, ctx): string | number | boolean => {
    if (/^\d+$/.test(value)) return Number(value);
    if (value === "true" || value === "false") return value === "true";
    const parts = value.split(",").map((part) => part.trim());
    const bad = parts.find((part) => !PROXY_PRESETS.has(part) && isIP(part.split("/")[0] ?? "") === 0);
    if (bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `must be a number of hops, true/false, or addresses and presets (not "${bad}")`,
      });
      return z.NEVER;
    }
    return parts.join(",");
  });

/** Published in this repository, so it protects nothing: outside production only. */
export const DEVELOPMENT_SESSION_SECRET = "development-only-secret-not-for-production";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: port(3000),
    // defaults to http://localhost:PORT
    APP_URL: z.string().url().optional(),
    TRUST_PROXY: trustProxy,
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: or postgresql://")
      .default("file:./data/dev.db"),
    // PostgreSQL connections each instance keeps open; the sum over instances must stay under the
    // server's max_connections (or PgBouncer's pool)
    DATABASE_POOL_SIZE: z.coerce.number({ invalid_type_error: "must be a whole number" }).int().min(1).default(10),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_BUCKET: z.string().min(3).default("mosaic"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: booleanString.default("true"),

    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.string().url().optional(),
    EMAIL_FROM: z.string().min(3).default("Mosaic <no-reply@mosaic.localhost>"),
    DEV_MAILBOX_URL: z.string().url().optional(),

    // development's embedded services (app/server/embedded.ts)
    DATA_DIR: z.string().min(1).default("data"),
    EMBEDDED_S3_PORT: port(9090),
    EMBEDDED_MAIL_PORT: port(9091),
    // media tools; unset means Debian's in /usr/bin, else the builds shipped in npm
    FFMPEG_PATH: z.string().min(1).optional(),
    FFPROBE_PATH: z.string().min(1).optional(),

    SEED_ORGANIZER_EMAIL: z.string().email().default("organizer@example.org"),

    JOBS_POLL_MS: z.coerce
      .number({ invalid_type_error: "must be a number of milliseconds" })
      .int()
      .min(50)
      .default(1000),
    JOBS_ENABLED: booleanString.default("true"),
    // sign-in requests per IP address every 15 minutes; raise it where many people share one
    // address (a school, a camp's connection)
    SIGN_IN_LIMIT_PER_IP: z.coerce.number({ invalid_type_error: "must be a whole number" }).int().min(1).default(10),
    // how often an open dashboard fetches fresh numbers, while its tab is visible
    DASHBOARD_REFRESH_SECONDS: z.coerce
      .number({ invalid_type_error: "must be a number of seconds" })
      .int()
      .min(1)
      .default(30),
  })
  // Outside production a fixed secret keeps sessions across restarts; production must set one.
  .transform((env) => ({
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    SESSION_SECRET: env.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
  }));

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Mosaic cannot start, its configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

const REQUIRED_IN_PRODUCTION = [
  "APP_URL",
  "SESSION_SECRET",
  "S3_ENDPOINT",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "RESEND_API_KEY",
] as const;

/** Checked on the raw values, so that one run reports every problem, not just the first kind. */
function productionProblems(source: Record<string, string | undefined>) {
  if (source.NODE_ENV !== "production") return [];
  const problems = REQUIRED_IN_PRODUCTION.filter((key) => !source[key]).map(
    (key) => `${key} is required in production`,
  );
  if (source.DEV_MAILBOX_URL) problems.push("DEV_MAILBOX_URL must not be set in production");
  if (source.SESSION_SECRET === DEVELOPMENT_SESSION_SECRET)
    problems.push("SESSION_SECRET must not be the published development value in production");
  return problems;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value in .env means "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`)),
    ...productionProblems(cleaned),
  ];
  if (!result.success || problems.length > 0) throw new EnvError(problems);
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Parses the environment again, after start-up has announced the embedded services in it. */
export function reloadEnv(): Env {
  cached = undefined;
  return env();
}

/** The only settings that reach the browser. */
export function publicEnv() {
  return { mode: env().NODE_ENV, devMailbox: Boolean(env().DEV_MAILBOX_URL) };
}
export type PublicEnv = ReturnType<typeof publicEnv>;
