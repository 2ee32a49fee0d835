import { now } from "~/services/clock.server";
import { db, type Prisma } from "~/services/db.server";
import { queueEmail } from "~/services/email.server";
import { env } from "~/services/env.server";
import { viewableMedia } from "./media-view.server";
import { audit } from "./audit.server";
import type { Problem } from "./problem";
import { rubricOf } from "./rubric.server";
import { checkSheet, ENTRANT_NOTE, parseSheet, ROUNDS, roundClosesAt, type Round } from "./scoring";

/**
 * What a judge sees and does. Every query goes through the judge's own assignment, and what
 * leaves this module for a judge never carries the entrant's identity: no name, email, display
 * name, file name, reference code, co-creators or releases, and no country when the contest
 * hides it. Entries are known to judges by their opaque judge code only.
 */

/** Whether judges may still change their scores: until the round closes, by the server's clock. */
export function roundOpen(contest: { judgingEndsAt: Date; finalRoundEndsAt: Date | null }, round: Round = "scoring") {
  const closes = roundClosesAt(contest, round);
  return Boolean(closes && now() < closes);
}

/** The entries a round is about: eligible ones, and for the final round only the shortlist. */
function roundEntries(round: Round) {
  return round === "final" ? { status: "eligible", shortlisted: true } : { status: "eligible" };
}

export async function judgeQueue(contestId: string, judgeId: string, round: Round = "scoring") {
  const assignments = await db.assignment.findMany({
    where: { contestId, judgeId, round, recusedAt: null, entry: roundEntries(round) },
    // An assignment run writes a judge's share at one instant: without the id, the order of those
    // ties is whatever index the database reads, and a sheet submitted (its status changed)
    // could move an entry within the queue, so "next" would skip or repeat one.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      entry: { select: { judgeCode: true, title: true, contentWarning: true, category: { select: { name: true } } } },
    },
  });
  return assignments.map((a) => ({
    code: a.entry.judgeCode,
    title: a.entry.title,
    category: a.entry.category.name,
    contentWarning: a.entry.contentWarning,
    status: a.status,
  }));
}

/** What a judge may read of an entry: its work and texts, never who made it (see {@link judgeWork}). */
export const JUDGE_ENTRY_SELECT = {
  judgeCode: true,
  title: true,
  summary: true,
  statement: true,
  language: true,
  transcript: true,
  contentWarning: true,
  aiUse: true,
  aiUseDetails: true,
  category: { select: { name: true } },
  entrant: { select: { country: true, displayName: true } },
  media: {
    where: { state: "verified" },
    orderBy: { position: "asc" },
    select: {
      id: true,
      state: true,
      detectedType: true,
      altText: true,
      cleanKey: true,
      previewKey: true,
      objectKey: true,
      webKey: true,
      lightKey: true,
      captionsKey: true,
      captionsLang: true,
      width: true,
      height: true,
    },
  },
} as const;

type JudgeEntryRow = Prisma.EntryGetPayload<{ select: typeof JUDGE_ENTRY_SELECT }>;

/**
 * An entry as a judge reads it, with its files' signed links: the country only when the contest
 * shows it, the maker's published name only under open judging.
 */
export async function judgeWork(entry: JudgeEntryRow, contest: { hideCountry: boolean; blindJudging: boolean }) {
  return {
    code: entry.judgeCode,
    title: entry.title,
    category: entry.category.name,
    summary: entry.summary,
    statement: entry.statement,
    language: entry.language,
    transcript: entry.transcript,
    contentWarning: entry.contentWarning,
    aiUse: entry.aiUse,
    aiUseDetails: entry.aiUseDetails,
    country: contest.hideCountry ? null : entry.entrant.country,
    // only when organizers chose open judging: the name the entrant chose to publish
    maker: contest.blindJudging ? null : entry.entrant.displayName,
    media: await viewableMedia(entry.media, { previews: false }),
  };
}

function findAssignment(contestId: string, judgeId: string, judgeCode: string, round: Round) {
  return db.assignment.findFirst({
    where: { contestId, judgeId, round, recusedAt: null, entry: { judgeCode, ...roundEntries(round) } },
    include: {
      contest: {
        select: {
          hideCountry: true,
          blindJudging: true,
          judgingEndsAt: true,
          finalRoundEndsAt: true,
          timezone: true,
          finalMethod: true,
          feedback: true,
        },
      },
      entry: { select: JUDGE_ENTRY_SELECT },
    },
  });
}

/** A final round where judges compare works two at a time has no score sheets. */
function sheetless(round: Round, contest: { finalMethod: string }) {
  return round === "final" && contest.finalMethod === "pairwise";
}

/** One assigned entry as its judge sees it, with the rubric and their sheet; null when not theirs. */
export async function judgeEntryView(contestId: string, judgeId: string, judgeCode: string, round: Round = "scoring") {
  const assignment = await findAssignment(contestId, judgeId, judgeCode, round);
  if (!assignment || sheetless(round, assignment.contest)) return null;
  const { entry, contest } = assignment;
  const [criteria, work, queue] = await Promise.all([
    rubricOf(contestId),
    judgeWork(entry, contest),
    judgeQueue(contestId, judgeId, round),
  ]);
  const index = queue.findIndex((q) => q.code === judgeCode);
  return {
    assignment: { id: assignment.id, status: assignment.status, revision: assignment.revision },
    sheet: parseSheet(assignment.scores, assignment.comments),
    round,
    open: roundOpen(contest, round),
    closesAt: roundClosesAt(contest, round)?.toISOString() ?? null,
    timezone: contest.timezone,
    criteria,
    // a box for a note to the entrant, where the contest gives feedback (scoring round only)
    entrantNote: contest.feedback && round === "scoring",
    previous: queue[index - 1]?.code ?? null,
    next: queue[index + 1]?.code ?? null,
    position: index + 1,
    total: queue.length,
    entry: work,
  };
}

