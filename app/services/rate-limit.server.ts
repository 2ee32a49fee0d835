import { Prisma } from "~/services/db.server";
import { now } from "./clock.server";
import { db } from "./db.server";

export type RateResult = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Takes one unit from a fixed-window budget of `max` per `windowMs` for `key`. The increment is
 * a conditional update, so parallel requests never take more than the budget.
 */
export async function consume(key: string, max: number, windowMs: number): Promise<RateResult> {
  const at = now();
  try {
    await db.rateLimit.create({ data: { key, windowStart: at, count: 0 } });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  await db.rateLimit.updateMany({
    where: { key, windowStart: { lte: new Date(at.getTime() - windowMs) } },
    data: { windowStart: at, count: 0 },
  });
  const { count } = await db.rateLimit.updateMany({
    where: { key, count: { lt: max } },
    data: { count: { increment: 1 } },
  });
  if (count === 1) return { ok: true };
  const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
  return { ok: false, retryAfterMs: Math.max(0, row.windowStart.getTime() + windowMs - at.getTime()) };
}
