import { db, Prisma, type Contest } from "~/services/db.server";
import { now } from "~/services/clock.server";
import { audit } from "./audit.server";
import { submissionsCloseAt } from "./contest";
import { DEFAULT_CATEGORIES, DEFAULT_RUBRIC } from "./contest-defaults";
import { contestTranslations } from "./contest-texts";
import { statusAfter, statusAt, transitionsAt, type Transition } from "./lifecycle";

/**
 * Moving a contest through its lifecycle, by an organizer's hand or by the timeline, and
 * starting a new edition from an earlier one.
 */

/** What stops a contest from opening, as translation keys; empty when it may open. */
export async function readinessProblems(contest: Contest) {
  const problems: string[] = [];
  const [categories, criteria] = await Promise.all([
    db.category.count({ where: { contestId: contest.id, archivedAt: null } }),
    db.rubricCriterion.findMany({ where: { contestId: contest.id }, select: { weight: true } }),
  ]);
  if (!contest.summary.trim() || !contest.theme.trim()) problems.push("lifecycle.needsTexts");
  if (categories === 0) problems.push("lifecycle.needsCategory");
  if (criteria.reduce((sum, c) => sum + c.weight, 0) !== 100) problems.push("lifecycle.needsRubric");
  if (submissionsCloseAt(contest) <= now()) problems.push("lifecycle.deadlinePassed");
  return problems;
}

export type TransitionResult = { ok: true } | { ok: false; problems: string[] };

/**
 * An organizer's move. Refused (nothing changes) when the contest is no longer where the
 * organizer saw it (`seen` is the status their page showed), when the move does not apply, or
 * when the contest is not ready to open. Back to draft only while nobody has submitted.
 */
export async function moveContest(
  contest: Contest,
  transition: Transition,
  seen: string,
  actorId: string,
): Promise<TransitionResult> {
  const at = now();
  const status = statusAt(contest, at);
  if (status !== seen || !transitionsAt(contest, at).includes(transition)) {
    return { ok: false, problems: ["lifecycle.stale"] };
  }
  if (transition === "open" || transition === "reopen") {
    const problems = await readinessProblems(contest);
    if (problems.length > 0) return { ok: false, problems };
  }
  const next = statusAfter(transition);
  return db.$transaction(async (tx) => {
    // Inside the transaction, so that an entry submitted at this moment is counted.
    if (transition === "backToDraft") {
      const submitted = await tx.entry.count({ where: { contestId: contest.id, submittedAt: { not: null } } });
      if (submitted > 0) return { ok: false as const, problems: ["lifecycle.hasSubmissions"] };
    }
    // Only from the status read above: a second click, or another organizer, changes nothing.
    const moved = await tx.contest.updateMany({
      where: { id: contest.id, status: contest.status },
      data: { status: next },
    });
    if (moved.count === 0) return { ok: false as const, problems: ["lifecycle.stale"] };
    await audit(tx, {
      contestId: contest.id,
      actorId,
      action: "contest.status",
      subject: next,
      detail: { from: status, to: next, transition },
    });
    return { ok: true as const };
  });
}

/** The timeline's moves: open contests past their deadline close, and closed ones reach judging. Hourly. */
export async function advanceContests() {
  const at = now();
  const contests = await db.contest.findMany({ where: { status: { in: ["open", "closed"] } } });
  let moved = 0;
  for (const contest of contests) {
    const next = statusAt(contest, at);
    if (next === contest.status) continue;
    await db.$transaction(async (tx) => {
      const changed = await tx.contest.updateMany({
        where: { id: contest.id, status: contest.status },
        data: { status: next },
      });
      if (changed.count === 0) return;
      moved += 1;
      await audit(tx, {
        contestId: contest.id,
        actorId: null,
        action: "contest.status",
        subject: next,
        detail: { from: contest.status, to: next, transition: "timeline" },
      });
    });
  }
  return moved;
}

/** Adds whole years to a date until it is after `after` (at least one year when `atLeastOne`). */
function yearsLater(date: Date, years: number) {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

/** A contest's translations without their titles: a new edition is named afresh. */
function withoutTitles(json: string) {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(contestTranslations(json)).map(([locale, { title: _title, ...texts }]) => [locale, texts]),
    ),
  );
}

export type NewEdition = { title: string; slug: string; codePrefix: string; copyFrom?: string };

