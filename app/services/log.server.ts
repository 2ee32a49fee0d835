import pino from "pino";

/** Structured logs: one JSON object a line, on stdout. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "mosaic" },
  redact: ["req.headers.cookie", "code", "token"],
});
