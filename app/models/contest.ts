/**
 * Pure rules about a contest's timeline, shared by the server and the browser.
 */
export type Phase = "upcoming" | "open" | "closed";

export function submissionsCloseAt(contest: { deadline: Date | string; graceMinutes: number }) {
  return new Date(new Date(contest.deadline).getTime() + contest.graceMinutes * 60_000);
}

/** Whether entries are accepted at `at`, by the contest's status and the server's clock. */
export function contestPhase(
  contest: { status: string; opensAt: Date | string; deadline: Date | string; graceMinutes: number },
  at: Date,
): Phase {
  if (contest.status === "draft" || at < new Date(contest.opensAt)) return "upcoming";
  if (contest.status !== "open" || at >= submissionsCloseAt(contest)) return "closed";
  return "open";
}

/** Whole days, hours and minutes from `at` until `until`; zero once it has passed. */
export function countdown(until: Date, at: Date) {
  const totalMinutes = Math.max(0, Math.floor((until.getTime() - at.getTime()) / 60_000));
  return {
    days: Math.floor(totalMinutes / (24 * 60)),
    hours: Math.floor((totalMinutes % (24 * 60)) / 60),
    minutes: totalMinutes % 60,
    done: totalMinutes === 0,
  };
}

export function splitList(value: string | null | undefined) {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}
