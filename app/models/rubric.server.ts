import { db } from "~/services/db.server";
import { audit } from "./audit.server";
import { parseLevels, type RubricCriterion } from "./scoring";

/**
 * A contest's rubric. Organizers edit it until scoring starts (the first sheet a judge saves);
 * from then on it is locked, so every score of a round is given against the same criteria.
 */
export function rubricOf(contestId: string): Promise<RubricCriterion[]> {
  return db.rubricCriterion.findMany({ where: { contestId }, orderBy: { position: "asc" } }).then((rows) =>
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      guidance: r.guidance,
      weight: r.weight,
      levels: parseLevels(r.levels),
    })),
  );
}

export async function rubricLocked(contestId: string) {
  return (await db.assignment.count({ where: { contestId, revision: { gt: 0 } } })) > 0;
}

export type RubricInput = { id?: string; name: string; guidance: string; weight: number; levels: string[] }[];

/** Replaces the rubric, keeping the ids of criteria that stay; refused once scoring has started. */
export async function saveRubric(contestId: string, criteria: RubricInput, actorId: string) {
  return db.$transaction(async (tx) => {
    if ((await tx.assignment.count({ where: { contestId, revision: { gt: 0 } } })) > 0) return false;
    const known = new Set(
      (await tx.rubricCriterion.findMany({ where: { contestId }, select: { id: true } })).map((c) => c.id),
    );
    await tx.rubricCriterion.deleteMany({ where: { contestId } });
    for (const [position, c] of criteria.entries()) {
      await tx.rubricCriterion.create({
        data: {
          ...(c.id && known.has(c.id) ? { id: c.id } : {}),
          contestId,
          position,
          name: c.name,
          guidance: c.guidance,
          weight: c.weight,
          levels: JSON.stringify(c.levels),
        },
      });
    }
    await audit(tx, {
      contestId,
      actorId,
      action: "rubric.saved",
      detail: { criteria: criteria.map((c) => ({ name: c.name, weight: c.weight })) },
    });
    return true;
  });
}
