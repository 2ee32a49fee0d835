import { isIP } from "node:net";
import { Prisma } from "~/services/db.server";
import { now } from "./clock.server";
import { db } from "./db.server";
import { keyedHash } from "./tokens.server";

export type RateResult = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Takes one unit from a fixed-window budget of `max` per `windowMs` for `key`. The increment is
 * a conditional update, so parallel requests never take more than the budget.
 */
export async function consume(key: string, max: number, windowMs: number): Promise<RateResult> {
  await openBudget(key);
  return takeFromBudget(db, key, max, windowMs);
}

/**
 * Makes sure `key` has a budget to take from, before a transaction takes from it (a failed
 * insert there would end a PostgreSQL transaction).
 */
export async function openBudget(key: string) {
  try {
    await db.rateLimit.create({ data: { key, windowStart: now(), count: 0 } });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
}

/**
 * {@link consume} on a budget that {@link openBudget} opened, in `tx`: taken only if the rest of
 * the transaction commits. A refusal writes nothing.
 */
export async function takeFromBudget(
  tx: Prisma.TransactionClient,
  key: string,
  max: number,
  windowMs: number,
): Promise<RateResult> {
  const at = now();
  await tx.rateLimit.updateMany({
    where: { key, windowStart: { lte: new Date(at.getTime() - windowMs) } },
    data: { windowStart: at, count: 0 },
  });
  const { count } = await tx.rateLimit.updateMany({
    where: { key, count: { lt: max } },
    data: { count: { increment: 1 } },
  });
  if (count === 1) return { ok: true };
  const row = await tx.rateLimit.findUniqueOrThrow({ where: { key } });
  return { ok: false, retryAfterMs: Math.max(0, row.windowStart.getTime() + windowMs - at.getTime()) };
}

/**
 * The network a request came from (an IPv4 /24 or an IPv6 /48) as a keyed hash: requests (and
 * votes) from one place group together, and no address is stored. The hash's label predates its
 * other uses: votes already stored keep comparing with new ones.
 */
export function networkOf(ip: string) {
  return keyedHash("vote-network", networkPrefix(ip)).slice(0, 16);
}

/** "192.0.2" for 192.0.2.10 (written as IPv4 or IPv4-mapped IPv6), "2001:0db8:0001" for 2001:db8:1::1. */
function networkPrefix(ip: string) {
  if (isIP(ip) === 4) return ip.split(".").slice(0, 3).join(".");
  if (isIP(ip) !== 6) return ip;
  // IPv6 with a dotted IPv4 tail (::ffff:192.0.2.7): the tail as two groups
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  const address = dotted
    ? ip.slice(0, dotted.index) +
      [
        ((Number(dotted[1]) << 8) | Number(dotted[2])).toString(16),
        ((Number(dotted[3]) << 8) | Number(dotted[4])).toString(16),
      ].join(":")
    : ip;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = (
    address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left
  ).map((g) => parseInt(g, 16));
  // an IPv4 address mapped into IPv6 (::ffff:a.b.c.d) belongs to its IPv4 network
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8].join(".");
  }
  return groups
    .slice(0, 3)
    .map((g) => g.toString(16).padStart(4, "0"))
    .join(":");
}
