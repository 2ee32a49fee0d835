import { createHash } from "node:crypto";
import { db, Prisma, type Contest } from "~/services/db.server";
import { locales, type Locale } from "~/i18n";
import {
  EMAIL_NOTES,
  type ContestTextsForm,
  type EmailNoteKey,
  type FinalMethod,
  type RankingMethod,
  type Settings,
} from "~/schemas/contest";
import { now } from "~/services/clock.server";
import { audit } from "./audit.server";
import { localDateTimeIn, splitList, toLocalInput } from "./contest";
import { emailNote } from "./contest-settings";
import {
  categoryTranslations,
  CONTEST_TEXTS,
  contestTranslations,
  EMAIL_NOTE_FIELDS,
  firstLanguage,
} from "./contest-texts";
import type { EligibilityContest } from "./eligibility";
import { categoryRules } from "./media";
import { impactsOf, type CategoryRules, type ContestRules, type Impact } from "./settings-impact";

/**
 * Everything organizers set about a contest on its settings page, and the guard rail in front
 * of saving it: a change that would invalidate entries already made (a smaller size limit, a
 * removed category, an earlier deadline, a narrower age range…) is listed, entry by entry,
 * and saved only once the organizer has seen that very list.
 */
const MB = 1024 * 1024;

/** The settings form's starting values: the contest as it is, dates as wall times of its zone. */
export async function settingsValues(contest: Contest) {
  const categories = await db.category.findMany({
    where: { contestId: contest.id, archivedAt: null },
    orderBy: { position: "asc" },
  });
  const tz = contest.timezone;
  return {
    title: contest.title,
    slug: contest.slug,
    theme: contest.theme,
    summary: contest.summary,
    rules: contest.rules,
    faq: contest.faq,
    organizerName: contest.organizerName,
    languages: splitList(contest.languages),
    firstLanguage: firstLanguage(contest) as Locale,
    translations: contestTextsValues(contest.translations),
    timezone: tz,
    opensAt: toLocalInput(contest.opensAt, tz),
    deadline: toLocalInput(contest.deadline, tz),
    graceMinutes: contest.graceMinutes,
    judgingStartsAt: toLocalInput(contest.judgingStartsAt, tz),
    judgingEndsAt: toLocalInput(contest.judgingEndsAt, tz),
    announcementAt: toLocalInput(contest.announcementAt, tz),
    minAge: contest.minAge ?? undefined,
    maxAge: contest.maxAge ?? undefined,
    allowedCountries: splitList(contest.allowedCountries).join(", "),
    maxEntriesPerUser: contest.maxEntriesPerUser,
    maxEntriesPerCategory: contest.maxEntriesPerCategory,
    guardianConsentUnder: contest.guardianConsentUnder ?? undefined,
    judgesPerEntry: contest.judgesPerEntry,
    blindJudging: contest.blindJudging,
    avoidSameCountry: contest.avoidSameCountry,
    hideCountry: contest.hideCountry,
    normalisation: contest.normalisation as RankingMethod,
    finalMethod: contest.finalMethod as FinalMethod,
    pairwiseTargetPercent: Math.round(contest.pairwiseTarget * 100),
    retentionMonths: contest.retentionMonths,
    emailReceipt: emailNote(contest, "receipt"),
    emailScreened: emailNote(contest, "screened"),
    emailDraftReminder: emailNote(contest, "draftReminder"),
    emailResults: emailNote(contest, "results"),
    feedback: contest.feedback,
    feedbackScores: contest.feedbackScores,
    certificateWording: contest.certificateWording,
    certificateSignature: contest.certificateSignature,
    peoplesChoice: contest.peoplesChoice,
    votingOpensAt: contest.votingOpensAt ? toLocalInput(contest.votingOpensAt, tz) : undefined,
    votingClosesAt: contest.votingClosesAt ? toLocalInput(contest.votingClosesAt, tz) : undefined,
    categories: categories.map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      description: c.description,
      allowedTypes: splitList(c.allowedTypes),
      maxFileMb: Math.ceil(c.maxFileBytes / MB),
      maxDurationMin: c.maxDurationSec == null ? undefined : Math.ceil(c.maxDurationSec / 60),
      maxFiles: c.maxFiles,
      accessibilityText: c.accessibilityText,
      statementMaxWords: c.statementMaxWords,
      translations: Object.fromEntries(
        locales.map((locale) => {
          const texts = categoryTranslations(c.translations)[locale] ?? {};
          return [locale, { name: texts.name ?? "", description: texts.description ?? "" }];
        }),
      ) as Record<Locale, { name: string; description: string }>,
    })),
  };
}

