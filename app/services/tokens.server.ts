import { createHmac, randomBytes } from "node:crypto";
import { env } from "./env.server";

/**
 * Secrets sent by email (sign-in links, guardian consent links, judge invitations) are stored
 * only as keyed hashes: a copy of the database alone cannot be used to follow a link.
 */
export function keyedHash(kind: string, value: string) {
  return createHmac("sha256", env().SESSION_SECRET).update(`${kind}:${value}`).digest("hex");
}

/** A fresh unguessable token for a link (256 bits, URL-safe). */
export function newToken() {
  return randomBytes(32).toString("base64url");
}
