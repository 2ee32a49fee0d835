import { describe, expect, it } from "vitest";
import { formatWhen } from "~/models/time";
import {
  announcedDeadline,
  entryClosesAt,
  entryEditable,
  isTimed,
  missingForSubmit,
  type CategoryForCheck,
  type EntryForCheck,
  type MediaForCheck,
} from "~/models/entry";

const contest = {
  status: "open",
  opensAt: new Date("2026-01-01T00:00:00Z"),
  deadline: new Date("2026-02-01T22:59:00Z"),
  graceMinutes: 15,
};
// the deadline plus its 15 minutes of grace
const closes = new Date("2026-02-01T23:14:00Z");
const during = new Date("2026-01-15T12:00:00Z");
const after = new Date("2026-02-10T12:00:00Z");
const returnedUntil = new Date("2026-03-03T22:59:59Z");

const draft = { status: "draft", editableUntil: null, contest };

describe("when an entry closes", () => {
  it("is the contest's deadline with its grace period", () => {
    expect(entryClosesAt(draft)).toEqual(closes);
  });

  it("is later for an entry the organizers returned until after the deadline, never earlier", () => {
    expect(entryClosesAt({ ...draft, status: "returned", editableUntil: returnedUntil })).toEqual(returnedUntil);
    const beforeDeadline = new Date("2026-01-20T00:00:00Z");
    expect(entryClosesAt({ ...draft, status: "returned", editableUntil: beforeDeadline })).toEqual(closes);
  });
});

describe("the deadline an entrant is told", () => {
  it("is the contest's own, without the grace period that keeps the door open a little longer", () => {
    expect(announcedDeadline(draft)).toEqual(contest.deadline);
    expect(announcedDeadline(draft).getTime()).toBe(entryClosesAt(draft).getTime() - 15 * 60_000);
  });

  it("is the organizers' date for an entry returned until after the deadline", () => {
    expect(announcedDeadline({ ...draft, status: "returned", editableUntil: returnedUntil })).toEqual(returnedUntil);
  });

  it("reads the same in every place, with its time zone named, in each language", () => {
    const at = announcedDeadline(draft);
    expect(formatWhen(at, "en", "Europe/Zurich")).toBe("February 1, 2026 at 11:59 PM GMT+1");
    expect(formatWhen(at, "fr", "Europe/Zurich")).toBe("1 février 2026 à 23:59 UTC+1");
    expect(formatWhen(at, "es", "Europe/Zurich")).toBe("1 de febrero de 2026 a las 23:59 CET");
    expect(formatWhen(at.toISOString(), "en", "Asia/Kathmandu")).toBe("February 2, 2026 at 4:44 AM GMT+5:45");
  });
});

describe("whether the entrant may change an entry", () => {
  it("is yes for a draft, a submitted or a returned entry while the contest is open", () => {
    for (const status of ["draft", "submitted", "returned"]) {
      expect(entryEditable({ ...draft, status }, during)).toBe(true);
    }
  });

  it("is no for an entry in screening's or judging's hands, even while the contest is open", () => {
    for (const status of ["eligible", "ineligible", "withdrawn", "winner", ""]) {
      expect(entryEditable({ ...draft, status }, during)).toBe(false);
    }
  });

  it("ends at the deadline plus grace, by the given clock", () => {
    expect(entryEditable(draft, new Date(closes.getTime() - 1))).toBe(true);
    expect(entryEditable(draft, closes)).toBe(false);
  });

  it("is no before the contest opens or while it is a draft", () => {
    expect(entryEditable(draft, new Date("2025-12-31T23:59:59Z"))).toBe(false);
    const drafted = { ...draft, contest: { ...contest, status: "draft" } };
    expect(entryEditable({ ...drafted, editableUntil: returnedUntil }, during)).toBe(false);
  });

  it("goes on after the deadline only until the date the organizers returned it until", () => {
    const returned = { status: "returned", editableUntil: returnedUntil, contest };
    expect(entryEditable(returned, after)).toBe(true);
    expect(entryEditable(returned, new Date(returnedUntil.getTime() - 1))).toBe(true);
    expect(entryEditable(returned, returnedUntil)).toBe(false);
    // the date does not reopen an entry whose status no longer allows changes
    expect(entryEditable({ ...returned, status: "eligible" }, after)).toBe(false);
    expect(entryEditable({ ...returned, editableUntil: null }, after)).toBe(false);
  });

  it("goes on after the organizers close the contest only for a returned entry's date", () => {
    const closed = { ...contest, status: "judging" };
    expect(entryEditable({ ...draft, contest: closed }, during)).toBe(false);
    expect(entryEditable({ status: "returned", editableUntil: returnedUntil, contest: closed }, during)).toBe(true);
  });
});

