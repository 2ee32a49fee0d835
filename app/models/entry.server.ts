import { db, serializable, type Prisma } from "~/services/db.server";
import { randomBytes } from "node:crypto";
import { now } from "~/services/clock.server";
import { categoryNameIn, emailNoteIn, titleIn } from "./contest-texts";
import { queueEmail } from "~/services/email.server";
import { env } from "~/services/env.server";
import { log } from "~/services/log.server";
import { contestPhase, splitList } from "./contest";
import { entryCountProblems, needsGuardianConsent, personProblems, type EligibilityProfile } from "./eligibility";
import type { Problem } from "./problem";
import {
  announcedDeadline,
  EDITABLE_STATUSES,
  entryEditable,
  lockedProblem,
  missingForSubmit,
  type GuardianState,
} from "./entry";
import { hasAcceptedTerms, profileComplete } from "./profile.server";

/** Entries that count towards the limits per person. */
const LIVE_STATUSES = ["draft", "submitted", "returned", "eligible"];

function eligibilityContest(contest: {
  deadline: Date;
  timezone: string;
  minAge: number | null;
  maxAge: number | null;
  allowedCountries: string | null;
  maxEntriesPerUser: number;
  maxEntriesPerCategory: number;
  guardianConsentUnder: number | null;
}) {
  return { ...contest, allowedCountries: splitList(contest.allowedCountries) };
}

function phaseProblem(contest: Parameters<typeof contestPhase>[0]): Problem[] {
  const phase = contestPhase(contest, now());
  if (phase === "closed") return [{ key: "eligibility.closed" }];
  if (phase === "upcoming") return [{ key: "eligibility.notOpen" }];
  return [];
}

/**
 * Whether this person may start an entry in this contest now: `problems` with the person or the
 * contest (empty when none), and `inCategory` for the limits per category. Reads everything once.
 */
export async function startState(userId: string, contestId: string, client: Prisma.TransactionClient = db) {
  // one query at a time: the client may be an interactive transaction
  const user = await client.user.findUniqueOrThrow({ where: { id: userId } });
  const contest = await client.contest.findUniqueOrThrow({ where: { id: contestId } });
  const rules = eligibilityContest(contest);
  const problems = phaseProblem(contest);
  if (!problems.length && (!profileComplete(user) || !(await hasAcceptedTerms(userId, client)))) {
    problems.push({ key: "eligibility.profileIncomplete" });
  }
  if (!problems.length) problems.push(...personProblems(rules, user));
  const live = problems.length
    ? []
    : await client.entry.findMany({
        where: { contestId, entrantId: userId, status: { in: LIVE_STATUSES } },
        select: { categoryId: true },
      });
  return {
    problems,
    inCategory: (categoryId: string): Problem[] =>
      problems.length ? problems : entryCountProblems(rules, live, categoryId),
  };
}

export async function startEntry(userId: string, contestId: string, categoryId: string) {
  const category = await db.category.findFirst({ where: { id: categoryId, contestId, archivedAt: null } });
  if (!category) return { ok: false as const, problems: [{ key: "errors.badRequest" }] };
  // Serializable: two clicks (or two tabs) cannot both pass the count and create two entries.
  return serializable(async (tx) => {
    const problems = (await startState(userId, contestId, tx)).inCategory(categoryId);
    if (problems.length) return { ok: false as const, problems };
    const entry = await tx.entry.create({
      data: { contestId, categoryId, entrantId: userId, judgeCode: randomBytes(6).toString("hex").toUpperCase() },
    });
    return { ok: true as const, entryId: entry.id };
  });
}

/** The entrant's own entry, or null: every query about an entry is scoped to who asks. */
export function getOwnEntry(userId: string, entryId: string) {
  return db.entry.findFirst({
    where: { id: entryId, entrantId: userId },
    include: {
      category: true,
      contest: true,
      media: { orderBy: { position: "asc" } },
      guardianConsents: { orderBy: { createdAt: "desc" }, take: 1 },
      _count: { select: { releases: true } },
    },
  });
}
export type OwnEntry = NonNullable<Awaited<ReturnType<typeof getOwnEntry>>>;

