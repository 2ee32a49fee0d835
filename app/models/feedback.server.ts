import { createHash } from "node:crypto";
import { queueEmails } from "~/services/email.server";
import { enqueueJob } from "~/services/jobs.server";
import { env } from "~/services/env.server";
import { db } from "~/services/db.server";
import { now } from "~/services/clock.server";
import { audit } from "./audit.server";
import { judgingOverAt } from "./lifecycle";
import { rubricOf } from "./rubric.server";
import { ENTRANT_NOTE, MAX_NOTE_LENGTH, parseSheet, sheetTotal, type RubricCriterion } from "./scoring";
import { categoryNameIn, titleIn } from "./contest-texts";

/**
 * Feedback to entrants. Where a contest gives it, judges write a note to the entrant beside their
 * scores (the sheet's "entrant" comment). Organizers read every note first: they may edit one
 * (a name, an unkind phrase) or hold it back. Once they release the notes and the results are
 * public, each entrant reads their judges' notes on their entry page and in an email, never who
 * wrote them, and, where organizers chose, their work's average score and their category's.
 */

/** A category's average is shown only over this many judged works, so it reveals nobody's score. */
export const MIN_WORKS_FOR_AVERAGE = 5;

type Sheet = {
  id: string;
  entryId: string;
  scores: string;
  comments: string;
  noteEdited: string | null;
  noteHeld: boolean;
};

const SHEET_SELECT = {
  id: true,
  entryId: true,
  scores: true,
  comments: true,
  noteEdited: true,
  noteHeld: true,
} as const;

/**
 * Scoring-round sheets a judge submitted and still stands behind, of eligible entries: what
 * feedback is made from.
 */
function submittedSheets(contestId: string, scope: { entryId?: string; categoryId?: string } = {}) {
  return db.assignment.findMany({
    where: {
      contestId,
      round: "scoring",
      status: "submitted",
      recusedAt: null,
      ...(scope.entryId ? { entryId: scope.entryId } : {}),
      entry: { status: "eligible", ...(scope.categoryId ? { categoryId: scope.categoryId } : {}) },
    },
    select: { ...SHEET_SELECT, entry: { select: { categoryId: true } } },
    orderBy: { id: "asc" },
  });
}

function writtenNote(sheet: Sheet) {
  return parseSheet(sheet.scores, sheet.comments).comments[ENTRANT_NOTE] ?? "";
}

/** What the entrant reads of one sheet: the organizers' edit if any, nothing if held. */
function releasedNote(sheet: Sheet) {
  if (sheet.noteHeld) return "";
  return (sheet.noteEdited ?? writtenNote(sheet)).trim();
}

/**
 * The order entrants read notes in: fixed for an entry, but unrelated to the order judges were
 * assigned or wrote in, so position says nothing about who wrote which.
 */
function blindOrder<T extends { id: string }>(sheets: T[]) {
  const key = (id: string) => createHash("sha256").update(`note:${id}`).digest("hex");
  return [...sheets].sort((a, b) => (key(a.id) < key(b.id) ? -1 : 1));
}

function mean(values: number[]) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Each entry's mean weighted total (0–100) over its submitted sheets. */
function entryAverages(criteria: RubricCriterion[], sheets: Sheet[]) {
  const totals = new Map<string, number[]>();
  for (const sheet of sheets) {
    const total = sheetTotal(criteria, parseSheet(sheet.scores, sheet.comments).scores);
    if (total === null) continue;
    totals.set(sheet.entryId, [...(totals.get(sheet.entryId) ?? []), total]);
  }
  return new Map([...totals].map(([entryId, list]) => [entryId, mean(list)!]));
}

/** Whether entrants of this contest can read feedback now. */
export function feedbackOut(contest: {
  feedback: boolean;
  feedbackReleasedAt: Date | null;
  resultsPublishedAt: Date | null;
}) {
  return Boolean(contest.feedback && contest.feedbackReleasedAt && contest.resultsPublishedAt);
}

/**
 * What the entrant of one entry reads, from the submitted sheets of the entry's category: the
 * released notes in blind order and, where organizers chose, the averages. Null when nothing.
 */
