import { db } from "~/services/db.server";
import { createSession } from "~/services/session.server";
import { demo, TODAY } from "./entries";

/** People and entries for the judging and results tests, made straight in the database. */
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

/** An eligible entry made directly in the database, for assignment and scoring tests. */
export async function eligibleEntry(
  name: string,
  country: string,
  extra: { coCreator?: string; entrantId?: string } = {},
) {
  const contest = await demo({ categories: true });
  const user = extra.entrantId
    ? { id: extra.entrantId }
    : await db.user.create({
        data: {
          email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.org`,
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
      categoryId: contest.categories[0]!.id,
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
    },
  });
}