/**
 * A new contest in draft. Copied from an earlier one: its texts, rules, eligibility, judging
 * settings, email wording, categories and rubric, with every date moved on by whole years until
 * it opens in the future. Entries, judges, scores and awards stay with the old edition (judges
 * are invited to each edition). Without a contest to copy: Mosaic's default categories and rubric.
 * A short name or prefix that another edition takes meanwhile is refused like one taken before.
 */
export async function createEdition(
  input: NewEdition,
  actorId: string,
): Promise<{ ok: true; slug: string } | { ok: false; field: "slug" | "codePrefix" | "copyFrom" }> {
  const [slugTaken, prefixTaken] = await Promise.all([
    db.contest.findUnique({ where: { slug: input.slug }, select: { id: true } }),
    db.contest.findUnique({ where: { codePrefix: input.codePrefix }, select: { id: true } }),
  ]);
  if (slugTaken) return { ok: false, field: "slug" };
  if (prefixTaken) return { ok: false, field: "codePrefix" };
  const at = now();
  let data: Prisma.ContestCreateInput;
  if (input.copyFrom) {
    const source = await db.contest.findUnique({
      where: { slug: input.copyFrom },
      include: {
        categories: { where: { archivedAt: null }, orderBy: { position: "asc" } },
        criteria: { orderBy: { position: "asc" } },
      },
    });
    if (!source) return { ok: false, field: "copyFrom" };
    let years = 1;
    while (yearsLater(source.opensAt, years) <= at) years += 1;
    const {
      id: _id,
      slug: _slug,
      codePrefix: _prefix,
      title: _title,
      createdAt: _created,
      updatedAt: _updated,
      categories,
      criteria,
      ...rest
    } = source;
    data = {
      ...rest,
      slug: input.slug,
      codePrefix: input.codePrefix,
      title: input.title,
      // the other languages' texts come along, but for the old edition's title
      translations: withoutTitles(source.translations),
      status: "draft",
      lastEntryNumber: 0,
      finalRoundEndsAt: null,
      resultsPublishedAt: null,
      retentionDoneAt: null,
      opensAt: yearsLater(source.opensAt, years),
      deadline: yearsLater(source.deadline, years),
      judgingStartsAt: yearsLater(source.judgingStartsAt, years),
      judgingEndsAt: yearsLater(source.judgingEndsAt, years),
      announcementAt: yearsLater(source.announcementAt, years),
      // the new edition's feedback is reviewed and released afresh; its vote moves with its dates
      feedbackReleasedAt: null,
      votingOpensAt: source.votingOpensAt ? yearsLater(source.votingOpensAt, years) : null,
      votingClosesAt: source.votingClosesAt ? yearsLater(source.votingClosesAt, years) : null,
      categories: {
        create: categories.map(({ id: _c, contestId: _k, archivedAt: _a, ...category }) => category),
      },
      criteria: { create: criteria.map(({ id: _c, contestId: _k, ...criterion }) => criterion) },
    };
  } else {
    const day = 24 * 60 * 60 * 1000;
    const on = (days: number) => {
      const d = new Date(at.getTime() + days * day);
      d.setUTCHours(12, 0, 0, 0);
      return d;
    };
    data = {
      slug: input.slug,
      codePrefix: input.codePrefix,
      title: input.title,
      theme: "",
      summary: "",
      rules: "",
      organizerName: "",
      timezone: "UTC",
      opensAt: on(30),
      deadline: on(90),
      judgingStartsAt: on(95),
      judgingEndsAt: on(115),
      announcementAt: on(125),
      // a new contest ranks with the calibrated model (it falls back to z-scores when too few sheets)
      normalisation: "calibrated",
      categories: { create: DEFAULT_CATEGORIES.map((category, position) => ({ ...category, position })) },
      criteria: { create: DEFAULT_RUBRIC.map((criterion, position) => ({ ...criterion, position })) },
    };
  }
  try {
    const created = await db.$transaction(async (tx) => {
      const contest = await tx.contest.create({ data });
      await audit(tx, {
        contestId: contest.id,
        actorId,
        action: "contest.created",
        subject: contest.title,
        detail: { copiedFrom: input.copyFrom ?? null },
      });
      return contest;
    });
    return { ok: true, slug: created.slug };
  } catch (error) {
    // another edition took the short name or the prefix between the check and the save
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const target = String(error.meta?.target ?? "");
    return { ok: false, field: target.includes("codePrefix") ? "codePrefix" : "slug" };
  }
}
