import { submissionsCloseAt } from "./contest";
import { entryCountProblems, needsGuardianConsent, personProblems, type EligibilityContest } from "./eligibility";
import {
  lacksAltText,
  lacksCaptions,
  statementTooLong,
  tooManyFiles,
  type CategoryForCheck,
  type MediaForCheck,
} from "./entry";
import { checkDuration, checkSizeAndType, type MediaRules, type Rejection } from "./media";

/**
 * What a change of a contest's settings would do to the entries already made, by the same pure
 * rules that starting, uploading and submitting apply (eligibility.ts, media.ts, entry.ts): an
 * entry is listed for a reason when a rule refuses it under the new settings and did not under
 * the old ones. Drafts count (they could no longer be submitted); withdrawn entries do not.
 */

export const IMPACTS = [
  "categoryRemoved",
  "typeRemoved",
  "tooLarge",
  "tooLong",
  "tooManyFiles",
  "statementTooLong",
  "altTextNeeded",
  "captionsNeeded",
  "deadlineEarlier",
  "ageRange",
  "country",
  "tooManyEntries",
  "tooManyInCategory",
  "guardianNeeded",
] as const;
export type ImpactReason = (typeof IMPACTS)[number];
export type ImpactEntry = { id: string; referenceCode: string | null; title: string; status: string };
export type Impact = { reason: ImpactReason; category?: string; total: number; entries: ImpactEntry[] };

/** A category's rules as the checks read them. */
export type CategoryRules = CategoryForCheck & { name: string; media: MediaRules };

/** A contest's rules on one side of the change. */
export type ContestRules = {
  contest: EligibilityContest & { graceMinutes: number };
  /** the categories that take entries, by id */
  categories: Map<string, CategoryRules>;
};

export type EntryFacts = ImpactEntry & {
  categoryId: string;
  entrantId: string;
  submittedAt: Date | null;
  statement: string;
  transcript: string;
  entrant: { dateOfBirth: string | null; country: string | null };
  media: (MediaForCheck & {
    declaredType: string;
    declaredSize: number;
    size: number | null;
    durationSec: number | null;
  })[];
};

const CATEGORY_REASONS = IMPACTS.slice(0, 8);
const CONTEST_REASONS: ImpactReason[] = [
  "deadlineEarlier",
  "ageRange",
  "guardianNeeded",
  "tooManyInCategory",
  "country",
  "tooManyEntries",
];

/** How many affected entries each reason lists by name; the rest are counted. */
export const LISTED = 50;

/** The reasons new rules give against an entry's files that the old ones did not. */
const FILE_REASONS: Partial<Record<Rejection["reason"], ImpactReason>> = {
  wrongType: "typeRemoved",
  tooLarge: "tooLarge",
  tooLong: "tooLong",
};

function fileRejections(media: EntryFacts["media"], rules: MediaRules) {
  const reasons = new Set<ImpactReason>();
  for (const file of media) {
    if (file.state === "rejected") continue;
    // a file still on its way is judged by what was declared for it
    const facts = { size: file.size ?? file.declaredSize, type: file.detectedType ?? file.declaredType };
    for (const rejection of [checkSizeAndType(rules, facts), checkDuration(rules, file.durationSec)]) {
      const reason = rejection && FILE_REASONS[rejection.reason];
      if (reason) reasons.add(reason);
    }
  }
  return reasons;
}

/** The reasons a category's rules give against an entry (nothing when the category is gone). */
function categoryReasons(entry: EntryFacts, category: CategoryRules | undefined) {
  const reasons = new Set<ImpactReason>();
  if (!category) return reasons;
  for (const reason of fileRejections(entry.media, category.media)) reasons.add(reason);
  if (tooManyFiles(entry.media, category)) reasons.add("tooManyFiles");
  if (statementTooLong(entry, category)) reasons.add("statementTooLong");
  if (lacksAltText(entry.media, category)) reasons.add("altTextNeeded");
  if (lacksCaptions(entry, entry.media, category)) reasons.add("captionsNeeded");
  return reasons;
}

/** The reasons the contest's rules give against an entry, given the entrant's other live entries. */
function contestReasons(entry: EntryFacts, others: EntryFacts[], rules: ContestRules) {
  const reasons = new Set<ImpactReason>();
  if (entry.submittedAt && entry.submittedAt > submissionsCloseAt(rules.contest)) reasons.add("deadlineEarlier");
  for (const { key } of personProblems(rules.contest, entry.entrant)) {
    if (key === "eligibility.tooYoung" || key === "eligibility.tooOld") reasons.add("ageRange");
    if (key === "eligibility.country") reasons.add("country");
  }
  // could this entry have been started beside the others?
  for (const { key } of entryCountProblems(rules.contest, others, entry.categoryId)) {
    reasons.add(key === "eligibility.tooManyEntries" ? "tooManyEntries" : "tooManyInCategory");
  }
  if (needsGuardianConsent(rules.contest, entry.entrant)) reasons.add("guardianNeeded");
  return reasons;
}

/** The impacts of going from `before` to `after`, in the order the page lists them. */
export function impactsOf(before: ContestRules, after: ContestRules, entries: EntryFacts[]): Impact[] {
  const byEntrant = new Map<string, EntryFacts[]>();
  for (const entry of entries) byEntrant.set(entry.entrantId, [...(byEntrant.get(entry.entrantId) ?? []), entry]);

  // reason → category name ("" for the contest's own rules) → entries
  const found = new Map<ImpactReason, Map<string, ImpactEntry[]>>();
  const add = (reason: ImpactReason, category: string, entry: EntryFacts) => {
    const byCategory = found.get(reason) ?? new Map<string, ImpactEntry[]>();
    found.set(reason, byCategory);
    const { id, referenceCode, title, status } = entry;
    byCategory.set(category, [...(byCategory.get(category) ?? []), { id, referenceCode, title, status }]);
  };

  for (const entry of entries) {
    const old = before.categories.get(entry.categoryId);
    if (!old) continue; // an entry in an archived category is not judged by its rules any more
    const next = after.categories.get(entry.categoryId);
    if (!next) add("categoryRemoved", old.name, entry);
    const was = categoryReasons(entry, old);
    for (const reason of categoryReasons(entry, next)) if (!was.has(reason)) add(reason, next?.name ?? "", entry);

    const others = (byEntrant.get(entry.entrantId) ?? []).filter((e) => e.id !== entry.id);
    const wasContest = contestReasons(entry, others, before);
    for (const reason of contestReasons(entry, others, after)) if (!wasContest.has(reason)) add(reason, "", entry);
  }

  const impacts: Impact[] = [];
  const push = (reason: ImpactReason, category: string) => {
    const listed = found.get(reason)?.get(category);
    if (!listed?.length) return;
    listed.sort((a, b) => (a.referenceCode ?? "~").localeCompare(b.referenceCode ?? "~") || a.id.localeCompare(b.id));
    impacts.push({ reason, ...(category ? { category } : {}), total: listed.length, entries: listed.slice(0, LISTED) });
  };
  // each category's impacts together, in the page's order, then the contest's
  const names = new Set([...before.categories.values(), ...after.categories.values()].map((c) => c.name));
  for (const name of names) for (const reason of CATEGORY_REASONS) push(reason, name);
  for (const reason of CONTEST_REASONS) push(reason, "");
  return impacts;
}
