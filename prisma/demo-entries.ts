import type { PrismaClient } from "../app/services/db.server";
import { randomBytes } from "node:crypto";

/**
 * Fills a contest with realistic people and work for demos and benchmarks: entrants from many
 * countries and of every age the contest admits, entries in every category at every stage
 * (drafts, submitted, eligible), judges who declared their conflicts, assignments and scores.
 * Deterministic for a given seed. It writes rows only; prisma/demo-media.ts gives entries files.
 */
const COUNTRIES = [
  "KH",
  "LA",
  "VN",
  "LB",
  "IQ",
  "AF",
  "CO",
  "BA",
  "HR",
  "SY",
  "UA",
  "PH",
  "SN",
  "ML",
  "NG",
  "KE",
  "UG",
  "FR",
  "CH",
  "MX",
];
const FIRST = [
  "Amaya",
  "Lina",
  "Juan",
  "Sokha",
  "Ngozi",
  "Omar",
  "Mei",
  "Sina",
  "Kofi",
  "Ana",
  "Dara",
  "Youssef",
  "Olena",
  "Mariam",
  "Tariq",
  "Bopha",
];
const LAST = [
  "Reyes",
  "Karam",
  "Pérez",
  "Chan",
  "Obi",
  "Haddad",
  "Chen",
  "Tavita",
  "Mensah",
  "Lima",
  "Phan",
  "Benali",
  "Koval",
  "Diallo",
  "Sabry",
  "Keo",
];
const WORDS = [
  "Hands",
  "Home",
  "After",
  "Field",
  "Voices",
  "Rebuild",
  "Steps",
  "Light",
  "Clinic",
  "Together",
  "Rooted",
  "Signal",
];

export async function seedDemoEntries(
  db: PrismaClient,
  contestId: string,
  count: number,
  options: { seed?: number; judges?: number } = {},
) {
  let seed = options.seed ?? 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const contest = await db.contest.findUniqueOrThrow({
    where: { id: contestId },
    include: { categories: true, criteria: true },
  });
  const run = randomBytes(3).toString("hex");
  const deadlineYear = contest.deadline.getUTCFullYear();
  const minAge = contest.minAge ?? 18;
  const maxAge = contest.maxAge ?? 29;

  const judgeCount = options.judges ?? Math.max(6, Math.min(40, Math.ceil(count / 250)));
  const judges = Array.from({ length: judgeCount }, (_, j) => ({
    id: `demo-judge-${run}-${j}`,
    email: `judge${j + 1}.${run}@example.org`,
    fullName: `${pick(FIRST)} ${pick(LAST)}`,
  }));
  await db.user.createMany({ data: judges });
  await db.contestJudge.createMany({
    data: judges.map((j) => ({
      contestId,
      userId: j.id,
      country: pick(COUNTRIES),
      conflictCountries: random() < 0.2 ? pick(COUNTRIES) : "",
      conflictsDeclaredAt: new Date(),
    })),
  });

  const CHUNK = 1_000;
  let number = contest.lastEntryNumber;
  for (let start = 0; start < count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, i) => {
      const n = start + i;
      const age = minAge + Math.floor(random() * (maxAge - minAge + 1));
      const stage = random();
      const status = stage < 0.15 ? "draft" : stage < 0.35 ? "submitted" : "eligible";
      const submitted = status !== "draft";
      if (submitted) number += 1;
      const opens = contest.opensAt.getTime();
      const span = Math.max(1, Math.min(Date.now(), contest.deadline.getTime()) - opens);
      return {
        user: {
          id: `demo-entrant-${run}-${n}`,
          email: `entrant${n + 1}.${run}@example.org`,
          fullName: `${pick(FIRST)} ${pick(LAST)}`,
          displayName: pick(FIRST),
          country: pick(COUNTRIES),
          dateOfBirth: `${deadlineYear - age - 1}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-15`,
        },
        entry: {
          id: `demo-entry-${run}-${n}`,
          contestId,
          categoryId: pick(contest.categories).id,
          entrantId: `demo-entrant-${run}-${n}`,
          status,
          referenceCode: submitted ? `${contest.codePrefix}-${String(number).padStart(4, "0")}` : null,
          judgeCode: randomBytes(6).toString("hex").toUpperCase(),
          title: `${pick(WORDS)} ${pick(WORDS).toLowerCase()}`,
          summary: "A work about what assistance to survivors means in daily life.",
          statement: "It shows care, rehabilitation and inclusion as the work of a whole community.",
          language: "English",
          licenceAt: submitted ? new Date() : null,
          originalWorkAt: submitted ? new Date() : null,
          aiUse: "none",
          identifiablePeople: false,
          showsSurvivors: false,
          showsExactLocations: false,
          graphicContent: false,
          submittedAt: submitted ? new Date(opens + random() * span) : null,
        },
      };
    });
    await db.user.createMany({ data: rows.map((r) => r.user) });
    await db.entry.createMany({ data: rows.map((r) => r.entry) });
  }
  await db.contest.update({ where: { id: contestId }, data: { lastEntryNumber: number } });
  return { judges: judges.length, lastEntryNumber: number };
}

/** Notes judges leave entrants in the demo contest. */
const DEMO_NOTES = [
  "The survivors speak for themselves here, and that is the work's strength. The middle section could be shorter.",
  "A clear, moving idea. Show us more of what assistance looks like day to day, not only the injury.",
  "Careful and respectful. The sound is uneven: a second pass on the mix would lift the whole piece.",
];

/** Scores a share of the contest's scoring-round assignments, as judges would. */
export async function scoreDemoAssignments(db: PrismaClient, contestId: string, share = 0.6, seed = 11) {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const criteria = await db.rubricCriterion.findMany({ where: { contestId } });
  const assignments = await db.assignment.findMany({ where: { contestId, round: "scoring" }, select: { id: true } });
  const chosen = assignments.filter(() => random() < share);
  for (let i = 0; i < chosen.length; i += 500) {
    await db.$transaction(
      chosen.slice(i, i + 500).map((a) =>
        db.assignment.update({
          where: { id: a.id },
          data: {
            status: "submitted",
            revision: 1,
            submittedAt: new Date(),
            scores: JSON.stringify(Object.fromEntries(criteria.map((c) => [c.id, 1 + Math.floor(random() * 5)]))),
            // the note entrants read once organizers release the feedback
            comments: JSON.stringify({ entrant: DEMO_NOTES[Math.floor(random() * DEMO_NOTES.length)] }),
          },
        }),
      ),
    );
  }
  return chosen.length;
}
