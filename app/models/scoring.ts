import type { Problem } from "./problem";

/**
 * A judge's score sheet, as pure rules: one score per rubric criterion, between 1 and the number
 * of level descriptors the criterion has, and free-text comments per criterion or overall.
 */
export type RubricCriterion = { id: string; name: string; guidance: string; weight: number; levels: string[] };

export type ScoreSheet = { scores: Record<string, number>; comments: Record<string, string> };

export const MAX_COMMENT_LENGTH = 4000;

/**
 * The comments' key of the judge's note to the entrant, which entrants read (without the judge's
 * name, once organizers have reviewed and released it) where the contest gives feedback.
 */
export const ENTRANT_NOTE = "entrant";
export const MAX_NOTE_LENGTH = 1500;

export function parseLevels(json: string): string[] {
  try {
    const levels = JSON.parse(json) as unknown;
    return Array.isArray(levels) ? levels.map(String) : [];
  } catch {
    return [];
  }
}

export function parseSheet(scores: string, comments: string): ScoreSheet {
  const read = (json: string) => {
    try {
      const value = JSON.parse(json) as unknown;
      return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  return {
    scores: Object.fromEntries(Object.entries(read(scores)).filter(([, v]) => typeof v === "number")) as Record<
      string,
      number
    >,
    comments: Object.fromEntries(Object.entries(read(comments)).map(([k, v]) => [k, String(v)])),
  };
}

/**
 * Keeps only what belongs on this rubric's sheet (known criteria, whole scores within their
 * levels, comments within length) and lists what is wrong. `complete` also asks for every score.
 */
export function checkSheet(
  criteria: RubricCriterion[],
  sheet: { scores: Record<string, unknown>; comments: Record<string, unknown> },
  complete: boolean,
): { sheet: ScoreSheet; problems: Problem[] } {
  const problems: Problem[] = [];
  const scores: Record<string, number> = {};
  const comments: Record<string, string> = {};
  for (const criterion of criteria) {
    const raw = sheet.scores[criterion.id];
    if (raw !== undefined && raw !== null && raw !== "") {
      const score = Number(raw);
      if (Number.isInteger(score) && score >= 1 && score <= criterion.levels.length) scores[criterion.id] = score;
      else
        problems.push({ key: "scoring.badScore", values: { criterion: criterion.name, max: criterion.levels.length } });
    } else if (complete) problems.push({ key: "scoring.missingScore", values: { criterion: criterion.name } });
  }
  for (const key of [...criteria.map((c) => c.id), "overall", ENTRANT_NOTE]) {
    const text = String(sheet.comments[key] ?? "").trim();
    if (text) comments[key] = text.slice(0, key === ENTRANT_NOTE ? MAX_NOTE_LENGTH : MAX_COMMENT_LENGTH);
  }
  return { sheet: { scores, comments }, problems };
}

/** The weighted total on 0–100 of a complete sheet, as the results use it. */
export function sheetTotal(criteria: RubricCriterion[], scores: Record<string, number>) {
  let total = 0;
  let weights = 0;
  for (const c of criteria) {
    const score = scores[c.id];
    if (score === undefined) return null;
    total += ((score - 1) / Math.max(1, c.levels.length - 1)) * c.weight;
    weights += c.weight;
  }
  return weights ? (total * 100) / weights : null;
}

/**
 * Judging rounds: "scoring" (each eligible entry by the judges assigned to it) and an optional
 * "final" round, in which every judge without a conflict scores the shortlist.
 */
export const ROUNDS = ["scoring", "final"] as const;
export type Round = (typeof ROUNDS)[number];

/** When a round closes; null for a final round that has not been started. */
export function roundClosesAt(contest: { judgingEndsAt: Date; finalRoundEndsAt: Date | null }, round: Round) {
  return round === "final" ? contest.finalRoundEndsAt : contest.judgingEndsAt;
}

/** A judge's page for an entry in a round: the final round's pages carry ?round=final. */
export function entryPath(slug: string, code: string, round: Round) {
  return `/judge/${slug}/entries/${encodeURIComponent(code)}${round === "final" ? "?round=final" : ""}`;
}