/** A contest's translations as the form shows them: every language, every text ("" where none). */
function contestTextsValues(json: string): Record<Locale, ContestTextsForm> {
  const all = contestTranslations(json);
  return Object.fromEntries(
    locales.map((locale) => {
      const texts = all[locale] ?? {};
      const form = Object.fromEntries(CONTEST_TEXTS.map((key) => [key, texts[key] ?? ""])) as Record<
        (typeof CONTEST_TEXTS)[number],
        string
      >;
      const notes = Object.fromEntries(
        EMAIL_NOTES.map((key) => [EMAIL_NOTE_FIELDS[key], texts.emailNotes?.[key] ?? ""]),
      ) as Record<(typeof EMAIL_NOTE_FIELDS)[EmailNoteKey], string>;
      return [locale, { ...form, ...notes }];
    }),
  ) as Record<Locale, ContestTextsForm>;
}

/** The form's translations as the database keeps them: only the languages and texts given. */
function contestTextsData(value: Settings): string {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [locale, texts] of Object.entries(value.translations)) {
    if (!texts || locale === value.firstLanguage) continue;
    const kept: Record<string, unknown> = {};
    for (const key of CONTEST_TEXTS) if (texts[key]) kept[key] = texts[key];
    const notes = Object.fromEntries(
      EMAIL_NOTES.filter((key) => texts[EMAIL_NOTE_FIELDS[key]]).map((key) => [key, texts[EMAIL_NOTE_FIELDS[key]]]),
    );
    if (Object.keys(notes).length > 0) kept.emailNotes = notes;
    if (Object.keys(kept).length > 0) out[locale] = kept;
  }
  return JSON.stringify(out);
}

/** A category's translations as the database keeps them: only the languages and texts given. */
function categoryTextsData(c: Settings["categories"][number], first: string): string {
  const out: Record<string, Record<string, string>> = {};
  for (const [locale, texts] of Object.entries(c.translations)) {
    if (!texts || locale === first) continue;
    const kept = Object.fromEntries(Object.entries(texts).filter(([, text]) => text));
    if (Object.keys(kept).length > 0) out[locale] = kept;
  }
  return JSON.stringify(out);
}

/**
 * A fingerprint of the settings as a form shows them. The form sends back the one it started
 * from; a save is refused when the settings changed meanwhile (another organizer saved), so
 * nobody's changes are silently overwritten. Status changes do not count: they are not settings.
 */
export function settingsVersion(values: Awaited<ReturnType<typeof settingsValues>>) {
  return createHash("sha256").update(JSON.stringify(values)).digest("base64url").slice(0, 22);
}

/**
 * A category's limits as the database holds them, from the settings form (which speaks of
 * megabytes and minutes): what is saved, and what a save's impact is checked against.
 */
function categoryLimits(c: Settings["categories"][number]) {
  return {
    allowedTypes: c.allowedTypes.join(","),
    maxFileBytes: c.maxFileMb * MB,
    maxDurationSec: c.maxDurationMin == null ? null : c.maxDurationMin * 60,
    maxFiles: c.maxFiles,
    statementMaxWords: c.statementMaxWords,
    accessibilityText: c.accessibilityText,
  };
}

/** The contest's columns a settings form sets (not its categories). */
function contestData(value: Settings) {
  const tz = value.timezone;
  const at = (local: string) => localDateTimeIn(local, tz) as Date;
  const notes: Partial<Record<EmailNoteKey, string>> = {
    receipt: value.emailReceipt,
    screened: value.emailScreened,
    draftReminder: value.emailDraftReminder,
    results: value.emailResults,
  };
  return {
    title: value.title,
    slug: value.slug,
    theme: value.theme,
    summary: value.summary,
    rules: value.rules,
    faq: value.faq,
    organizerName: value.organizerName,
    // the first language first: the one the texts above are in, which readers fall back to
    languages: [value.firstLanguage, ...value.languages.filter((l) => l !== value.firstLanguage)].join(","),
    translations: contestTextsData(value),
    timezone: tz,
    opensAt: at(value.opensAt),
    deadline: at(value.deadline),
    graceMinutes: value.graceMinutes,
    judgingStartsAt: at(value.judgingStartsAt),
    judgingEndsAt: at(value.judgingEndsAt),
    announcementAt: at(value.announcementAt),
    minAge: value.minAge ?? null,
    maxAge: value.maxAge ?? null,
    allowedCountries: value.allowedCountries ? splitList(value.allowedCountries).join(",") : null,
    maxEntriesPerUser: value.maxEntriesPerUser,
    maxEntriesPerCategory: value.maxEntriesPerCategory,
    guardianConsentUnder: value.guardianConsentUnder ?? null,
    judgesPerEntry: value.judgesPerEntry,
    blindJudging: value.blindJudging,
    avoidSameCountry: value.avoidSameCountry,
    hideCountry: value.hideCountry,
    normalisation: value.normalisation,
    finalMethod: value.finalMethod,
    pairwiseTarget: value.pairwiseTargetPercent / 100,
    retentionMonths: value.retentionMonths,
    emailNotes: JSON.stringify(Object.fromEntries(EMAIL_NOTES.map((key) => [key, notes[key] ?? ""]))),
    feedback: value.feedback,
    feedbackScores: value.feedbackScores,
    certificateWording: value.certificateWording,
    certificateSignature: value.certificateSignature,
    peoplesChoice: value.peoplesChoice,
    votingOpensAt: value.votingOpensAt ? at(value.votingOpensAt) : null,
    votingClosesAt: value.votingClosesAt ? at(value.votingClosesAt) : null,
  };
}

