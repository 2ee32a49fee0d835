/**
 * How long Mosaic keeps what. The retention job (`privacy.retention`, daily) applies these; the
 * README's "Privacy" section and the privacy notice say the same.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;
/** Sign-in codes that were used or expired, and rate-limit windows, are deleted a day later. */
export const SIGN_IN_KEPT_MS = DAY_MS;
/** Finished background jobs, and the bodies of sent emails, are deleted after 30 days. */
export const FINISHED_KEPT_MS = 30 * DAY_MS;
/** A contest's default retention period after its results, in months. */
export const DEFAULT_RETENTION_MONTHS = 12;
export const MAX_RETENTION_MONTHS = 120;

/**
 * The moment `months` calendar months after `from` (UTC), on the same day of the month or the
 * month's last day when it is shorter: 12 months after 29 February is 28 February.
 */
export function addMonths(from: Date, months: number) {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(from);
  result.setUTCFullYear(year, month, Math.min(from.getUTCDate(), lastDay));
  return result;
}

/** When the files and texts of a contest's entries that won nothing are deleted; null before results. */
export function retentionEndsAt(contest: { resultsPublishedAt: Date | string | null; retentionMonths: number }) {
  return contest.resultsPublishedAt ? addMonths(new Date(contest.resultsPublishedAt), contest.retentionMonths) : null;
}
