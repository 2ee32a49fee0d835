/**
 * Who may enter a contest, as pure rules: age on the submission deadline (in the contest's
 * time zone), country, and how many entries a person may have, per category and in all.
 * Each failed rule comes back as a translation key with its values, so the entrant reads why.
 */
import type { Problem } from "./problem";

export type EligibilityContest = {
  deadline: Date;
  timezone: string;
  minAge: number | null;
  maxAge: number | null;
  allowedCountries: string[];
  maxEntriesPerUser: number;
  maxEntriesPerCategory: number;
  guardianConsentUnder: number | null;
};

export type EligibilityProfile = { dateOfBirth: string | null; country: string | null };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of `instant` in `timeZone`, as YYYY-MM-DD. (Formatters are costly to make: one per zone.) */
export function dateIn(instant: Date, timeZone: string) {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** Whole years between a birth date and a calendar date, both YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, on: string) {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Problems with the person: age and country. Empty when they may enter. */
export function personProblems(contest: EligibilityContest, profile: EligibilityProfile): Problem[] {
  const problems: Problem[] = [];
  if (!profile.dateOfBirth || !profile.country) return [{ key: "eligibility.profileIncomplete" }];
  const age = ageOn(profile.dateOfBirth, dateIn(contest.deadline, contest.timezone));
  if (contest.minAge != null && age < contest.minAge)
    problems.push({ key: "eligibility.tooYoung", values: { min: contest.minAge, age } });
  if (contest.maxAge != null && age > contest.maxAge)
    problems.push({ key: "eligibility.tooOld", values: { max: contest.maxAge, age } });
  if (contest.allowedCountries.length > 0 && !contest.allowedCountries.includes(profile.country)) {
    problems.push({ key: "eligibility.country" });
  }
  return problems;
}

/** Whether this person needs a guardian's consent to enter: younger than the contest's age of consent. */
export function needsGuardianConsent(contest: EligibilityContest, profile: EligibilityProfile) {
  if (contest.guardianConsentUnder == null || !profile.dateOfBirth) return false;
  return ageOn(profile.dateOfBirth, dateIn(contest.deadline, contest.timezone)) < contest.guardianConsentUnder;
}

/** Problems with starting one more entry in `categoryId`, given the person's live entries. */
export function entryCountProblems(
  contest: EligibilityContest,
  liveEntries: { categoryId: string }[],
  categoryId: string,
): Problem[] {
  if (liveEntries.length >= contest.maxEntriesPerUser) {
    return [{ key: "eligibility.tooManyEntries", values: { count: contest.maxEntriesPerUser } }];
  }
  if (liveEntries.filter((entry) => entry.categoryId === categoryId).length >= contest.maxEntriesPerCategory) {
    return [{ key: "eligibility.tooManyInCategory", values: { count: contest.maxEntriesPerCategory } }];
  }
  return [];
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });

/** Words as a reader counts them, also in scripts written without spaces (Chinese, Thai, …). */
export function countWords(text: string) {
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}