function feedbackOf(
  entryId: string,
  categorySheets: (Sheet & { entry: { categoryId: string } })[],
  criteria: RubricCriterion[] | null,
) {
  const own = categorySheets.filter((sheet) => sheet.entryId === entryId);
  if (own.length === 0) return null;
  const notes = blindOrder(own)
    .map(releasedNote)
    .filter((note) => note.length > 0);
  let scores: { average: number; categoryAverage: number | null } | null = null;
  if (criteria) {
    const averages = entryAverages(criteria, categorySheets);
    const average = averages.get(entryId);
    // in a small category the average would give away the other entrants' scores
    const categoryAverage = averages.size >= MIN_WORKS_FOR_AVERAGE ? mean([...averages.values()]) : null;
    if (average !== undefined) scores = { average, categoryAverage };
  }
  return notes.length || scores ? { notes, scores } : null;
}

/**
 * The feedback an entrant reads about one of their entries, or null when there is none to read
 * (the contest gives none, it is not released, the entry was not judged).
 */
export async function entryFeedback(entryId: string) {
  const entry = await db.entry.findUnique({
    where: { id: entryId },
    select: {
      status: true,
      categoryId: true,
      anonymisedAt: true,
      contest: {
        select: { id: true, feedback: true, feedbackScores: true, feedbackReleasedAt: true, resultsPublishedAt: true },
      },
    },
  });
  if (!entry || entry.anonymisedAt || entry.status !== "eligible" || !feedbackOut(entry.contest)) return null;
  const { contest } = entry;
  const sheets = await submittedSheets(
    contest.id,
    contest.feedbackScores ? { categoryId: entry.categoryId } : { entryId },
  );
  return feedbackOf(entryId, sheets, contest.feedbackScores ? await rubricOf(contest.id) : null);
}

/** Every note of a contest as organizers review it, entry by entry (entries without notes left out). */
export async function feedbackReview(contestId: string) {
  const contest = await db.contest.findUniqueOrThrow({
    where: { id: contestId },
    select: { feedback: true, feedbackScores: true, feedbackReleasedAt: true, resultsPublishedAt: true },
  });
  const sheets = await db.assignment.findMany({
    where: { contestId, round: "scoring", status: "submitted", recusedAt: null, entry: { status: "eligible" } },
    select: {
      ...SHEET_SELECT,
      entry: {
        select: { referenceCode: true, title: true, category: { select: { name: true, position: true } } },
      },
    },
  });
  const byEntry = new Map<
    string,
    { entryId: string; referenceCode: string; title: string; category: string; position: number; notes: ReviewNote[] }
  >();
  for (const sheet of blindOrder(sheets)) {
    const written = writtenNote(sheet);
    if (!written && sheet.noteEdited === null) continue;
    const row = byEntry.get(sheet.entryId) ?? {
      entryId: sheet.entryId,
      referenceCode: sheet.entry.referenceCode ?? "",
      title: sheet.entry.title,
      category: sheet.entry.category.name,
      position: sheet.entry.category.position,
      notes: [],
    };
    row.notes.push({ id: sheet.id, written, edited: sheet.noteEdited, held: sheet.noteHeld });
    byEntry.set(sheet.entryId, row);
  }
  const entries = [...byEntry.values()].sort(
    (a, b) => a.position - b.position || a.referenceCode.localeCompare(b.referenceCode),
  );
  return {
    ...contest,
    entries,
    noteCount: entries.reduce((n, e) => n + e.notes.length, 0),
    heldCount: entries.reduce((n, e) => n + e.notes.filter((note) => note.held).length, 0),
  };
}

export type ReviewNote = { id: string; written: string; edited: string | null; held: boolean };

/**
 * An organizer's review of one note: the text entrants will read (the judge's own words when
 * unchanged) and whether it is held back. Refused once the feedback is out: entrants have read it.
 */
