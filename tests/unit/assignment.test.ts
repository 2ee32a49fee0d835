import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  assignJudges,
  conflictReason,
  normaliseForMatching,
  type AssignmentEntry,
  type AssignmentInput,
  type AssignmentJudge,
  type AssignmentPair,
  type AssignmentResult,
  type DropReason,
} from "../../app/models/assignment";

const RUNS = { numRuns: 300 };

function judge(id: string, country: string | null = null, conflicts: Partial<AssignmentJudge["conflicts"]> = {}) {
  return { id, country, conflicts: { countries: [], people: [], organisations: [], ...conflicts } };
}

function entry(id: string, fields: Partial<Omit<AssignmentEntry, "id">> = {}): AssignmentEntry {
  return { id, country: null, people: [], organisations: [], ...fields };
}

// ---- Independent reference: what the rules say, computed the slow and obvious way. ----

const isEligible = (input: AssignmentInput, j: AssignmentJudge, e: AssignmentEntry) =>
  conflictReason(j, e, input.avoidSameCountry) === null;

/** Existing pairs kept and dropped, exactly as the documentation of `DropReason` describes. */
function referenceExisting(input: AssignmentInput) {
  const kept: AssignmentPair[] = [];
  const dropped: (AssignmentPair & { reason: DropReason })[] = [];
  const seen = new Set<string>();
  for (const pair of input.existing ?? []) {
    const key = JSON.stringify([pair.entryId, pair.judgeId]);
    if (seen.has(key)) continue;
    seen.add(key);
    const e = input.entries.find((x) => x.id === pair.entryId);
    const j = input.judges.find((x) => x.id === pair.judgeId);
    if (!e || !j) {
      dropped.push({ ...pair, reason: "unknown" });
      continue;
    }
    const reason = conflictReason(j, e, input.avoidSameCountry);
    if (reason) dropped.push({ ...pair, reason });
    else if (kept.filter((k) => k.entryId === e.id).length >= input.perEntry)
      dropped.push({ ...pair, reason: "surplus" });
    else kept.push({ entryId: pair.entryId, judgeId: pair.judgeId });
  }
  return { kept, dropped };
}

function combinations<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...combinations(rest, size - 1).map((c) => [first, ...c]), ...combinations(rest, size)];
}

/** Tries every complete assignment: the smallest possible maximum load and largest possible minimum load. */
function bruteForce(input: AssignmentInput) {
  const { kept } = referenceExisting(input);
  const base = input.judges.map((j) => kept.filter((k) => k.judgeId === j.id).length);
  const options = input.entries.map((e) => {
    const keptHere = kept.filter((k) => k.entryId === e.id).map((k) => k.judgeId);
    const free = input.judges.flatMap((j, k) => (isEligible(input, j, e) && !keptHere.includes(j.id) ? [k] : []));
    return combinations(free, Math.min(input.perEntry - keptHere.length, free.length));
  });
  let bestMax = Infinity;
  let bestMin = -Infinity;
  const walk = (i: number, loads: number[]) => {
    if (i === options.length) {
      bestMax = Math.min(bestMax, Math.max(...loads));
      bestMin = Math.max(bestMin, Math.min(...loads));
      return;
    }
    for (const choice of options[i]!) {
      const next = [...loads];
      for (const k of choice) next[k]!++;
      walk(i + 1, next);
    }
  };
  walk(0, base);
  return { bestMax, bestMin };
}

/** Every judge on every entry after the call: kept existing pairs plus new ones. */
function allPairs(input: AssignmentInput, result: AssignmentResult) {
  return [...referenceExisting(input).kept, ...result.assignments];
}

// ---- Generators: small pools of look-alike names so that conflicts and near misses are common. ----

const COUNTRIES = ["PT", "pt", "BR", "FR"];
const PEOPLE = [
  "Ana",
  "ana lima",
  "ANA  LIMA",
  " Ana Lima ",
  "Bo",
  "bo@example.org",
  "BO@Example.org",
  "Ｂｏ",
  "",
  "Zoë",
];
const ORGANISATIONS = ["Escola Sol", "escola  sol", "Lycée Nord", "Lyce\u0301e Nord", ""];

