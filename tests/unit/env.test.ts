import { describe, expect, it } from "vitest";
import { DEVELOPMENT_SESSION_SECRET, EnvError, parseEnv } from "~/services/env.server";

function problems(source: Record<string, string | undefined>) {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("configuration", () => {
  it("runs on embedded defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      DATABASE_URL: "file:./data/dev.db",
      S3_BUCKET: "mosaic",
    });
    expect(env.S3_ENDPOINT).toBeUndefined();
    expect(env.SIGN_IN_LIMIT_PER_IP).toBe(10);
    expect(parseEnv({ SIGN_IN_LIMIT_PER_IP: "300" }).SIGN_IN_LIMIT_PER_IP).toBe(300);
    expect(problems({ SIGN_IN_LIMIT_PER_IP: "many" }).join()).toMatch(/^SIGN_IN_LIMIT_PER_IP /);
  });

  it("names each malformed variable", () => {
    const found = problems({
      PORT: "eighty",
      APP_URL: "not a url",
      DATABASE_URL: "mysql://x",
      LOG_LEVEL: "loud",
      S3_FORCE_PATH_STYLE: "yes",
    });
    expect(found).toContain("PORT must be a port number (0-65535)");
    expect(found.join("\n")).toMatch(/^APP_URL /m);
    expect(found.join("\n")).toMatch(/^DATABASE_URL must start with file: or postgresql:\/\//m);
    expect(found.join("\n")).toMatch(/^LOG_LEVEL /m);
    expect(found.join("\n")).toMatch(/^S3_FORCE_PATH_STYLE /m);
  });

  it("derives the public address from the port unless APP_URL is set", () => {
    expect(parseEnv({ PORT: "4000" }).APP_URL).toBe("http://localhost:4000");
    expect(parseEnv({ PORT: "4000", APP_URL: "https://mosaic.example.org/" }).APP_URL).toBe(
      "https://mosaic.example.org",
    );
  });

  it("refuses a short session secret", () => {
    expect(problems({ SESSION_SECRET: "short" })).toEqual(["SESSION_SECRET must be at least 32 characters"]);
  });

  it("requires real services and a secret in production, and no development mailbox", () => {
    const found = problems({ NODE_ENV: "production", DEV_MAILBOX_URL: "http://127.0.0.1:9091" });
    for (const name of [
      "S3_ENDPOINT",
      "S3_ACCESS_KEY_ID",
      "S3_SECRET_ACCESS_KEY",
      "RESEND_API_KEY",
      "SESSION_SECRET",
    ]) {
      expect(found).toContain(`${name} is required in production`);
    }
    expect(found).toContain("DEV_MAILBOX_URL must not be set in production");
  });

  it("refuses the published development session secret in production, and only there", () => {
    const production = {
      NODE_ENV: "production",
      APP_URL: "https://contest.example.org",
      S3_ENDPOINT: "https://s3.example.org",
      S3_ACCESS_KEY_ID: "key",
      S3_SECRET_ACCESS_KEY: "secret",
      RESEND_API_KEY: "re_key",
    };
    expect(problems({ ...production, SESSION_SECRET: DEVELOPMENT_SESSION_SECRET })).toEqual([
      "SESSION_SECRET must not be the published development value in production",
    ]);
    expect(problems({ ...production, SESSION_SECRET: "a-real-secret-of-enough-length-0123456789" })).toEqual([]);
    expect(parseEnv({ SESSION_SECRET: DEVELOPMENT_SESSION_SECRET }).SESSION_SECRET).toBe(DEVELOPMENT_SESSION_SECRET);
  });

  it("reads TRUST_PROXY as Express does: hops, true/false, or addresses and presets", () => {
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({}).TRUST_PROXY).toBe("loopback");
    expect(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8, ::1" }).TRUST_PROXY).toBe("loopback,10.0.0.0/8,::1");
    expect(problems({ TRUST_PROXY: "my-balancer" })[0]).toMatch(/^TRUST_PROXY must be a number of hops/);
  });

  it("treats an empty value as unset", () => {
    const env = parseEnv({ PORT: "", S3_ENDPOINT: "" });
    expect(env.PORT).toBe(3000);
    expect(env.S3_ENDPOINT).toBeUndefined();
  });

  it("says which variables are wrong in its message", () => {
    expect(() => parseEnv({ PORT: "-1" })).toThrow(/Mosaic cannot start, its configuration is invalid:\n {2}- PORT/);
  });
});