/** The entrant's own entry while it may still change (before the deadline, not withdrawn), or null. */
export async function getEditableEntry(userId: string, entryId: string) {
  const entry = await getOwnEntry(userId, entryId);
  if (!entry || !entryEditable(entry, now())) return null;
  return entry;
}

/** The user's entries, newest first, their contest's title and category's name in `locale` where given. */
export async function listOwnEntries(userId: string, locale: string) {
  const entries = await db.entry.findMany({
    where: { entrantId: userId },
    orderBy: { createdAt: "desc" },
    include: {
      category: { select: { name: true, translations: true } },
      contest: { select: { title: true, slug: true, resultsPublishedAt: true, languages: true, translations: true } },
      award: { select: { place: true } },
    },
  });
  return entries.map(({ category, contest, ...entry }) => ({
    ...entry,
    category: { name: categoryNameIn(category, contest, locale) },
    contest: {
      title: titleIn(contest, locale),
      slug: contest.slug,
      resultsPublishedAt: contest.resultsPublishedAt,
    },
  }));
}

export type DraftFields = {
  title: string;
  summary: string;
  statement: string;
  language: string;
  aiUse: string | null;
  aiUseDetails: string;
  transcript: string;
  originalWork: boolean;
  licence: boolean;
  identifiablePeople: boolean | null;
  releases: boolean;
  showsSurvivors: boolean | null;
  showsExactLocations: boolean | null;
  graphicContent: boolean | null;
};

/** Whether the posted form holds exactly what is stored (a retried or doubled request). */
function sameAsStored(stored: OwnEntry, fields: DraftFields) {
  return (
    fields.title === stored.title &&
    fields.summary === stored.summary &&
    fields.statement === stored.statement &&
    fields.language === stored.language &&
    fields.aiUse === stored.aiUse &&
    fields.aiUseDetails === stored.aiUseDetails &&
    fields.transcript === stored.transcript &&
    fields.originalWork === Boolean(stored.originalWorkAt) &&
    fields.licence === Boolean(stored.licenceAt) &&
    fields.identifiablePeople === stored.identifiablePeople &&
    (fields.identifiablePeople === true && fields.releases) === Boolean(stored.releasesAt) &&
    fields.showsSurvivors === stored.showsSurvivors &&
    fields.showsExactLocations === stored.showsExactLocations &&
    fields.graphicContent === stored.graphicContent
  );
}

export type SaveResult =
  | { ok: true; revision: number; status: string }
  | { ok: false; reason: "notFound" | "closed" | "frozen" | "conflict"; revision?: number };

/**
 * Saves the draft if nobody saved since `revision` (another tab would otherwise be overwritten
 * silently). A declaration keeps the moment it was first made. Changing a submitted entry turns
 * it back into a draft that must be submitted again.
 */
