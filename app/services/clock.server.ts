/**
 * The one source of "now". Deadlines, expiries and job schedules all read it, so a test can
 * stand at any moment with setNow() and move time with advance(). The frozen moment lives on
 * globalThis, so the app's server build, loaded beside the tests, reads the same clock.
 */
const clock = globalThis as unknown as { __mosaicFrozenNow?: Date };

export function now(): Date {
  return clock.__mosaicFrozenNow ? new Date(clock.__mosaicFrozenNow) : new Date();
}

export function setNow(date: Date | undefined) {
  clock.__mosaicFrozenNow = date ? new Date(date) : undefined;
}

export function advance(ms: number) {
  clock.__mosaicFrozenNow = new Date(now().getTime() + ms);
}
