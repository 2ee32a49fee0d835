import { describe, expect, it } from "vitest";
import { missingForSubmit } from "~/models/entry";
import { impactsOf, LISTED, type CategoryRules, type ContestRules, type EntryFacts } from "~/models/settings-impact";

const MB = 1024 * 1024;

const video: CategoryRules = {
  name: "Video",
  maxFiles: 2,
  statementMaxWords: 300,
  accessibilityText: "none",
  media: { allowedTypes: ["video/mp4", "video/quicktime"], maxFileBytes: 500 * MB, maxDurationSec: 300 },
};

function rules(change: { contest?: Partial<ContestRules["contest"]>; video?: Partial<CategoryRules> } = {}) {
  return {
    contest: {
      deadline: new Date("2025-09-30T21:59:00Z"),
      graceMinutes: 15,
      timezone: "Europe/Zurich",
      minAge: 18,
      maxAge: 29,
      allowedCountries: [],
      maxEntriesPerUser: 3,
      maxEntriesPerCategory: 2,
      guardianConsentUnder: null,
      ...change.contest,
    },
    categories: new Map([["video", { ...video, ...change.video }]]),
  } satisfies ContestRules;
}

const film = { state: "verified", altText: "", captionsKey: null, detectedType: "video/mp4" };
function entry(id: string, change: Partial<EntryFacts> = {}): EntryFacts {
  return {
    id,
    referenceCode: `YHD25-${id}`,
    title: `Work ${id}`,
    status: "submitted",
    categoryId: "video",
    entrantId: `person-${id}`,
    submittedAt: new Date("2025-09-01T10:00:00Z"),
    statement: "A short statement.",
    transcript: "",
    entrant: { dateOfBirth: "2000-01-01", country: "LB" },
    media: [{ ...film, declaredType: "video/mp4", declaredSize: 100 * MB, size: 100 * MB, durationSec: 120 }],
    ...change,
  };
}
const reasons = (impacts: ReturnType<typeof impactsOf>) => impacts.map((i) => [i.reason, i.entries.map((e) => e.id)]);

describe("what new settings would do to entries", () => {
  it("is nothing when the rules do not change", () => {
    expect(impactsOf(rules(), rules(), [entry("1"), entry("2")])).toEqual([]);
  });

  it("lists an entry a stricter file rule refuses, not one it refused already", () => {
    const long = entry("long", { media: [{ ...entry("x").media[0]!, durationSec: 280 }] });
    const before = entry("before", { media: [{ ...entry("x").media[0]!, durationSec: 400 }] });
    const big = entry("big", { media: [{ ...entry("x").media[0]!, size: 300 * MB }] });
    const stricter = rules({ video: { media: { ...video.media, maxFileBytes: 200 * MB, maxDurationSec: 240 } } });
    expect(reasons(impactsOf(rules(), stricter, [long, before, big]))).toEqual([
      ["tooLarge", ["big"]],
      ["tooLong", ["long"]],
    ]);
    // a file still on its way is judged by what was declared for it
    const uploading = entry("up", {
      media: [
        {
          ...entry("x").media[0]!,
          state: "uploading",
          size: null,
          detectedType: null,
          declaredType: "video/quicktime",
        },
      ],
    });
    const mp4Only = rules({ video: { media: { ...video.media, allowedTypes: ["video/mp4"] } } });
    expect(reasons(impactsOf(rules(), mp4Only, [entry("1"), uploading]))).toEqual([["typeRemoved", ["up"]]]);
  });

  it("lists a removed category's entries under its name", () => {
    const gone: ContestRules = { ...rules(), categories: new Map() };
    expect(impactsOf(rules(), gone, [entry("1")])).toMatchObject([
      { reason: "categoryRemoved", category: "Video", total: 1 },
    ]);
  });

  it("applies the submit check's rules: an entry is listed for alt text or captions exactly when submitting would ask for them", () => {
    const photoLike = {
      ...film,
      detectedType: "image/jpeg",
      declaredType: "image/jpeg",
      declaredSize: 1,
      size: 1,
      durationSec: null,
    };
    const cases: EntryFacts[] = [
      entry("no-alt", { media: [photoLike] }),
      entry("alt", { media: [{ ...photoLike, altText: "A survivor's hands" }] }),
      entry("captioned", { media: [{ ...entry("x").media[0]!, captionsKey: "c.vtt" }] }),
      entry("transcript", { transcript: "Every word." }),
      entry("bare"),
      entry("refused-only", { media: [{ ...photoLike, state: "rejected" }] }),
    ];
    for (const accessibilityText of ["alt_text", "captions_or_transcript"]) {
      const after = rules({ video: { accessibilityText } });
      const listed = impactsOf(rules(), after, cases).flatMap((i) => i.entries.map((e) => e.id));
      const submitAsks = cases
        .filter((e) =>
          missingForSubmit(
            { ...complete, statement: e.statement, transcript: e.transcript },
            { ...video, accessibilityText },
            e.media,
          ).some((p) => p.key === "missing.altText" || p.key === "missing.transcript"),
        )
        .map((e) => e.id);
      expect(listed.sort()).toEqual(submitAsks.sort());
    }
  });

  it("lists entrants a narrower age range, a new age of consent or fewer entries per person leave out", () => {
    const young = entry("young", { entrant: { dateOfBirth: "2006-06-01", country: "LB" } });
    const second = entry("second", { entrantId: "person-1" });
    const entries = [entry("1"), second, young];
    const after = rules({ contest: { minAge: 20, guardianConsentUnder: 21, maxEntriesPerCategory: 1 } });
    expect(reasons(impactsOf(rules(), after, entries))).toEqual([
      ["ageRange", ["young"]],
      ["guardianNeeded", ["young"]],
      ["tooManyInCategory", ["1", "second"]],
    ]);
  });

  it("lists entries submitted after an earlier deadline", () => {
    const late = entry("late", { submittedAt: new Date("2025-09-20T10:00:00Z") });
    const after = rules({ contest: { deadline: new Date("2025-09-15T21:59:00Z") } });
    expect(reasons(impactsOf(rules(), after, [entry("1"), late]))).toEqual([["deadlineEarlier", ["late"]]]);
  });

  it(`names the first ${LISTED} entries of a reason and counts the rest`, () => {
    const many = Array.from({ length: LISTED + 5 }, (_, i) =>
      entry(String(i).padStart(3, "0"), { statement: "word ".repeat(20) }),
    );
    const [impact] = impactsOf(rules(), rules({ video: { statementMaxWords: 10 } }), many);
    expect(impact).toMatchObject({ reason: "statementTooLong", total: LISTED + 5 });
    expect(impact!.entries).toHaveLength(LISTED);
    expect(impact!.entries[0]!.id).toBe("000");
  });
});

const complete = {
  title: "t",
  summary: "s",
  statement: "s",
  language: "English",
  originalWorkAt: new Date(),
  aiUse: "none",
  aiUseDetails: "",
  licenceAt: new Date(),
  identifiablePeople: false,
  releasesAt: null,
  showsSurvivors: false,
  showsExactLocations: false,
  graphicContent: false,
  transcript: "",
};