type Shape = { maxEntries: number; maxJudges: number; maxPerEntry: number; conflicts: boolean; existing: boolean };

function instance(shape: Shape): fc.Arbitrary<AssignmentInput> {
  const idIn = (prefix: string, max: number) => fc.nat({ max }).map((i) => `${prefix}${i}`);
  const judgeArb: fc.Arbitrary<Omit<AssignmentJudge, "id">> = shape.conflicts
    ? fc.record({
        country: fc.constantFrom(null, ...COUNTRIES),
        conflicts: fc.record({
          countries: fc.subarray(COUNTRIES, { maxLength: 2 }),
          people: fc.subarray(PEOPLE, { maxLength: 2 }),
          organisations: fc.subarray(ORGANISATIONS, { maxLength: 1 }),
        }),
      })
    : fc.record({ country: fc.constantFrom(null, ...COUNTRIES), conflicts: fc.constant(judge("").conflicts) });
  const entryArb: fc.Arbitrary<Omit<AssignmentEntry, "id">> = shape.conflicts
    ? fc.record({
        country: fc.constantFrom(null, ...COUNTRIES),
        people: fc.subarray(PEOPLE, { maxLength: 3 }),
        organisations: fc.subarray(ORGANISATIONS, { maxLength: 1 }),
        // Ids can go past the panel, like a recusal by someone who is not judging this round.
        excludedJudgeIds: fc.array(idIn("j", shape.maxJudges), { maxLength: 2 }),
      })
    : fc.record({
        country: fc.constantFrom(null, ...COUNTRIES),
        people: fc.constant<string[]>([]),
        organisations: fc.constant<string[]>([]),
      });
  const existingArb = shape.existing
    ? fc.array(fc.record({ entryId: idIn("e", shape.maxEntries), judgeId: idIn("j", shape.maxJudges) }), {
        maxLength: shape.maxEntries * 2,
      })
    : fc.constant(undefined);
  return fc
    .record({
      judges: fc.array(judgeArb, { maxLength: shape.maxJudges }),
      entries: fc.array(entryArb, { maxLength: shape.maxEntries }),
      perEntry: fc.integer({ min: 0, max: shape.maxPerEntry }),
      avoidSameCountry: shape.conflicts ? fc.boolean() : fc.constant(false),
      existing: existingArb,
    })
    .map(({ judges, entries, perEntry, avoidSameCountry, existing }) => ({
      judges: judges.map((j, i) => ({ id: `j${i}`, ...j })),
      entries: entries.map((e, i) => ({ id: `e${i}`, ...e })),
      perEntry,
      avoidSameCountry,
      ...(existing ? { existing } : {}),
    }));
}

const anything = instance({ maxEntries: 12, maxJudges: 7, maxPerEntry: 4, conflicts: true, existing: true });