export async function saveDraft(
  userId: string,
  entryId: string,
  revision: number,
  fields: DraftFields,
): Promise<SaveResult> {
  const entry = await getOwnEntry(userId, entryId);
  if (entry?.status === "eligible") return { ok: false, reason: "frozen" };
  if (!entry || !EDITABLE_STATUSES.includes(entry.status)) return { ok: false, reason: "notFound" };
  if (!entryEditable(entry, now())) return { ok: false, reason: "closed" };
  const at = now();
  const since = (checked: boolean, previous: Date | null) => (checked ? (previous ?? at) : null);
  const unchanged = sameAsStored(entry, fields);
  // Saving the same values again (a retried request, a second click) changes nothing, and
  // leaves a submitted entry submitted.
  if (unchanged) return { ok: true, revision: entry.revision, status: entry.status };
  if (entry.revision !== revision) return { ok: false, reason: "conflict", revision: entry.revision };
  const { count } = await db.entry.updateMany({
    // the status too: a screening decision made since this request read the entry is not undone
    where: { id: entryId, entrantId: userId, revision, status: { in: EDITABLE_STATUSES } },
    data: {
      title: fields.title,
      summary: fields.summary,
      statement: fields.statement,
      language: fields.language,
      aiUse: fields.aiUse,
      aiUseDetails: fields.aiUseDetails,
      transcript: fields.transcript,
      originalWorkAt: since(fields.originalWork, entry.originalWorkAt),
      licenceAt: since(fields.licence, entry.licenceAt),
      identifiablePeople: fields.identifiablePeople,
      releasesAt: since(fields.identifiablePeople === true && fields.releases, entry.releasesAt),
      showsSurvivors: fields.showsSurvivors,
      showsExactLocations: fields.showsExactLocations,
      graphicContent: fields.graphicContent,
      status: "draft",
      submitWhenReadyAt: null,
      revision: { increment: 1 },
    },
  });
  if (count === 0) {
    // Another request saved first; if it saved these very values, this one has nothing to add.
    const latest = await getOwnEntry(userId, entryId);
    if (latest && sameAsStored(latest, fields)) return { ok: true, revision: latest.revision, status: latest.status };
    return { ok: false, reason: "conflict" };
  }
  return { ok: true, revision: revision + 1, status: "draft" };
}

/** Where the entry stands with a guardian, for an entrant young enough to need one. */
export function guardianState(entry: OwnEntry, entrant: EligibilityProfile): GuardianState {
  if (!needsGuardianConsent(eligibilityContest(entry.contest), entrant)) return "notNeeded";
  const latest = entry.guardianConsents[0];
  if (!latest) return "notAsked";
  // a consent taken back counts as a refusal: the entry cannot be submitted without a new one
  if (latest.decision === "refused" || latest.decision === "withdrawn") return "refused";
  // Consent holds for the entry as the guardian saw it; any later change needs a new answer.
  if (latest.decision === "consented") return latest.entryRevision === entry.revision ? "consented" : "changed";
  return "pending";
}

export function entryProblems(entry: OwnEntry, entrant: EligibilityProfile) {
  return missingForSubmit(entry, entry.category, entry.media, {
    releases: entry._count.releases,
    guardian: guardianState(entry, entrant),
  });
}

/** What an entrant's entry still lacks before it can be submitted, read afresh (after a save). */
export async function entryMissing(entrant: EligibilityProfile & { id: string }, entryId: string) {
  const entry = await getOwnEntry(entrant.id, entryId);
  return entry ? entryProblems(entry, entrant) : [];
}

export type SubmitResult =
  { ok: true; referenceCode: string; alreadySubmitted: boolean } | { ok: false; problems: Problem[] };

/**
 * Submits by the server's clock (or as of `at`, when the entrant asked at that moment). Submitting
 * twice (a double click, a retried request, two tabs) makes one submission and one receipt. An
 * entry complete but for files still being prepared for judges is submitted once they are ready
 * (see {@link submitWhenReady}): a film sent before the deadline is never shut out by the queue.
 */