export async function reviewNote(
  contestId: string,
  assignmentId: string,
  review: { text: string; held: boolean },
  actorId: string,
) {
  return db.$transaction(async (tx) => {
    const contest = await tx.contest.findUniqueOrThrow({
      where: { id: contestId },
      select: { feedback: true, feedbackReleasedAt: true, resultsPublishedAt: true },
    });
    if (feedbackOut(contest)) return { ok: false as const, reason: "released" as const };
    const sheet = await tx.assignment.findFirst({
      where: { id: assignmentId, contestId, round: "scoring", status: "submitted", recusedAt: null },
      select: { ...SHEET_SELECT, entry: { select: { referenceCode: true } } },
    });
    if (!sheet) return { ok: false as const, reason: "notFound" as const };
    const text = review.text.trim().slice(0, MAX_NOTE_LENGTH);
    const edited = text === writtenNote(sheet) ? null : text;
    if (edited === sheet.noteEdited && review.held === sheet.noteHeld) return { ok: true as const };
    await tx.assignment.update({ where: { id: sheet.id }, data: { noteEdited: edited, noteHeld: review.held } });
    // The judge's words are not copied into the trail: it says what changed, not what was said.
    await audit(tx, {
      contestId,
      actorId,
      action: "feedback.reviewed",
      subject: sheet.entry.referenceCode ?? "",
      detail: { note: sheet.id, edited: edited !== null, held: review.held },
    });
    return { ok: true as const };
  });
}

/**
 * Organizers release the notes once judging is over (before, a judge could still change a note
 * after it was reviewed): entrants read them as soon as the results are public, at once if they
 * are. The emails are sent by a job queued in the same transaction, so a release is never left
 * without its emails; publication sends them too, and each is sent once.
 */
export async function releaseFeedback(contestId: string, actorId: string) {
  return db.$transaction(async (tx) => {
    const contest = await tx.contest.findUniqueOrThrow({ where: { id: contestId } });
    if (now() < judgingOverAt(contest)) return { ok: false as const, reason: "judgingOpen" as const };
    const { count } = await tx.contest.updateMany({
      where: { id: contestId, feedback: true, feedbackReleasedAt: null },
      data: { feedbackReleasedAt: now() },
    });
    if (count) {
      await audit(tx, { contestId, actorId, action: "feedback.released" });
      await enqueueJob(tx, "feedback.send", { contestId });
    }
    return { ok: true as const };
  });
}

/**
 * Queues the feedback email to each entrant with something to read, once the feedback is out.
 * Called when organizers release it and when the results are published; each email has its own
 * idempotency key, so a second call sends nothing twice.
 */
export async function sendFeedback(contestId: string) {
  const contest = await db.contest.findUniqueOrThrow({ where: { id: contestId } });
  if (!feedbackOut(contest)) return 0;
  const entries = await db.entry.findMany({
    where: { contestId, status: "eligible", anonymisedAt: null, entrant: { deactivatedAt: null } },
    select: {
      id: true,
      title: true,
      referenceCode: true,
      categoryId: true,
      category: { select: { name: true, translations: true } },
      entrant: { select: { email: true, locale: true } },
    },
  });
  const sheets = await submittedSheets(contestId);
  const criteria = contest.feedbackScores ? await rubricOf(contestId) : null;
  const byCategory = new Map<string, typeof sheets>();
  for (const sheet of sheets)
    byCategory.set(sheet.entry.categoryId, [...(byCategory.get(sheet.entry.categoryId) ?? []), sheet]);
  const messages = [];
  for (const entry of entries) {
    const feedback = feedbackOf(entry.id, byCategory.get(entry.categoryId) ?? [], criteria);
    if (!feedback) continue;
    messages.push({
      template: "feedback" as const,
      to: entry.entrant.email,
      locale: entry.entrant.locale ?? "en",
      idempotencyKey: `feedback:${contestId}:${entry.id}`,
      payload: {
        contest: titleIn(contest, entry.entrant.locale ?? "en"),
        title: entry.title,
        referenceCode: entry.referenceCode ?? "",
        category: categoryNameIn(entry.category, contest, entry.entrant.locale ?? "en"),
        notes: feedback.notes,
        average: feedback.scores ? Math.round(feedback.scores.average) : null,
        categoryAverage: feedback.scores?.categoryAverage != null ? Math.round(feedback.scores.categoryAverage) : null,
        link: `${env().APP_URL}/entries/${entry.id}#feedback`,
      },
    });
  }
  await queueEmails(messages);
  return messages.length;
}
