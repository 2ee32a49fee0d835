import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { queueEmail } from "~/services/email.server";
import { env } from "~/services/env.server";
import { storage } from "~/services/storage.server";
import { isTimed } from "./entry";
import { viewUrls } from "./media.server";
import { rubricOf } from "./rubric.server";
import { checkSheet, parseSheet } from "./scoring";

/**
 * What a judge sees and does. Every query goes through the judge's own assignment, and what
 * leaves this module for a judge never carries the entrant's identity: no name, email, display
 * name, file name, reference code, co-creators or releases, and no country when the contest
 * hides it. Entries are known to judges by their opaque judge code only.
 */
const ROUND = "scoring";

/** Whether judges may still change their scores: until the round closes, by the server's clock. */
export function roundOpen(contest: { judgingEndsAt: Date }) {
  return now() < contest.judgingEndsAt;
}

export async function judgeQueue(contestId: string, judgeId: string) {
  const assignments = await db.assignment.findMany({
    where: { contestId, judgeId, round: ROUND, recusedAt: null, entry: { status: "eligible" } },
    orderBy: { createdAt: "asc" },
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

function findAssignment(contestId: string, judgeId: string, judgeCode: string) {
  return db.assignment.findFirst({
    where: { contestId, judgeId, round: ROUND, recusedAt: null, entry: { judgeCode, status: "eligible" } },
    include: {
      contest: { select: { hideCountry: true, judgingEndsAt: true, timezone: true } },
      entry: {
        select: {
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
          entrant: { select: { country: true } },
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
              captionsKey: true,
              captionsLang: true,
              width: true,
              height: true,
            },
          },
        },
      },
    },
  });
}

/** One assigned entry as its judge sees it, with the rubric and their sheet; null when not theirs. */
export async function judgeEntryView(contestId: string, judgeId: string, judgeCode: string) {
  const assignment = await findAssignment(contestId, judgeId, judgeCode);
  if (!assignment) return null;
  const { entry, contest } = assignment;
  const [criteria, urls, queue] = await Promise.all([
    rubricOf(contestId),
    viewUrls(entry.media),
    judgeQueue(contestId, judgeId),
  ]);
  const index = queue.findIndex((q) => q.code === judgeCode);
  return {
    assignment: { id: assignment.id, status: assignment.status, revision: assignment.revision },
    sheet: parseSheet(assignment.scores, assignment.comments),
    open: roundOpen(contest),
    closesAt: contest.judgingEndsAt.toISOString(),
    timezone: contest.timezone,
    criteria,
    previous: queue[index - 1]?.code ?? null,
    next: queue[index + 1]?.code ?? null,
    position: index + 1,
    total: queue.length,
    entry: {
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
      media: entry.media.map((m) => ({
        id: m.id,
        type: m.detectedType ?? "",
        altText: m.altText,
        width: m.width,
        height: m.height,
        url: urls[m.id]?.url ?? null,
        poster: urls[m.id]?.poster ?? null,
        captions: isTimed(m.detectedType) && m.captionsKey ? { lang: m.captionsLang ?? "" } : null,
      })),
    },
  };
}

/** The captions of a file on an entry assigned to this judge, or null. */
export async function judgeCaptions(contestId: string, judgeId: string, judgeCode: string, assetId: string) {
  const assignment = await findAssignment(contestId, judgeId, judgeCode);
  const key = assignment?.entry.media.find((m) => m.id === assetId)?.captionsKey;
  return key ? storage().getBytes(key) : null;
}

export type SaveSheetResult =
  | { ok: true; revision: number; status: string }
  | {
      ok: false;
      reason: "notFound" | "closed" | "conflict" | "invalid";
      problems?: { key: string; values?: Record<string, unknown> }[];
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
): Promise<SaveSheetResult> {
  const assignment = await findAssignment(contestId, judgeId, judgeCode);
  if (!assignment) return { ok: false, reason: "notFound" };
  if (!roundOpen(assignment.contest)) return { ok: false, reason: "closed" };
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
  const { count } = await db.assignment.updateMany({
    where: { id: assignment.id, revision: input.revision },
    data: {
      scores,
      comments,
      status,
      submittedAt: input.submit ? now() : assignment.submittedAt,
      revision: { increment: 1 },
    },
  });
  if (count === 0) return { ok: false, reason: "conflict" };
  return { ok: true, revision: input.revision + 1, status };
}

/** Reminds judges with unfinished entries once, in the 48 hours before a round closes. */
export const REMIND_BEFORE_MS = 48 * 60 * 60 * 1000;

export async function remindJudges() {
  const at = now();
  const contests = await db.contest.findMany({
    where: { judgingEndsAt: { gt: at, lte: new Date(at.getTime() + REMIND_BEFORE_MS) } },
  });
  let reminded = 0;
  for (const contest of contests) {
    const unfinished = await db.assignment.groupBy({
      by: ["judgeId"],
      where: { contestId: contest.id, round: ROUND, recusedAt: null, status: "draft", entry: { status: "eligible" } },
      _count: { _all: true },
    });
    for (const row of unfinished) {
      const judge = await db.user.findUniqueOrThrow({ where: { id: row.judgeId } });
      await db.$transaction((tx) =>
        queueEmail(tx, {
          template: "judge-reminder",
          to: judge.email,
          locale: judge.locale ?? "en",
          payload: {
            contest: contest.title,
            unfinished: row._count._all,
            closesAt: contest.judgingEndsAt.toISOString(),
            timezone: contest.timezone,
            link: `${env().APP_URL}/judge/${contest.slug}`,
          },
          // one reminder per judge and round, however often this runs
          idempotencyKey: `judge-reminder:${contest.id}:${ROUND}:${judge.id}`,
        }),
      );
      reminded += 1;
    }
  }
  return reminded;
}
