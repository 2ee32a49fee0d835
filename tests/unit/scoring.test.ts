import { describe, expect, it } from "vitest";
import {
  checkSheet,
  entryPath,
  MAX_COMMENT_LENGTH,
  parseLevels,
  parseSheet,
  roundClosesAt,
  sheetTotal,
  type RubricCriterion,
} from "~/models/scoring";
import { roundQuery } from "~/schemas/scoring";

const levels = (count: number) => Array.from({ length: count }, (_, i) => `Level ${i + 1}`);
const criterion = (id: string, weight: number, count = 5): RubricCriterion => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  guidance: "",
  weight,
  levels: levels(count),
});
// craft 60 / voice 40, five levels each: weighted = 15·(craft−1) + 10·(voice−1)
const rubric = [criterion("craft", 60), criterion("voice", 40)];

describe("a criterion's levels", () => {
  it("are read from their stored JSON as text, and a broken value reads as none", () => {
    expect(parseLevels('["Weak", "Fair", "Strong"]')).toEqual(["Weak", "Fair", "Strong"]);
    expect(parseLevels("[1, 2]")).toEqual(["1", "2"]);
    expect(parseLevels('{"a": "Weak"}')).toEqual([]);
    expect(parseLevels("null")).toEqual([]);
    expect(parseLevels("not json")).toEqual([]);
    expect(parseLevels("")).toEqual([]);
  });
});

describe("a stored score sheet", () => {
  it("keeps only numbers as scores and turns every comment into text", () => {
    expect(parseSheet('{"craft": 4, "voice": "3", "extra": null}', '{"craft": "Bold", "overall": 7}')).toEqual({
      scores: { craft: 4 },
      comments: { craft: "Bold", overall: "7" },
    });
  });

  it("reads as empty when nothing was saved or the JSON is broken", () => {
    const empty = { scores: {}, comments: {} };
    expect(parseSheet("{}", "{}")).toEqual(empty);
    expect(parseSheet("null", "null")).toEqual(empty);
    expect(parseSheet("", "{oops")).toEqual(empty);
    expect(parseSheet("5", '"text"')).toEqual(empty);
  });
});

describe("checking a sheet against the rubric", () => {
  it("accepts whole scores from 1 to the criterion's number of levels, also as the form's text", () => {
    const checked = checkSheet(rubric, { scores: { craft: "1", voice: 5 }, comments: {} }, true);
    expect(checked).toEqual({ sheet: { scores: { craft: 1, voice: 5 }, comments: {} }, problems: [] });
  });

  it("refuses a score below 1, above the last level or between two levels, naming the criterion", () => {
    for (const bad of [0, 6, 2.5, -1, "three", Number.NaN]) {
      const checked = checkSheet(rubric, { scores: { craft: bad, voice: 3 }, comments: {} }, false);
      expect(checked.sheet.scores).toEqual({ voice: 3 });
      expect(checked.problems).toEqual([{ key: "scoring.badScore", values: { criterion: "Craft", max: 5 } }]);
    }
    // the top level is the criterion's own: three levels here
    const short = [criterion("craft", 1, 3)];
    expect(checkSheet(short, { scores: { craft: 3 }, comments: {} }, true).problems).toEqual([]);
    expect(checkSheet(short, { scores: { craft: 4 }, comments: {} }, true).problems).toEqual([
      { key: "scoring.badScore", values: { criterion: "Craft", max: 3 } },
    ]);
  });

  it("lets a draft leave scores out, but a complete sheet needs every criterion", () => {
    const partial = { scores: { craft: 4, voice: "" }, comments: {} };
    expect(checkSheet(rubric, partial, false)).toEqual({ sheet: { scores: { craft: 4 }, comments: {} }, problems: [] });
    expect(checkSheet(rubric, partial, true).problems).toEqual([
      { key: "scoring.missingScore", values: { criterion: "Voice" } },
    ]);
    expect(checkSheet(rubric, { scores: { craft: null }, comments: {} }, true).problems).toEqual([
      { key: "scoring.missingScore", values: { criterion: "Craft" } },
      { key: "scoring.missingScore", values: { criterion: "Voice" } },
    ]);
  });

  it("drops scores and comments for criteria that are not on the rubric", () => {
    const checked = checkSheet(
      rubric,
      { scores: { craft: 2, voice: 2, gone: 4 }, comments: { gone: "Old criterion", overall: "Fine" } },
      true,
    );
    expect(checked.sheet).toEqual({ scores: { craft: 2, voice: 2 }, comments: { overall: "Fine" } });
    expect(checked.problems).toEqual([]);
  });

  it("keeps comments trimmed, leaves out empty ones, and cuts them at the maximum length", () => {
    const long = "x".repeat(MAX_COMMENT_LENGTH + 10);
    const checked = checkSheet(
      rubric,
      { scores: {}, comments: { craft: "  Strong framing.  ", voice: "   ", overall: long } },
      false,
    );
    expect(checked.sheet.comments).toEqual({ craft: "Strong framing.", overall: "x".repeat(MAX_COMMENT_LENGTH) });
    expect(checked.problems).toEqual([]);
  });
});