describe("conflicts between a judge and an entry", () => {
  it("match people and organisations whole, ignoring case, spacing and Unicode look-alikes", () => {
    const ana = judge("j1", null, { people: ["Ana"] });
    expect(conflictReason(ana, entry("e1", { people: ["Ana Lima"] }), false)).toBeNull();
    expect(conflictReason(ana, entry("e1", { people: ["  aNA "] }), false)).toBe("person");
    expect(conflictReason(ana, entry("e1", { people: ["Ａｎａ"] }), false)).toBe("person");
    const byEmail = judge("j1", null, { people: ["Ana.Lima@Example.org"] });
    expect(conflictReason(byEmail, entry("e1", { people: ["ana.lima@example.org"] }), false)).toBe("person");
    expect(conflictReason(byEmail, entry("e1", { people: ["lima@example.org"] }), false)).toBeNull();
    const school = judge("j1", null, { organisations: ["Lycée  du\u00a0Nord"] });
    expect(conflictReason(school, entry("e1", { organisations: ["lyce\u0301e du nord"] }), false)).toBe("organisation");
    expect(conflictReason(school, entry("e1", { organisations: ["Lycée"] }), false)).toBeNull();
  });

  it("never match on empty names", () => {
    const blank = judge("j1", null, { people: ["", "  "], organisations: [""] });
    expect(conflictReason(blank, entry("e1", { people: [" ", ""], organisations: ["\t"] }), false)).toBeNull();
  });

  it("cover declared countries, the same country when asked, and recusals", () => {
    const pt = judge("j1", "PT", { countries: ["br"] });
    expect(conflictReason(pt, entry("e1", { country: "BR" }), false)).toBe("country");
    expect(conflictReason(pt, entry("e1", { country: "PT" }), false)).toBeNull();
    expect(conflictReason(pt, entry("e1", { country: "PT" }), true)).toBe("sameCountry");
    expect(conflictReason(judge("j1"), entry("e1"), true)).toBeNull();
    expect(conflictReason(pt, entry("e1", { country: "BR", excludedJudgeIds: ["j1"] }), true)).toBe("recused");
  });

  it("are exactly equality after normalisation, whatever the strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        const expected = normaliseForMatching(a) !== "" && normaliseForMatching(a) === normaliseForMatching(b);
        const reason = conflictReason(judge("j", null, { people: [a] }), entry("e", { people: [b] }), false);
        expect(reason === "person").toBe(expected);
      }),
      RUNS,
    );
  });

  it("survive changes of case and spacing, but not added words", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, extra) => {
        fc.pre(normaliseForMatching(name) !== "");
        const j = judge("j", null, { people: [name], organisations: [name] });
        const variant = `  ${name.toUpperCase().replace(/ /g, "  ")}\t`;
        expect(conflictReason(j, entry("e", { people: [variant] }), false)).toBe("person");
        expect(conflictReason(j, entry("e", { organisations: [variant.toLowerCase()] }), false)).toBe("organisation");
        fc.pre(normaliseForMatching(extra) !== "");
        expect(
          conflictReason(j, entry("e", { people: [`${name} ${extra}`], organisations: [`${extra} ${name}`] }), false),
        ).toBeNull();
      }),
      RUNS,
    );
  });
});

