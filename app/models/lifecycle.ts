import { submissionsCloseAt } from "./contest";

/**
 * A contest's lifecycle: draft → open → closed → judging → results published. Organizers move
 * it by hand (open it, close it early, reopen it), and the timeline moves it on
 * by itself: an open contest closes when the deadline and its grace period have passed, and a
 * closed one goes to judging when judging starts. It never moves back by itself.
 */
export const STATUSES = ["draft", "open", "closed", "judging", "results_published"] as const;
export type Status = (typeof STATUSES)[number];
export const TRANSITIONS = ["open", "close", "reopen", "backToDraft"] as const;
export type Transition = (typeof TRANSITIONS)[number];

type Timeline = {
  status: string;
  deadline: Date | string;
  graceMinutes: number;
  judgingStartsAt: Date | string;
};

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/** The status the timeline gives a contest at `at`, from the one stored. */
export function statusAt(contest: Timeline, at: Date): Status {
  const stored = isStatus(contest.status) ? contest.status : "draft";
  if ((stored === "open" || stored === "closed") && at >= new Date(contest.judgingStartsAt)) return "judging";
  if (stored === "open" && at >= submissionsCloseAt(contest)) return "closed";
  return stored;
}

/** What an organizer may do to a contest at `at`. Going back to draft also needs no entries submitted. */
export function transitionsAt(contest: Timeline, at: Date): Transition[] {
  switch (statusAt(contest, at)) {
    case "draft":
      return ["open"];
    case "open":
      return ["close", "backToDraft"];
    case "closed":
      return at < submissionsCloseAt(contest) ? ["reopen"] : [];
    default:
      return [];
  }
}

/** The status a transition leads to. */
export function statusAfter(transition: Transition): Status {
  switch (transition) {
    case "open":
    case "reopen":
      return "open";
    case "close":
      return "closed";
    case "backToDraft":
      return "draft";
  }
}

/** When no round can change scores any more: the scoring round's close, or the final round's if later. */
export function judgingOverAt(contest: { judgingEndsAt: Date; finalRoundEndsAt: Date | null }) {
  return contest.finalRoundEndsAt && contest.finalRoundEndsAt > contest.judgingEndsAt
    ? contest.finalRoundEndsAt
    : contest.judgingEndsAt;
}