describe("timed media", () => {
  it("are video and audio files, by their detected type", () => {
    expect(isTimed("video/mp4")).toBe(true);
    expect(isTimed("audio/mpeg")).toBe(true);
    expect(isTimed("image/jpeg")).toBe(false);
    expect(isTimed("application/pdf")).toBe(false);
    expect(isTimed(null)).toBe(false);
    expect(isTimed("")).toBe(false);
  });
});

describe("what an entry lacks before it can be submitted", () => {
  const complete: EntryForCheck = {
    title: "Hands that rebuild",
    summary: "A short film about a prosthetics workshop.",
    statement: "Assistance is a whole community learning to make room.",
    language: "Filipino",
    originalWorkAt: new Date("2026-01-10T00:00:00Z"),
    aiUse: "none",
    aiUseDetails: "",
    licenceAt: new Date("2026-01-10T00:00:00Z"),
    identifiablePeople: false,
    releasesAt: null,
    showsSurvivors: true,
    showsExactLocations: false,
    graphicContent: false,
    transcript: "",
  };
  const category: CategoryForCheck = { maxFiles: 2, accessibilityText: "none", statementMaxWords: 10 };
  const photo: MediaForCheck = {
    state: "verified",
    altText: "A workshop bench.",
    detectedType: "image/jpeg",
    captionsKey: null,
  };
  const video: MediaForCheck = { state: "verified", altText: "", detectedType: "video/mp4", captionsKey: null };
  const keys = (...args: Parameters<typeof missingForSubmit>) => missingForSubmit(...args).map((p) => p.key);

  it("is nothing for a complete entry", () => {
    expect(missingForSubmit(complete, category, [photo])).toEqual([]);
  });

  it("is everything for an empty entry, in the order the form asks", () => {
    const empty: EntryForCheck = {
      ...complete,
      title: "",
      summary: "",
      statement: "",
      language: "",
      originalWorkAt: null,
      aiUse: null,
      licenceAt: null,
      identifiablePeople: null,
      showsSurvivors: null,
      showsExactLocations: null,
      graphicContent: null,
    };
    expect(keys(empty, category, [])).toEqual([
      "missing.title",
      "missing.summary",
      "missing.statement",
      "missing.language",
      "missing.media",
      "missing.originalWork",
      "missing.aiUse",
      "missing.licence",
      "missing.identifiablePeople",
      "missing.doNoHarm",
    ]);
  });

  it("counts text made only of spaces as missing", () => {
    const blank = { ...complete, title: "  ", summary: "\n", statement: "\t", language: " " };
    expect(keys(blank, category, [photo])).toEqual([
      "missing.title",
      "missing.summary",
      "missing.statement",
      "missing.language",
    ]);
  });

  it("allows the category's number of words in the statement, and says the limit past it", () => {
    const ten = "one two three four five six seven eight nine ten";
    expect(missingForSubmit({ ...complete, statement: ten }, category, [photo])).toEqual([]);
    expect(missingForSubmit({ ...complete, statement: `${ten} eleven` }, category, [photo])).toEqual([
      { key: "missing.statementTooLong", values: { max: 10 } },
    ]);
  });

  it("waits for every file to pass its check, and leaves rejected files out of the count", () => {
    expect(keys(complete, category, [{ ...photo, state: "uploaded" }])).toEqual(["missing.mediaPending"]);
    // checked, its web renditions still being made: a different wait, said differently
    expect(keys(complete, category, [{ ...photo, state: "preparing" }])).toEqual(["missing.mediaPreparing"]);
    expect(
      keys(complete, category, [
        { ...photo, state: "preparing" },
        { ...photo, state: "uploaded" },
      ]),
    ).toEqual(["missing.mediaPending"]);
    expect(keys(complete, category, [{ ...photo, state: "rejected" }])).toEqual([
      "missing.media",
      "missing.mediaRejected",
    ]);
    expect(keys(complete, category, [photo, { ...photo, state: "rejected" }])).toEqual(["missing.mediaRejected"]);
    expect(keys(complete, category, [photo, photo, { ...photo, state: "rejected" }])).toEqual([
      "missing.mediaRejected",
    ]);
  });

  it("allows the category's number of files, and says the limit past it", () => {
    expect(missingForSubmit(complete, category, [photo, photo])).toEqual([]);
    expect(missingForSubmit(complete, category, [photo, photo, photo])).toEqual([
      { key: "missing.tooManyFiles", values: { count: 2 } },
    ]);
  });

  it("asks for a description of every file where the category wants alt text", () => {
    const altText = { ...category, accessibilityText: "alt_text" };
    expect(keys(complete, altText, [photo])).toEqual([]);
    expect(keys(complete, altText, [photo, { ...photo, altText: "  " }])).toEqual(["missing.altText"]);
    // a rejected file needs none: it will not be shown
    expect(keys(complete, altText, [photo, { ...photo, altText: "", state: "rejected" }])).toEqual([
      "missing.mediaRejected",
    ]);
    expect(keys(complete, category, [{ ...photo, altText: "" }])).toEqual([]);
  });

  it("asks for captions on every video and audio file, or else a transcript of the whole work", () => {
    const captions = { ...category, accessibilityText: "captions_or_transcript" };
    const captioned = { ...video, captionsKey: "contests/c/entries/e/captions.vtt" };
    const audio = { ...video, detectedType: "audio/mpeg" };
    expect(keys(complete, captions, [video])).toEqual(["missing.transcript"]);
    expect(keys(complete, captions, [captioned])).toEqual([]);
    expect(keys(complete, captions, [captioned, audio])).toEqual(["missing.transcript"]);
    expect(keys(complete, captions, [captioned, { ...audio, captionsKey: "k" }])).toEqual([]);
    // no timed file to caption: only a transcript will do
    expect(keys(complete, captions, [photo])).toEqual(["missing.transcript"]);
    for (const media of [[video], [photo], [captioned, audio]]) {
      expect(keys({ ...complete, transcript: "Narrator: we make legs here." }, captions, media)).toEqual([]);
    }
    expect(keys({ ...complete, transcript: "   " }, captions, [video])).toEqual(["missing.transcript"]);
    // a rejected file's missing captions do not count
    expect(keys(complete, captions, [captioned, { ...audio, state: "rejected" }])).toEqual(["missing.mediaRejected"]);
  });

  it("asks for details of any use of AI", () => {
    expect(keys({ ...complete, aiUse: "assisted" }, category, [photo])).toEqual(["missing.aiDetails"]);
    expect(keys({ ...complete, aiUse: "generated", aiUseDetails: " " }, category, [photo])).toEqual([
      "missing.aiDetails",
    ]);
    expect(keys({ ...complete, aiUse: "assisted", aiUseDetails: "Colour grading." }, category, [photo])).toEqual([]);
  });

  it("asks for a list of releases, then for the releases, when people can be recognised", () => {
    const people = { ...complete, identifiablePeople: true };
    expect(keys(people, category, [photo])).toEqual(["missing.releaseList"]);
    expect(keys(people, category, [photo], { releases: 2, guardian: "notNeeded" })).toEqual(["missing.releases"]);
    const released = { ...people, releasesAt: new Date("2026-01-12T00:00:00Z") };
    expect(keys(released, category, [photo], { releases: 2, guardian: "notNeeded" })).toEqual([]);
    // nobody recognisable: no releases needed, whatever was listed before
    expect(keys(complete, category, [photo], { releases: 0, guardian: "notNeeded" })).toEqual([]);
  });

  it("needs every do-no-harm question answered, a no included", () => {
    for (const question of ["showsSurvivors", "showsExactLocations", "graphicContent"] as const) {
      expect(keys({ ...complete, [question]: null }, category, [photo])).toEqual(["missing.doNoHarm"]);
    }
    const allNo = { ...complete, showsSurvivors: false, showsExactLocations: false, graphicContent: false };
    expect(keys(allNo, category, [photo])).toEqual([]);
  });

  it("needs a guardian's consent where one is needed, and says where it stands", () => {
    expect(keys(complete, category, [photo], { releases: 0, guardian: "consented" })).toEqual([]);
    for (const guardian of ["notAsked", "pending", "refused", "changed"] as const) {
      expect(keys(complete, category, [photo], { releases: 0, guardian })).toEqual([`missing.guardian.${guardian}`]);
    }
  });
});
