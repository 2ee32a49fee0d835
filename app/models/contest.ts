/**
 * Pure rules about a contest's timeline, shared by the server and the browser.
 */
export type Phase = "upcoming" | "open" | "closed";

export function submissionsCloseAt(contest: { deadline: Date | string; graceMinutes: number }) {
  return new Date(new Date(contest.deadline).getTime() + contest.graceMinutes * 60_000);
}

/** The moments at which `contestPhase` may change by the clock alone: the opening and the close. */
export function phaseChanges(contest: { opensAt: Date | string; deadline: Date | string; graceMinutes: number }) {
  return [new Date(contest.opensAt), submissionsCloseAt(contest)];
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

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** What the clocks of `timeZone` show at `instant`: year, month, day, hour, minute, second. */
function wallClock(instant: Date, timeZone: string) {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    wallClocks.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [get("year"), get("month"), get("day"), get("hour"), get("minute"), get("second")] as const;
}

/** Milliseconds that `timeZone` is ahead of UTC at `instant`. */
function zoneOffsetMs(instant: Date, timeZone: string) {
  const [y, m, d, h, mi, sec] = wallClock(instant, timeZone);
  return Date.UTC(y, m - 1, d, h, mi, sec) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which the clocks of `timeZone` show this wall time. */
function wallTimeIn(parts: [number, number, number, number, number, number], timeZone: string) {
  const [y, m, d, h, mi, sec] = parts;
  const wall = Date.UTC(y, m - 1, d, h, mi, sec);
  const first = wall - zoneOffsetMs(new Date(wall), timeZone);
  // once more, in case the offset changes between the guess and the answer (summer time)
  return new Date(wall - zoneOffsetMs(new Date(first), timeZone));
}

/** 23:59:59 on a calendar date (YYYY-MM-DD) in `timeZone`, e.g. "return the entry until 3 March". */
export function endOfDayIn(date: string, timeZone: string) {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return wallTimeIn([y, m, d, 23, 59, 59], timeZone);
}

/** A date and time as a form's datetime-local field gives it (YYYY-MM-DDTHH:MM), read in `timeZone`; null if malformed. */
export function localDateTimeIn(value: string, timeZone: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return wallTimeIn([y, m, d, h, mi, 0], timeZone);
}

/** `instant` as the wall time a datetime-local field shows in `timeZone` (YYYY-MM-DDTHH:MM). */
export function toLocalInput(instant: Date | string, timeZone: string) {
  const [y, m, d, h, mi] = wallClock(new Date(instant), timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${y}-${two(m)}-${two(d)}T${two(h)}:${two(mi)}`;
}