export async function submitEntry(
  userId: string,
  entryId: string,
  locale: string,
  options: { at?: Date } = {},
): Promise<SubmitResult> {
  const at = options.at ?? now();
  const entry = await getOwnEntry(userId, entryId);
  if (!entry || !EDITABLE_STATUSES.includes(entry.status)) return { ok: false, problems: [{ key: "entry.notFound" }] };
  if (entry.status === "submitted" && entry.referenceCode) {
    return { ok: true, referenceCode: entry.referenceCode, alreadySubmitted: true };
  }
  if (!entryEditable(entry, at)) return { ok: false, problems: [lockedProblem(entry)] };
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const problems = [
    ...(!profileComplete(user) || !(await hasAcceptedTerms(userId)) ? [{ key: "missing.profile" }] : []),
    ...personProblems(eligibilityContest(entry.contest), user),
    ...entryProblems(entry, user),
  ];
  if (problems.length === 1 && problems[0]!.key === "missing.mediaPreparing" && !options.at) {
    const { count } = await db.entry.updateMany({
      where: { id: entryId, entrantId: userId, revision: entry.revision },
      data: { submitWhenReadyAt: at },
    });
    return { ok: false, problems: [{ key: count === 1 ? "entry.submitWhenReady" : "entry.conflict" }] };
  }
  if (problems.length) return { ok: false, problems };

  return db.$transaction(async (tx) => {
    const { count } = await tx.entry.updateMany({
      where: { id: entryId, entrantId: userId, status: { in: ["draft", "returned"] }, revision: entry.revision },
      data: { status: "submitted", submittedAt: at, submitWhenReadyAt: null },
    });
    const current = await tx.entry.findUniqueOrThrow({ where: { id: entryId } });
    if (count === 0) {
      return current.referenceCode && current.status === "submitted"
        ? { ok: true as const, referenceCode: current.referenceCode, alreadySubmitted: true }
        : { ok: false as const, problems: [{ key: "entry.conflict" }] };
    }
    let referenceCode = current.referenceCode;
    if (!referenceCode) {
      const contest = await tx.contest.update({
        where: { id: entry.contestId },
        data: { lastEntryNumber: { increment: 1 } },
      });
      referenceCode = `${contest.codePrefix}-${String(contest.lastEntryNumber).padStart(4, "0")}`;
      await tx.entry.update({ where: { id: entryId }, data: { referenceCode } });
    }
    await queueEmail(tx, {
      template: "entry-receipt",
      to: user.email,
      locale,
      payload: {
        referenceCode,
        title: entry.title,
        category: categoryNameIn(entry.category, entry.contest, locale),
        contest: titleIn(entry.contest, locale),
        deadline: announcedDeadline(entry).toISOString(),
        timezone: entry.contest.timezone,
        link: `${env().APP_URL}/entries`,
        note: emailNoteIn(entry.contest, "receipt", locale),
        retentionMonths: entry.contest.retentionMonths,
      },
      idempotencyKey: `entry-receipt:${entryId}:${entry.revision}`,
    });
    return { ok: true as const, referenceCode, alreadySubmitted: false };
  });
}

/**
 * Submits an entry whose entrant pressed Submit while its files were being prepared, once none is
 * still on the way, as of that moment (so after the deadline too); if it cannot be submitted
 * after all (a file was refused), the request lapses and the entry page says what is missing.
 */
export async function submitWhenReady(entryId: string) {
  const entry = await db.entry.findUnique({
    where: { id: entryId },
    include: { entrant: { select: { id: true, locale: true } }, media: { select: { state: true } } },
  });
  if (!entry?.submitWhenReadyAt || entry.media.some((m) => m.state === "uploaded" || m.state === "preparing")) return;
  const result = await submitEntry(entry.entrantId, entryId, entry.entrant.locale ?? "en", {
    at: entry.submitWhenReadyAt,
  });
  if (!result.ok) {
    await db.entry.updateMany({ where: { id: entryId }, data: { submitWhenReadyAt: null } });
    log.info({ entryId, problems: result.problems.map((p) => p.key) }, "entry not submitted once ready");
  }
}

/** Withdraws the entry; possible until the deadline. */
export async function withdrawEntry(userId: string, entryId: string) {
  const entry = await getOwnEntry(userId, entryId);
  if (!entry || !entryEditable(entry, now())) return false;
  const { count } = await db.entry.updateMany({
    where: { id: entryId, entrantId: userId, status: { in: EDITABLE_STATUSES } },
    data: { status: "withdrawn", withdrawnAt: now() },
  });
  return count === 1;
}

/**
 * A change to a submitted entry's files turns it back into a draft that must be submitted
 * again, like a change to its text; the revision moves so that a submission racing the change
 * is refused.
 */
export async function markChanged(entryId: string, tx: Prisma.TransactionClient = db) {
  await tx.entry.updateMany({
    where: { id: entryId, status: { in: EDITABLE_STATUSES } },
    data: { status: "draft", submitWhenReadyAt: null, revision: { increment: 1 } },
  });
}
