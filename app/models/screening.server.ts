import { foldForSearch } from "~/services/search-text";
import type { Locale } from "~/i18n";
import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { queueEmail } from "~/services/email.server";
import { env } from "~/services/env.server";
import { audit } from "./audit.server";
import { endOfDayIn, submissionsCloseAt } from "./contest";
import { SCREENABLE_STATUSES } from "./entry";
import { emailNoteIn, titleIn } from "./contest-texts";

/**
 * Screening: organizers look at each submitted entry and mark it eligible (it goes to the judges,
 * with a content warning when a do-no-harm flag is raised), ineligible (the entrant is told why)
 * or returned for changes (the entrant fixes it before the deadline, or a date the organizer
 * sets). Every decision is kept with who made it and when.
 */

export const SCREENING_PAGE = 25;
export type ScreeningQuery = { status: string; q: string; page: number };

/**
 * The entries organizers screen, oldest submission first, 25 a page: all of them, or those of one
 * status (the queue is "submitted"), searchable by reference or title.
 */
export async function screeningQueue(contestId: string, query: ScreeningQuery) {
  const q = query.q.trim();
  const where = {
    contestId,
    status: SCREENABLE_STATUSES.includes(query.status) ? query.status : { in: SCREENABLE_STATUSES },
    ...(q
      ? { OR: [{ referenceCode: { contains: q.toUpperCase() } }, { searchTitle: { contains: foldForSearch(q) } }] }
      : {}),
  };
  const [total, waiting, rows] = await Promise.all([
    db.entry.count({ where }),
    db.entry.count({ where: { contestId, status: "submitted" } }),
    db.entry.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * SCREENING_PAGE,
      take: SCREENING_PAGE,
      select: {
        id: true,
        referenceCode: true,
        title: true,
        summary: true,
        status: true,
        contentWarning: true,
        organizerMessage: true,
        editableUntil: true,
        identifiablePeople: true,
        showsSurvivors: true,
        showsExactLocations: true,
        graphicContent: true,
        submittedAt: true,
        updatedAt: true,
        category: { select: { name: true } },
        entrant: { select: { fullName: true, country: true } },
        _count: { select: { releases: true, media: true } },
        screening: {
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { decision: true, createdAt: true, flags: true, actor: { select: { email: true } } },
        },
      },
    }),
  ]);
  return { total, waiting, pages: Math.max(1, Math.ceil(total / SCREENING_PAGE)), rows };
}

export type ScreeningInput = {
  entryId: string;
  decision: "eligible" | "ineligible" | "returned";
  message: string;
  flags: string[];
  /** a calendar date (YYYY-MM-DD): the entrant may change the entry until the end of it, in the contest's zone */
  returnUntil: string | null;
  /** when the entry had last changed as the organizer saw it: a decision on a stale page is refused */
  seen: string;
};

/**
 * Records a decision. It applies only to an entry in the state the organizer saw (a double click
 * or two organizers at once make one decision), and emails the entrant when they must act or
 * know why.
 */
export async function decideEntry(contestId: string, actorId: string, input: ScreeningInput, locale: Locale) {
  const entry = await db.entry.findFirst({
    where: { id: input.entryId, contestId, status: { in: SCREENABLE_STATUSES } },
    include: { entrant: true, contest: true },
  });
  if (!entry) return { ok: false as const, reason: "notFound" as const };
  if (entry.updatedAt.toISOString() !== input.seen) return { ok: false as const, reason: "changed" as const };
  const until =
    input.decision === "returned" && input.returnUntil ? endOfDayIn(input.returnUntil, entry.contest.timezone) : null;
  if (until && until <= now()) return { ok: false as const, reason: "pastDate" as const };
  // Past the deadline, a returned entry can only be changed until a date the organizer gives.
  if (input.decision === "returned" && !until && submissionsCloseAt(entry.contest) <= now()) {
    return { ok: false as const, reason: "dateNeeded" as const };
  }
  const status = input.decision;
  return db.$transaction(async (tx) => {
    const { count } = await tx.entry.updateMany({
      where: { id: entry.id, status: entry.status, updatedAt: entry.updatedAt },
      data: {
        status,
        organizerMessage: input.decision === "eligible" ? "" : input.message,
        editableUntil: until,
        contentWarning: input.decision === "eligible" && input.flags.length > 0,
      },
    });
    if (count === 0) return { ok: false as const, reason: "changed" as const };
    // An entry that leaves judging takes its assignments (and any scores) with it: if it comes
    // back, it is assigned and scored afresh, as the work it then is.
    if (input.decision !== "eligible") {
      await tx.assignment.deleteMany({ where: { entryId: entry.id } });
      await tx.award.deleteMany({ where: { entryId: entry.id } });
    }
    await audit(tx, {
      contestId,
      actorId,
      action: "screening.decided",
      subject: entry.referenceCode ?? entry.id,
      detail: { decision: input.decision, flags: input.flags, message: input.message, until: until?.toISOString() },
    });
    const decision = await tx.screeningDecision.create({
      data: {
        entryId: entry.id,
        actorId,
        decision: input.decision,
        message: input.message,
        flags: input.flags.join(","),
        returnUntil: until,
        createdAt: now(),
      },
    });
    if (input.decision !== "eligible") {
      const reader = (entry.entrant.locale as Locale | null) ?? locale;
      await queueEmail(tx, {
        template: "entry-screened",
        to: entry.entrant.email,
        locale: reader,
        payload: {
          decision: input.decision,
          referenceCode: entry.referenceCode ?? "",
          title: entry.title,
          contest: titleIn(entry.contest, reader),
          message: input.message,
          until: until?.toISOString() ?? null,
          timezone: entry.contest.timezone,
          link: `${env().APP_URL}/entries/${entry.id}`,
          note: emailNoteIn(entry.contest, "screened", reader),
        },
        idempotencyKey: `entry-screened:${decision.id}`,
      });
    }
    return { ok: true as const };
  });
}