describe("a sheet's weighted total", () => {
  it("maps each level onto 0–1, weights it, and scales the sum to 0–100", () => {
    expect(sheetTotal(rubric, { craft: 1, voice: 1 })).toBe(0);
    expect(sheetTotal(rubric, { craft: 5, voice: 5 })).toBeCloseTo(100, 12);
    expect(sheetTotal(rubric, { craft: 5, voice: 3 })).toBeCloseTo(80, 12);
    expect(sheetTotal(rubric, { craft: 2, voice: 4 })).toBeCloseTo(45, 12);
  });

  it("divides by the weights' sum, so they need not add up to 100", () => {
    const rescaled = [criterion("craft", 3), criterion("voice", 2)];
    expect(sheetTotal(rescaled, { craft: 5, voice: 3 })).toBeCloseTo(80, 12);
  });

  it("scales each criterion on its own number of levels", () => {
    // craft at 2 of 3 is halfway (0.5 · 60), voice at 4 of 5 three quarters (0.75 · 40)
    const mixed = [criterion("craft", 60, 3), criterion("voice", 40, 5)];
    expect(sheetTotal(mixed, { craft: 2, voice: 4 })).toBeCloseTo(60, 12);
    // a criterion with a single level counts as its lowest, without dividing by zero
    expect(sheetTotal([criterion("craft", 1, 1)], { craft: 1 })).toBe(0);
  });

  it("is null for an incomplete sheet or a rubric without weight, and ignores scores off the rubric", () => {
    expect(sheetTotal(rubric, { craft: 5 })).toBeNull();
    expect(sheetTotal([], {})).toBeNull();
    expect(sheetTotal([criterion("craft", 0)], { craft: 5 })).toBeNull();
    expect(sheetTotal(rubric, { craft: 1, voice: 1, gone: 5 })).toBe(0);
  });
});

describe("judging rounds", () => {
  const contest = { judgingEndsAt: new Date("2026-05-01T00:00:00Z"), finalRoundEndsAt: null as Date | null };

  it("are the scoring round unless the final one is named", () => {
    const parseRound = (round: unknown) => roundQuery.parse({ round }).round;
    expect(parseRound("final")).toBe("final");
    for (const other of ["scoring", "Final", "", null, undefined]) expect(parseRound(other)).toBe("scoring");
  });

  it("close when judging ends, or for the final round when it does, which is unknown before it starts", () => {
    expect(roundClosesAt(contest, "scoring")).toBe(contest.judgingEndsAt);
    expect(roundClosesAt(contest, "final")).toBeNull();
    const final = new Date("2026-05-20T00:00:00Z");
    expect(roundClosesAt({ ...contest, finalRoundEndsAt: final }, "final")).toBe(final);
  });

  it("give a judge's entry page its round, with the judging code escaped", () => {
    expect(entryPath("yhd-2025", "J00001", "scoring")).toBe("/judge/yhd-2025/entries/J00001");
    expect(entryPath("yhd-2025", "J00001", "final")).toBe("/judge/yhd-2025/entries/J00001?round=final");
    expect(entryPath("yhd-2025", "A/B C", "scoring")).toBe("/judge/yhd-2025/entries/A%2FB%20C");
  });
});
