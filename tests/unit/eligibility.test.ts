import { describe, expect, it } from "vitest";
import {
  ageOn,
  countWords,
  dateIn,
  entryCountProblems,
  needsGuardianConsent,
  personProblems,
  type EligibilityContest,
} from "~/models/eligibility";

const contest: EligibilityContest = {
  // 23:59 on 1 March in Geneva is still 1 March there, though it is 2 March in Manila
  deadline: new Date("2026-03-01T22:59:00Z"),
  timezone: "Europe/Zurich",
  minAge: 18,
  maxAge: 29,
  allowedCountries: [],
  maxEntriesPerUser: 3,
  maxEntriesPerCategory: 1,
  guardianConsentUnder: 18,
};

describe("guardian's consent", () => {
  const youngContest = { ...contest, minAge: 13 };
  it("is needed by entrants younger than the contest's age of consent on the deadline, and only them", () => {
    expect(needsGuardianConsent(youngContest, { dateOfBirth: "2008-03-02", country: "FR" })).toBe(true);
    expect(needsGuardianConsent(youngContest, { dateOfBirth: "2008-03-01", country: "FR" })).toBe(false);
    expect(
      needsGuardianConsent(
        { ...youngContest, guardianConsentUnder: null },
        { dateOfBirth: "2012-01-01", country: "FR" },
      ),
    ).toBe(false);
    expect(needsGuardianConsent(youngContest, { dateOfBirth: null, country: "FR" })).toBe(false);
  });
});

describe("age on the deadline", () => {
  it("counts whole years on the deadline's date in the contest's time zone", () => {
    expect(dateIn(contest.deadline, contest.timezone)).toBe("2026-03-01");
    expect(dateIn(contest.deadline, "Asia/Manila")).toBe("2026-03-02");
    expect(ageOn("2008-03-01", "2026-03-01")).toBe(18);
    expect(ageOn("2008-03-02", "2026-03-01")).toBe(17);
    expect(ageOn("2004-02-29", "2026-02-28")).toBe(21);
    expect(ageOn("2004-02-29", "2026-03-01")).toBe(22);
  });

  it("admits 18 to 29 on the deadline, and says why not otherwise", () => {
    expect(personProblems(contest, { dateOfBirth: "2008-03-01", country: "PH" })).toEqual([]);
    expect(personProblems(contest, { dateOfBirth: "2008-03-02", country: "PH" })).toEqual([
      { key: "eligibility.tooYoung", values: { min: 18, age: 17 } },
    ]);
    expect(personProblems(contest, { dateOfBirth: "1996-03-01", country: "PH" })).toEqual([
      { key: "eligibility.tooOld", values: { max: 29, age: 30 } },
    ]);
    expect(personProblems(contest, { dateOfBirth: "1996-03-02", country: "PH" })).toEqual([]);
  });

  it("asks for a complete profile first", () => {
    expect(personProblems(contest, { dateOfBirth: null, country: "PH" })).toEqual([
      { key: "eligibility.profileIncomplete" },
    ]);
  });

  it("checks the country when the contest names countries", () => {
    const limited = { ...contest, allowedCountries: ["LA", "VN"] };
    expect(personProblems(limited, { dateOfBirth: "2000-01-01", country: "LA" })).toEqual([]);
    expect(personProblems(limited, { dateOfBirth: "2000-01-01", country: "FR" })).toEqual([
      { key: "eligibility.country" },
    ]);
  });
});

describe("entries per person", () => {
  it("limits entries per category and in all", () => {
    expect(entryCountProblems(contest, [], "video")).toEqual([]);
    expect(entryCountProblems(contest, [{ categoryId: "video" }], "video")).toEqual([
      { key: "eligibility.tooManyInCategory", values: { count: 1 } },
    ]);
    expect(entryCountProblems(contest, [{ categoryId: "video" }], "audio")).toEqual([]);
    expect(entryCountProblems(contest, [{ categoryId: "a" }, { categoryId: "b" }, { categoryId: "c" }], "d")).toEqual([
      { key: "eligibility.tooManyEntries", values: { count: 3 } },
    ]);
  });
});

describe("word count", () => {
  it("counts words in any script", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("  Survivors  lead\nthe way ")).toBe(4);
    expect(countWords("Les survivant·e·s d’abord")).toBe(3);
    expect(countWords("受害者援助改变了整个社会")).toBeGreaterThan(3);
    expect(countWords("การช่วยเหลือผู้รอดชีวิต")).toBeGreaterThan(1);
  });
});
