/**
 * The one source of "now". Deadlines, expiries and job schedules all read it, so a test can
 * stand at any moment with setNow() and move time with advance().
 */
let frozen: Date | undefined;

export function now(): Date {
  return frozen ? new Date(frozen) : new Date();
}

export function setNow(date: Date | undefined) {
  frozen = date ? new Date(date) : undefined;
}

export function advance(ms: number) {
  frozen = new Date(now().getTime() + ms);
}
