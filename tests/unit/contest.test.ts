import { describe, expect, it } from "vitest";
import {
  contestPhase,
  countdown,
  endOfDayIn,
  localDateTimeIn,
  splitList,
  submissionsCloseAt,
  toLocalInput,
} from "~/models/contest";
import { emailNote } from "~/models/contest-settings";
import { DEFAULT_CATEGORIES, DEFAULT_RUBRIC } from "~/models/contest-defaults";
import { statusAt, transitionsAt } from "~/models/lifecycle";
import { parseLevels } from "~/models/scoring";

const contest = {
  status: "open",
  opensAt: new Date("2026-01-01T00:00:00Z"),
  deadline: new Date("2026-02-01T22:59:00Z"),
  graceMinutes: 15,
};

describe("contest timeline", () => {
  it("is open from the opening to the deadline plus its grace period, by the given clock", () => {
    expect(contestPhase(contest, new Date("2025-12-31T23:59:59Z"))).toBe("upcoming");
    expect(contestPhase(contest, new Date("2026-01-01T00:00:00Z"))).toBe("open");
    expect(contestPhase(contest, new Date("2026-02-01T23:13:59Z"))).toBe("open");
    expect(contestPhase(contest, new Date("2026-02-01T23:14:00Z"))).toBe("closed");
    expect(submissionsCloseAt(contest).toISOString()).toBe("2026-02-01T23:14:00.000Z");
  });

  it("is never open while a draft or after the organizers close it", () => {
    expect(contestPhase({ ...contest, status: "draft" }, new Date("2026-01-15T00:00:00Z"))).toBe("upcoming");
    expect(contestPhase({ ...contest, status: "judging" }, new Date("2026-01-15T00:00:00Z"))).toBe("closed");
  });

  it("counts down in whole days, hours and minutes, and stops at zero", () => {
    const at = new Date("2026-01-30T20:00:30Z");
    expect(countdown(new Date("2026-02-01T22:59:00Z"), at)).toEqual({ days: 2, hours: 2, minutes: 58, done: false });
    expect(countdown(new Date("2026-01-30T20:00:00Z"), at)).toEqual({ days: 0, hours: 0, minutes: 0, done: true });
  });

  it("reads comma-separated settings", () => {
    expect(splitList(" video/mp4, video/webm ,,")).toEqual(["video/mp4", "video/webm"]);
    expect(splitList(null)).toEqual([]);
  });
});

describe("end of a day in a time zone", () => {
  it("is 23:59:59 on that date where the contest is, in summer and in winter", () => {
    expect(endOfDayIn("2026-03-03", "Europe/Zurich").toISOString()).toBe("2026-03-03T22:59:59.000Z");
    expect(endOfDayIn("2026-07-03", "Europe/Zurich").toISOString()).toBe("2026-07-03T21:59:59.000Z");
    expect(endOfDayIn("2026-07-03", "Asia/Manila").toISOString()).toBe("2026-07-03T15:59:59.000Z");
    expect(endOfDayIn("2026-07-03", "America/Bogota").toISOString()).toBe("2026-07-04T04:59:59.000Z");
  });
});

describe("a date and time typed for a time zone", () => {
  it("is read on the contest's clocks, and refused when malformed", () => {
    expect(localDateTimeIn("2026-07-03T18:30", "Europe/Zurich")?.toISOString()).toBe("2026-07-03T16:30:00.000Z");
    expect(localDateTimeIn("2026-01-03T18:30", "Europe/Zurich")?.toISOString()).toBe("2026-01-03T17:30:00.000Z");
    expect(localDateTimeIn("2026-07-03 18:30", "Europe/Zurich")).toBeNull();
  });
});

describe("toLocalInput", () => {
  it("is the wall time of the zone, and localDateTimeIn reads it back", () => {
    const instant = new Date("2026-07-03T16:30:00Z");
    expect(toLocalInput(instant, "Europe/Zurich")).toBe("2026-07-03T18:30");
    expect(toLocalInput(instant, "Asia/Vientiane")).toBe("2026-07-03T23:30");
    expect(localDateTimeIn(toLocalInput(instant, "America/Bogota"), "America/Bogota")).toEqual(instant);
  });
});

describe("lifecycle", () => {
  const timeline = { ...contest, judgingStartsAt: new Date("2026-02-10T08:00:00Z") };
  const at = (iso: string) => new Date(iso);

  it("moves on by the timeline: open, closed after the grace period, judging on its date; never back", () => {
    expect(statusAt(timeline, at("2026-02-01T23:13:59Z"))).toBe("open");
    expect(statusAt(timeline, at("2026-02-01T23:14:00Z"))).toBe("closed");
    expect(statusAt(timeline, at("2026-02-10T08:00:00Z"))).toBe("judging");
    expect(statusAt({ ...timeline, status: "draft" }, at("2026-03-01T00:00:00Z"))).toBe("draft");
    expect(statusAt({ ...timeline, status: "results_published" }, at("2026-01-01T00:00:00Z"))).toBe(
      "results_published",
    );
  });

  it("offers the moves that fit the status: reopen only while the deadline is ahead", () => {
    expect(transitionsAt({ ...timeline, status: "draft" }, at("2026-01-05T00:00:00Z"))).toEqual(["open"]);
    expect(transitionsAt(timeline, at("2026-01-05T00:00:00Z"))).toEqual(["close", "backToDraft"]);
    expect(transitionsAt({ ...timeline, status: "closed" }, at("2026-01-05T00:00:00Z"))).toEqual(["reopen"]);
    expect(transitionsAt(timeline, at("2026-02-05T00:00:00Z"))).toEqual([]);
    expect(transitionsAt(timeline, at("2026-02-11T00:00:00Z"))).toEqual([]);
  });
});

describe("organizers' notes in emails", () => {
  it("are read by kind, trimmed, and empty when missing or unreadable", () => {
    const contest = { emailNotes: JSON.stringify({ receipt: "  See you in Geneva.  ", results: "" }) };
    expect(emailNote(contest, "receipt")).toBe("See you in Geneva.");
    expect(emailNote(contest, "results")).toBe("");
    expect(emailNote(contest, "screened")).toBe("");
    expect(emailNote({ emailNotes: "not json" }, "receipt")).toBe("");
    expect(emailNote({ emailNotes: "[1]" }, "receipt")).toBe("");
  });
});

describe("a new contest's defaults", () => {
  it("have a rubric that weighs 100 with five levels a criterion, and categories with distinct slugs", () => {
    expect(DEFAULT_RUBRIC.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    for (const criterion of DEFAULT_RUBRIC) expect(parseLevels(criterion.levels)).toHaveLength(5);
    expect(new Set(DEFAULT_CATEGORIES.map((c) => c.slug)).size).toBe(DEFAULT_CATEGORIES.length);
  });
});