describe("assigning judges", () => {
  it("spreads a small round evenly and keeps conflicted judges away", () => {
    const result = assignJudges({
      judges: [
        judge("ines", "PT"),
        judge("tom", "GB", { people: ["ana@example.org"] }),
        judge("mei", "SG"),
        judge("ola", "NG"),
      ],
      entries: [
        entry("film-1", { country: "PT", people: ["Ana Lima", "ANA@example.org"] }),
        entry("film-2", { country: "BR", people: ["Rui"] }),
        entry("film-3", { country: "SG", people: ["Wei"], excludedJudgeIds: ["ola"] }),
      ],
      perEntry: 2,
      avoidSameCountry: true,
    });
    const judgesOf = (entryId: string) => result.assignments.filter((a) => a.entryId === entryId).map((a) => a.judgeId);
    expect(judgesOf("film-1").sort()).toEqual(["mei", "ola"]);
    expect(judgesOf("film-2")).toHaveLength(2);
    expect(judgesOf("film-3").sort()).toEqual(["ines", "tom"]);
    expect(Object.values(result.loads).sort()).toEqual([1, 1, 2, 2]);
    expect(result.shortfalls).toEqual([]);
    expect(result.dropped).toEqual([]);
  });

  it("keeps valid existing assignments, drops the rest, and fills up around them", () => {
    const result = assignJudges({
      judges: [judge("a"), judge("b", null, { organisations: ["Escola Sol"] }), judge("c")],
      entries: [entry("x", { organisations: ["escola sol"] }), entry("y")],
      perEntry: 1,
      avoidSameCountry: false,
      existing: [
        { entryId: "x", judgeId: "b" },
        { entryId: "y", judgeId: "c" },
        { entryId: "y", judgeId: "c" },
        { entryId: "y", judgeId: "a" },
        { entryId: "gone", judgeId: "a" },
      ],
    });
    expect(result.dropped).toEqual([
      { entryId: "x", judgeId: "b", reason: "organisation" },
      { entryId: "y", judgeId: "a", reason: "surplus" },
      { entryId: "gone", judgeId: "a", reason: "unknown" },
    ]);
    expect(result.assignments).toEqual([{ entryId: "x", judgeId: "a" }]);
    expect(result.loads).toEqual({ a: 1, b: 0, c: 1 });
  });

  it("reports entries that cannot get enough judges, after giving them all it can", () => {
    const result = assignJudges({
      judges: [judge("a", "FR"), judge("b", "FR"), judge("c", "DE")],
      entries: [entry("x", { country: "FR" }), entry("y", { country: "IT" })],
      perEntry: 2,
      avoidSameCountry: true,
    });
    expect(result.assignments.filter((a) => a.entryId === "x")).toEqual([{ entryId: "x", judgeId: "c" }]);
    expect(result.shortfalls).toEqual([{ entryId: "x", assigned: 1, needed: 2, eligibleJudges: 1 }]);
  });

  it("refuses a negative or fractional number of judges per entry, and repeated ids", () => {
    const base = { judges: [judge("a")], entries: [entry("x")], avoidSameCountry: false };
    expect(() => assignJudges({ ...base, perEntry: -1 })).toThrow(RangeError);
    expect(() => assignJudges({ ...base, perEntry: 1.5 })).toThrow(RangeError);
    expect(() => assignJudges({ ...base, perEntry: 1, judges: [judge("a"), judge("a")] })).toThrow(/a/);
    expect(() => assignJudges({ ...base, perEntry: 1, entries: [entry("x"), entry("x")] })).toThrow(/x/);
  });

  it("never assigns a conflict, nor the same judge twice to an entry", () => {
    fc.assert(
      fc.property(anything, (input) => {
        const result = assignJudges(input);
        const pairs = allPairs(input, result);
        for (const pair of result.assignments) {
          const j = input.judges.find((x) => x.id === pair.judgeId)!;
          const e = input.entries.find((x) => x.id === pair.entryId)!;
          expect(conflictReason(j, e, input.avoidSameCountry)).toBeNull();
        }
        const keys = pairs.map((p) => JSON.stringify([p.entryId, p.judgeId]));
        expect(new Set(keys).size).toBe(keys.length);
      }),
      RUNS,
    );
  });

  it("gives every entry exactly perEntry judges when it can, all eligible ones otherwise, and lists exactly those", () => {
    fc.assert(
      fc.property(anything, (input) => {
        const result = assignJudges(input);
        const pairs = allPairs(input, result);
        const expectedShortfalls = [];
        for (const e of input.entries) {
          const eligible = input.judges.filter((j) => isEligible(input, j, e)).length;
          const assigned = pairs.filter((p) => p.entryId === e.id).length;
          expect(assigned).toBe(Math.min(input.perEntry, eligible));
          if (eligible < input.perEntry) {
            expectedShortfalls.push({ entryId: e.id, assigned, needed: input.perEntry, eligibleJudges: eligible });
          }
        }
        expect(result.shortfalls).toEqual(expectedShortfalls);
      }),
      RUNS,
    );
  });

  it("keeps, drops and counts existing assignments as documented", () => {
    fc.assert(
      fc.property(anything, (input) => {
        const result = assignJudges(input);
        const { kept, dropped } = referenceExisting(input);
        expect(result.dropped).toEqual(dropped);
        const pairs = [...kept, ...result.assignments];
        const expectedLoads = Object.fromEntries(
          input.judges.map((j) => [j.id, pairs.filter((p) => p.judgeId === j.id).length]),
        );
        expect(result.loads).toEqual(expectedLoads);
      }),
      RUNS,
    );
  });

  it("splits the work evenly, max − min ≤ 1, when nobody is in conflict", () => {
    const free = instance({ maxEntries: 40, maxJudges: 9, maxPerEntry: 5, conflicts: false, existing: false });
    fc.assert(
      fc.property(free, (input) => {
        const loads = Object.values(assignJudges(input).loads);
        fc.pre(loads.length > 0);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it("has the smallest possible maximum load and the largest possible minimum, as brute force finds", () => {
    const tiny = instance({ maxEntries: 4, maxJudges: 4, maxPerEntry: 2, conflicts: true, existing: true });
    fc.assert(
      fc.property(tiny, (input) => {
        fc.pre(input.judges.length > 0);
        const loads = Object.values(assignJudges(input).loads);
        const { bestMax, bestMin } = bruteForce(input);
        expect(Math.max(...loads)).toBe(bestMax);
        expect(Math.min(...loads)).toBe(bestMin);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the same answer for the same input, and leaves the input alone", () => {
    fc.assert(
      fc.property(anything, (input) => {
        const copy = structuredClone(input);
        const first = assignJudges(input);
        expect(input).toEqual(copy);
        expect(assignJudges(copy)).toEqual(first);
      }),
      RUNS,
    );
  });

  it("handles a large round: 10,000 entries, 40 judges, 3 judges each, random conflicts", () => {
    let seed = 2026;
    const random = () => {
      // mulberry32: a tiny seeded generator, so the round is the same every run.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const countries = ["PT", "BR", "FR", "DE", "KE", "IN", "PH", "MX"];
    const schools = Array.from({ length: 30 }, (_, i) => `School ${i}`);
    const people = Array.from({ length: 2000 }, (_, i) => `Person ${i}`);
    const judges = Array.from({ length: 40 }, (_, i) =>
      judge(`judge-${i}`, pick(countries), {
        countries: random() < 0.2 ? [pick(countries)] : [],
        people: Array.from({ length: 20 }, () => pick(people)),
        organisations: random() < 0.5 ? [pick(schools)] : [],
      }),
    );
    const entries = Array.from({ length: 10_000 }, (_, i) =>
      entry(`entry-${i}`, {
        country: pick(countries),
        people: [pick(people), `entrant${i}@example.org`, pick(people)],
        organisations: [pick(schools)],
        excludedJudgeIds: random() < 0.05 ? [pick(judges).id] : [],
      }),
    );
    const input = { entries, judges, perEntry: 3, avoidSameCountry: true };

    const result = assignJudges(input);

    // conflictReason normalises on every call, too slow for 400,000 pairs: precompute, and check it agrees.
    const sets = judges.map((j) => ({
      countries: new Set(j.conflicts.countries),
      people: new Set(j.conflicts.people.map(normaliseForMatching)),
      organisations: new Set(j.conflicts.organisations),
    }));
    const eligibleFor = (e: AssignmentEntry) =>
      new Set(
        judges
          .filter((j, k) => {
            const s = sets[k]!;
            const clash =
              e.excludedJudgeIds!.includes(j.id) ||
              s.countries.has(e.country!) ||
              e.country === j.country ||
              e.people.some((p) => s.people.has(normaliseForMatching(p))) ||
              e.organisations.some((o) => s.organisations.has(o));
            if (k % 7 === 0 && e.id.endsWith("0")) expect(clash).toBe(!isEligible(input, j, e));
            return !clash;
          })
          .map((j) => j.id),
      );
    const byEntry = new Map<string, string[]>();
    for (const a of result.assignments) byEntry.set(a.entryId, [...(byEntry.get(a.entryId) ?? []), a.judgeId]);
    let conflicted = 0;
    for (const e of entries) {
      const eligible = eligibleFor(e);
      conflicted += judges.length - eligible.size;
      const mine = byEntry.get(e.id) ?? [];
      expect(new Set(mine).size).toBe(mine.length);
      expect(mine.every((id) => eligible.has(id))).toBe(true);
      expect(mine.length).toBe(Math.min(3, eligible.size));
    }
    expect(conflicted).toBeGreaterThan(10_000 * 40 * 0.1);
    const loads = Object.values(result.loads);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(result.assignments.length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  }, 60_000);
});
