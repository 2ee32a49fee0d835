import { db, type Prisma } from "~/services/db.server";
import { createSession } from "~/services/session.server";
import { demo, TODAY } from "./contest";

/**
 * People, entries and score sheets for the judging and results tests, made straight in the
 * database. The browser tests seed the app under test with them too (tests/e2e/database.ts), so
 * they must not import vitest or the app's routes.
 */
export async function signedIn(email: string, role = "entrant") {
  const user = await db.user.create({ data: { email, role } });
  return { user, cookie: (await createSession(user.id)).split(";")[0]! };
}

export async function judge(email: string, declared: Record<string, string | string[]> = { country: "FR" }) {
  const user = await signedIn(email);
  await db.contestJudge.create({
    data: {
      contestId: (await demo()).id,
      userId: user.user.id,
      country: String(declared.country ?? "FR"),
      conflictPeople: String(declared.people ?? ""),
      conflictCountries: ([] as string[]).concat(declared.countries ?? []).join(","),
      conflictsDeclaredAt: TODAY,
    },
  });
  return user;
}

/**
 * An eligible entry of the demo contest made directly in the database, for assignment, scoring
 * and results tests, by a new entrant called `name` unless `entrantId` names one.
 * `category` is a category's slug (the contest's first otherwise); `email` is the new entrant's
 * address (made from their name otherwise); `entry` sets any of the entry's own columns over the
 * defaults, such as another status, the codes, the texts or submittedAt (TODAY otherwise).
 */
export async function eligibleEntry(
  name: string,
  country: string,
  extra: {
    coCreator?: string;
    entrantId?: string;
    category?: string;
    email?: string;
    entry?: Partial<Prisma.EntryUncheckedCreateInput>;
  } = {},
) {
  const contest = await demo({ categories: true });
  const category = extra.category ? contest.categories.find((c) => c.slug === extra.category) : contest.categories[0];
  if (!category) throw new Error(`the demo contest has no category ${extra.category}`);
  const user = extra.entrantId
    ? { id: extra.entrantId }
    : await db.user.create({
        data: {
          email: extra.email ?? `${name.toLowerCase().replace(/\W+/g, ".")}@example.org`,
          fullName: name,
          displayName: name.split(" ")[0],
          country,
          dateOfBirth: "2000-01-01",
        },
      });
  const number = (await db.entry.count()) + 1;
  return db.entry.create({
    data: {
      contestId: contest.id,
      categoryId: category.id,
      entrantId: user.id,
      status: "eligible",
      referenceCode: `YHD25-${String(number).padStart(4, "0")}`,
      judgeCode: `J${String(number).padStart(5, "0")}`,
      title: `Work ${number}`,
      summary: "A summary.",
      statement: "A statement.",
      submittedAt: TODAY,
      coCreators: extra.coCreator
        ? { create: { name: extra.coCreator, email: "co@example.org", eligibleConfirmedAt: TODAY } }
        : undefined,
      ...extra.entry,
    },
  });
}

/** A judge's score sheet for `entry`, sent in with `scores` (criterion id to level). */
export function submittedSheet(
  entry: { id: string; contestId: string },
  judgeId: string,
  scores: Record<string, number>,
  extra: Partial<Prisma.AssignmentUncheckedCreateInput> = {},
) {
  return db.assignment.create({
    data: {
      contestId: entry.contestId,
      entryId: entry.id,
      judgeId,
      status: "submitted",
      scores: JSON.stringify(scores),
      ...extra,
    },
  });
}