export type { Impact } from "./settings-impact";

/** Whether a round has a submitted score sheet (or, for the final, a decided comparison). */
async function roundStarted(contestId: string, round: "scoring" | "final") {
  const sheet = await db.assignment.findFirst({
    where: { contestId, round, status: "submitted" },
    select: { id: true },
  });
  if (sheet || round === "scoring") return Boolean(sheet);
  return Boolean(
    await db.comparison.findFirst({ where: { contestId, winnerId: { not: null } }, select: { id: true } }),
  );
}

const live = { status: { not: "withdrawn" } } satisfies Prisma.EntryWhereInput;

type CategoryRow = {
  id: string;
  name: string;
  allowedTypes: string;
  maxFileBytes: number;
  maxDurationSec: number | null;
  maxFiles: number;
  statementMaxWords: number;
  accessibilityText: string;
};

function categoryRulesOf(category: CategoryRow): CategoryRules {
  return {
    name: category.name,
    maxFiles: category.maxFiles,
    statementMaxWords: category.statementMaxWords,
    accessibilityText: category.accessibilityText,
    media: categoryRules(category),
  };
}

function contestRulesOf(
  contest: Omit<EligibilityContest, "allowedCountries"> & { allowedCountries: string | null; graceMinutes: number },
  categories: CategoryRow[],
): ContestRules {
  return {
    contest: {
      deadline: contest.deadline,
      graceMinutes: contest.graceMinutes,
      timezone: contest.timezone,
      minAge: contest.minAge,
      maxAge: contest.maxAge,
      allowedCountries: splitList(contest.allowedCountries),
      maxEntriesPerUser: contest.maxEntriesPerUser,
      maxEntriesPerCategory: contest.maxEntriesPerCategory,
      guardianConsentUnder: contest.guardianConsentUnder,
    },
    categories: new Map(categories.map((c) => [c.id, categoryRulesOf(c)])),
  };
}

/**
 * What saving `value` would do to the entries already made (settings-impact.ts applies the
 * rules). Empty when nothing is affected. The entries are read only when a rule changed.
 */
export async function settingsImpact(contest: Contest, value: Settings): Promise<Impact[]> {
  const current = await db.category.findMany({ where: { contestId: contest.id, archivedAt: null } });
  const before = contestRulesOf(contest, current);
  const after = contestRulesOf(
    contestData(value),
    value.categories.map((c) => ({
      id: c.id ?? "",
      name: c.name,
      ...categoryLimits(c),
    })),
  );
  const rulesOf = (rules: ContestRules) =>
    JSON.stringify([rules.contest, [...rules.categories].filter(([id]) => id).sort()]);
  if (rulesOf(before) === rulesOf(after)) return [];

  const entries = await db.entry.findMany({
    where: { contestId: contest.id, ...live },
    select: {
      id: true,
      referenceCode: true,
      title: true,
      status: true,
      categoryId: true,
      entrantId: true,
      submittedAt: true,
      statement: true,
      transcript: true,
      entrant: { select: { dateOfBirth: true, country: true } },
      media: {
        select: {
          state: true,
          altText: true,
          detectedType: true,
          declaredType: true,
          declaredSize: true,
          size: true,
          durationSec: true,
          captionsKey: true,
        },
      },
    },
  });
  return impactsOf(before, after, entries);
}

/** A short fingerprint of an impact list: the organizer confirms this list, and no other. */
export function impactFingerprint(impacts: Impact[]) {
  const hash = createHash("sha256");
  for (const impact of impacts) {
    hash.update(`${impact.reason}|${impact.category ?? ""}|${impact.total}|`);
    for (const entry of impact.entries) hash.update(`${entry.id},`);
  }
  return hash.digest("base64url").slice(0, 16);
}

export type SaveSettingsResult =
  | { ok: true; slug: string }
  | {
      ok: false;
      reason:
        | "stale"
        | "slugTaken"
        | "slugLocked"
        | "blindLocked"
        | "methodLocked"
        | "finalMethodLocked"
        | "categorySlugTaken";
      index?: number;
    }
  | { ok: false; reason: "confirm"; impacts: Impact[]; fingerprint: string };