/** The captions of a file on an entry assigned to this judge, or null. */
export async function judgeCaptionsKey(contestId: string, judgeId: string, judgeCode: string, assetId: string) {
  // captions of an entry the judge has in any round
  const assignment =
    (await findAssignment(contestId, judgeId, judgeCode, "scoring")) ??
    (await findAssignment(contestId, judgeId, judgeCode, "final"));
  return assignment?.entry.media.find((m) => m.id === assetId)?.captionsKey ?? null;
}

export type SaveSheetResult =
  | { ok: true; revision: number; status: string }
  | {
      ok: false;
      reason: "notFound" | "closed" | "conflict" | "invalid";
      problems?: Problem[];
    };

/**
 * Saves a judge's sheet if nobody saved since `revision` (a second tab is refused, not silently
 * overwritten). `submit` needs every score; a submitted sheet can be revised until the round closes.
 */
export async function saveSheet(
  contestId: string,
  judgeId: string,
  judgeCode: string,
  input: { revision: number; scores: Record<string, unknown>; comments: Record<string, unknown>; submit: boolean },
  round: Round = "scoring",
): Promise<SaveSheetResult> {
  const assignment = await findAssignment(contestId, judgeId, judgeCode, round);
  if (!assignment || sheetless(round, assignment.contest)) return { ok: false, reason: "notFound" };
  if (!roundOpen(assignment.contest, round)) return { ok: false, reason: "closed" };
  const criteria = await rubricOf(contestId);
  const { sheet, problems } = checkSheet(criteria, input, input.submit);
  if (problems.length) return { ok: false, reason: "invalid", problems };
  const scores = JSON.stringify(sheet.scores);
  const comments = JSON.stringify(sheet.comments);
  const status = input.submit ? "submitted" : assignment.status;
  // The same sheet again (a retried request, a double click) changes nothing.
  if (scores === assignment.scores && comments === assignment.comments && status === assignment.status) {
    return { ok: true, revision: assignment.revision, status };
  }
  if (assignment.revision !== input.revision) return { ok: false, reason: "conflict" };
  // A judge who rewrites their note to the entrant sends it back to review: an organizer's edit
  // of the earlier words must not stand in for the new ones.
  const noteChanged =
    (parseSheet(assignment.scores, assignment.comments).comments[ENTRANT_NOTE] ?? "") !==
    (sheet.comments[ENTRANT_NOTE] ?? "");
  const { count } = await db.assignment.updateMany({
    where: { id: assignment.id, revision: input.revision },
    data: {
      ...(noteChanged ? { noteEdited: null } : {}),
      scores,
      comments,
      status,
      submittedAt: input.submit ? now() : assignment.submittedAt,
      revision: { increment: 1 },
    },
  });
  if (count === 0) return { ok: false, reason: "conflict" };
  // A change to a sheet already submitted is part of the record the results rest on.
  if (assignment.status === "submitted") {
    await audit(db, {
      contestId,
      actorId: judgeId,
      action: "score.revised",
      subject: judgeCode,
      detail: { round, from: JSON.parse(assignment.scores) as unknown, to: sheet.scores },
    });
  }
  return { ok: true, revision: input.revision + 1, status };
}

/** Why a sheet was not saved, as the judge is told it. */
export function sheetProblems(refused: Extract<SaveSheetResult, { ok: false }>): Problem[] {
  if (refused.reason === "invalid") return refused.problems ?? [];
  return [{ key: refused.reason === "closed" ? "scoring.closed" : "scoring.conflict" }];
}

/** Reminds judges with unfinished entries once, in the 48 hours before a round closes. */
export const REMIND_BEFORE_MS = 48 * 60 * 60 * 1000;

export async function remindJudges() {
  const at = now();
  const soon = new Date(at.getTime() + REMIND_BEFORE_MS);
  let reminded = 0;
  for (const round of ROUNDS) {
    const closing =
      round === "final"
        ? // a comparative final has no sheets to finish
          { finalRoundEndsAt: { gt: at, lte: soon }, finalMethod: { not: "pairwise" } }
        : { judgingEndsAt: { gt: at, lte: soon } };
    for (const contest of await db.contest.findMany({ where: closing })) {
      const unfinished = await db.assignment.groupBy({
        by: ["judgeId"],
        where: { contestId: contest.id, round, recusedAt: null, status: "draft", entry: roundEntries(round) },
        _count: { _all: true },
      });
      for (const row of unfinished) {
        const judge = await db.user.findUniqueOrThrow({ where: { id: row.judgeId } });
        if (judge.deactivatedAt) continue;
        await db.$transaction((tx) =>
          queueEmail(tx, {
            template: "judge-reminder",
            to: judge.email,
            locale: judge.locale ?? "en",
            payload: {
              contest: contest.title,
              unfinished: row._count._all,
              closesAt: roundClosesAt(contest, round)!.toISOString(),
              timezone: contest.timezone,
              link: `${env().APP_URL}/judge/${contest.slug}`,
            },
            // one reminder per judge and round, however often this runs
            idempotencyKey: `judge-reminder:${contest.id}:${round}:${judge.id}`,
          }),
        );
        reminded += 1;
      }
    }
  }
  return reminded;
}
