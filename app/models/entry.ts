import { contestPhase, submissionsCloseAt } from "./contest";
import { countWords } from "./eligibility";
import type { Problem } from "./problem";

/** Statuses in which the entrant may still change an entry (a returned entry is sent back to them). */
export const EDITABLE_STATUSES = ["draft", "submitted", "returned"];

type EntryTimes = {
  status: string;
  editableUntil: Date | null;
  contest: Parameters<typeof contestPhase>[0];
};

/** When the entry stops taking changes: the deadline (with grace), or later if organizers returned it. */
export function entryClosesAt(entry: EntryTimes) {
  const close = submissionsCloseAt(entry.contest);
  return entry.editableUntil && entry.editableUntil > close ? entry.editableUntil : close;
}

/**
 * The deadline an entrant is told: the contest's own, or the date the organizers gave a returned
 * entry when that is later. The grace period after it is never announced (it is for a last upload
 * still under way), so this is earlier than {@link entryClosesAt} by that grace.
 */
export function announcedDeadline(entry: EntryTimes) {
  const close = submissionsCloseAt(entry.contest);
  return entry.editableUntil && entry.editableUntil > close ? entry.editableUntil : new Date(entry.contest.deadline);
}

/**
 * Why the entrant may not change an entry: accepted for judging (judges score exactly what it is,
 * so it is frozen, whether or not entries are still open), or past its deadline.
 */
export function lockedProblem(entry: { status: string }): Problem {
  return entry.status === "eligible" ? { key: "entry.frozenForJudging" } : { key: "missing.late" };
}

/** Whether the entrant may change (and submit) the entry at `at`, by the server's clock. */
export function entryEditable(entry: EntryTimes, at: Date) {
  if (!EDITABLE_STATUSES.includes(entry.status)) return false;
  const phase = contestPhase(entry.contest, at);
  if (phase === "open") return true;
  return phase === "closed" && Boolean(entry.editableUntil && at < entry.editableUntil);
}

/**
 * What an entry still lacks before it can be submitted, as translation keys. Pure, so the
 * page can list it as the entrant types and the server can refuse on the same rules.
 */
export type EntryForCheck = {
  title: string;
  summary: string;
  statement: string;
  language: string;
  originalWorkAt: Date | null;
  aiUse: string | null;
  aiUseDetails: string;
  licenceAt: Date | null;
  identifiablePeople: boolean | null;
  releasesAt: Date | null;
  showsSurvivors: boolean | null;
  showsExactLocations: boolean | null;
  graphicContent: boolean | null;
  transcript: string;
};

export type CategoryForCheck = { maxFiles: number; accessibilityText: string; statementMaxWords: number };
export type MediaForCheck = {
  state: string;
  altText: string;
  detectedType: string | null;
  captionsKey: string | null;
};
/** What a guardian has said, for an entrant who needs one: nothing asked yet, waiting, or the answer. */
export type GuardianState = "notNeeded" | "notAsked" | "pending" | "consented" | "refused" | "changed";

export function isTimed(type: string | null) {
  return Boolean(type && (type.startsWith("video/") || type.startsWith("audio/")));
}

/*
 * The rules a category sets on an entry, one function each: what submitting checks, and what a
 * change of the category's settings warns about (settings-impact.ts), so the two cannot differ.
 */

/** The statement is longer than the category allows. */
export function statementTooLong(entry: { statement: string }, category: CategoryForCheck) {
  return Boolean(entry.statement.trim()) && countWords(entry.statement) > category.statementMaxWords;
}

/** More files than the category allows (refused files do not count). */
export function tooManyFiles(media: MediaForCheck[], category: CategoryForCheck) {
  return media.filter((m) => m.state !== "rejected").length > category.maxFiles;
}

/** The category asks for alt text and a file has none. */
export function lacksAltText(media: MediaForCheck[], category: CategoryForCheck) {
  return category.accessibilityText === "alt_text" && media.some((m) => m.state !== "rejected" && !m.altText.trim());
}

/** The category asks for captions on every video and audio file, or a transcript of the whole work. */
export function lacksCaptions(entry: { transcript: string }, media: MediaForCheck[], category: CategoryForCheck) {
  if (category.accessibilityText !== "captions_or_transcript" || entry.transcript.trim()) return false;
  const timed = media.filter((m) => m.state !== "rejected" && isTimed(m.detectedType));
  return !(timed.length > 0 && timed.every((m) => m.captionsKey));
}

export function missingForSubmit(
  entry: EntryForCheck,
  category: CategoryForCheck,
  media: MediaForCheck[],
  people: { releases: number; guardian: GuardianState } = { releases: 0, guardian: "notNeeded" },
): Problem[] {
  const missing: Problem[] = [];
  if (!entry.title.trim()) missing.push({ key: "missing.title" });
  if (!entry.summary.trim()) missing.push({ key: "missing.summary" });
  if (!entry.statement.trim()) missing.push({ key: "missing.statement" });
  else if (statementTooLong(entry, category)) {
    missing.push({ key: "missing.statementTooLong", values: { max: category.statementMaxWords } });
  }
  if (!entry.language.trim()) missing.push({ key: "missing.language" });

  const live = media.filter((m) => m.state !== "rejected");
  if (live.length === 0) missing.push({ key: "missing.media" });
  if (live.some((m) => m.state === "pending" || m.state === "uploaded")) missing.push({ key: "missing.mediaPending" });
  else if (live.some((m) => m.state === "preparing")) missing.push({ key: "missing.mediaPreparing" });
  if (media.some((m) => m.state === "rejected")) missing.push({ key: "missing.mediaRejected" });
  if (tooManyFiles(media, category))
    missing.push({ key: "missing.tooManyFiles", values: { count: category.maxFiles } });
  if (lacksAltText(media, category)) missing.push({ key: "missing.altText" });
  if (lacksCaptions(entry, media, category)) missing.push({ key: "missing.transcript" });

  if (!entry.originalWorkAt) missing.push({ key: "missing.originalWork" });
  if (!entry.aiUse) missing.push({ key: "missing.aiUse" });
  else if (entry.aiUse !== "none" && !entry.aiUseDetails.trim()) missing.push({ key: "missing.aiDetails" });
  if (!entry.licenceAt) missing.push({ key: "missing.licence" });
  if (entry.identifiablePeople == null) missing.push({ key: "missing.identifiablePeople" });
  else if (entry.identifiablePeople && people.releases === 0) missing.push({ key: "missing.releaseList" });
  else if (entry.identifiablePeople && !entry.releasesAt) missing.push({ key: "missing.releases" });
  if (entry.showsSurvivors == null || entry.showsExactLocations == null || entry.graphicContent == null) {
    missing.push({ key: "missing.doNoHarm" });
  }
  if (people.guardian !== "notNeeded" && people.guardian !== "consented") {
    missing.push({ key: `missing.guardian.${people.guardian}` });
  }
  return missing;
}

/** The statuses organizers screen: submitted (the queue) and those already decided. */
export const SCREENABLE_STATUSES = ["submitted", "eligible", "ineligible", "returned"];