/**
 * Saves the settings. When entries would be affected, nothing is saved unless `confirmed` is the
 * fingerprint of the very list the organizer was shown. Categories that leave the form are
 * deleted when nobody used them, and archived otherwise: their entries keep them. A short name
 * that another contest takes meanwhile is refused like one taken before (the one thing this adds
 * to checkAndSave, whose arguments it takes).
 */
export async function saveSettings(...args: Parameters<typeof checkAndSave>): Promise<SaveSettingsResult> {
  try {
    return await checkAndSave(...args);
  } catch (error) {
    // another contest took the short name between the check and the save
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "slugTaken" };
    }
    throw error;
  }
}

async function checkAndSave(
  contest: Contest,
  value: Settings,
  actorId: string,
  confirmed: string | undefined,
  seenVersion: string,
): Promise<SaveSettingsResult> {
  if (settingsVersion(await settingsValues(contest)) !== seenVersion) return { ok: false, reason: "stale" };
  if (value.slug !== contest.slug) {
    if (contest.status !== "draft") return { ok: false, reason: "slugLocked" };
    if (await db.contest.findUnique({ where: { slug: value.slug } })) return { ok: false, reason: "slugTaken" };
  }
  const archived = await db.category.findMany({
    where: { contestId: contest.id, archivedAt: { not: null } },
    select: { slug: true },
  });
  const archivedSlugs = new Set(archived.map((c) => c.slug));
  const clash = value.categories.findIndex((c) => archivedSlugs.has(c.slug));
  if (clash >= 0) return { ok: false, reason: "categorySlugTaken", index: clash };

  // Entrants submitted under the promise of blind judging: that promise holds for this edition.
  if (contest.blindJudging && !value.blindJudging) {
    if ((await db.entry.count({ where: { contestId: contest.id, submittedAt: { not: null } } })) > 0) {
      return { ok: false, reason: "blindLocked" };
    }
  }
  // A round's ranking method is part of the rules its judges scored under: once a sheet of the
  // round is submitted (or a comparison decided), changing it would re-rank after the fact.
  if (value.normalisation !== contest.normalisation && (await roundStarted(contest.id, "scoring"))) {
    return { ok: false, reason: "methodLocked" };
  }
  if (value.finalMethod !== contest.finalMethod && (await roundStarted(contest.id, "final"))) {
    return { ok: false, reason: "finalMethodLocked" };
  }
  const impacts = await settingsImpact(contest, value);
  const fingerprint = impactFingerprint(impacts);
  if (impacts.length > 0 && confirmed !== fingerprint) return { ok: false, reason: "confirm", impacts, fingerprint };

  const saved = await db.$transaction(async (tx) => {
    const data = contestData(value);
    // Only over the contest as read above: a save that raced this one makes this one stale.
    const updated = await tx.contest.updateMany({ where: { id: contest.id, updatedAt: contest.updatedAt }, data });
    if (updated.count === 0) return false;
    const current = await tx.category.findMany({ where: { contestId: contest.id, archivedAt: null } });
    const keep = new Set(value.categories.map((c) => c.id).filter(Boolean));
    for (const category of current) {
      if (keep.has(category.id)) continue;
      const used = await tx.entry.count({ where: { categoryId: category.id } });
      if (used > 0) await tx.category.update({ where: { id: category.id }, data: { archivedAt: now() } });
      else await tx.category.delete({ where: { id: category.id } });
    }
    // Two passes, so that categories may swap slugs: first out of the way, then into place.
    const ours = new Set(current.map((c) => c.id));
    for (const category of current) {
      if (keep.has(category.id)) {
        await tx.category.update({ where: { id: category.id }, data: { slug: `~${category.id}` } });
      }
    }
    for (const [position, c] of value.categories.entries()) {
      const rules = {
        slug: c.slug,
        name: c.name,
        description: c.description,
        translations: categoryTextsData(c, value.firstLanguage),
        position,
        ...categoryLimits(c),
      };
      if (c.id && ours.has(c.id)) await tx.category.update({ where: { id: c.id }, data: rules });
      else await tx.category.create({ data: { ...rules, contestId: contest.id } });
    }
    await audit(tx, {
      contestId: contest.id,
      actorId,
      action: "contest.updated",
      subject: value.title,
      detail: {
        changed: Object.entries(data)
          .filter(([key, v]) => {
            const before = contest[key as keyof Contest];
            return (before instanceof Date ? before.getTime() : before) !== (v instanceof Date ? v.getTime() : v);
          })
          .map(([key]) => key),
        categories: value.categories.map((c) => c.name),
        confirmedImpacts: impacts.map((i) => ({ reason: i.reason, category: i.category, total: i.total })),
      },
    });
    return true;
  });
  return saved ? { ok: true, slug: value.slug } : { ok: false, reason: "stale" };
}
