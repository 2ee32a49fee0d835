import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { appDatabase } from "./database";
import { signedInPage } from "./sessions";
import { base } from "./support";

/**
 * A comparative final, end to end in the browser, on a contest of its own (the demo contest's
 * final round belongs to judging.spec.ts): the organizer chooses it on the settings page and
 * starts it on a shortlist, two judges compare pairs side by side until nothing is left to ask,
 * and the organizer reads the order with its reliability. A visitor reads how it works.
 */
const run = randomBytes(3).toString("hex");
const slug = `final-${run}`;

async function seedContest() {
  const { db, eligibleEntry } = await appDatabase();
  const { demoContest } = await import("../../prisma/demo-contest");
  const contest = await db.contest.create({
    data: {
      ...demoContest(new Date()),
      slug,
      codePrefix: `F${run.toUpperCase()}`,
      title: `Comparative final ${run}`,
      status: "judging",
    },
    include: { categories: { orderBy: { position: "asc" } } },
  });
  const category = contest.categories.find((c) => c.slug === "photography")!;
  const titles = ["Hands that rebuild", "The long walk home", "After the field", "Voices of the clinic"];
  for (const [index, title] of titles.entries()) {
    await eligibleEntry(`Entrant ${run} ${index}`, "PH", {
      email: `final-${run}-${index}@example.org`,
      entry: {
        contestId: contest.id,
        categoryId: category.id,
        referenceCode: `F${run.toUpperCase()}-000${index + 1}`,
        judgeCode: `F${run}${index}`.toUpperCase(),
        title: `${title} ${run}`,
        summary: "A photo series about a prosthetics workshop.",
        statement: "Assistance is a whole community learning to make room.",
        language: "English",
        submittedAt: new Date(),
      },
    });
  }
  return { db, contest, titles: titles.map((t) => `${t} ${run}`) };
}

const axe = (page: Page) =>
  new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));

test("organizers run a comparative final: judges pick the stronger of two works until the order is known", async ({
  browser,
}) => {
  const { db, contest, titles } = await seedContest();
  const { page: organizer } = await signedInPage(browser, "organizer@example.org");

  // the method is chosen on the settings page
  await organizer.goto(`${base()}/organize/${slug}/settings`);
  await organizer.getByLabel("Ranking of the final round").selectOption("pairwise");
  await organizer.getByRole("button", { name: "Save settings" }).click();
  await expect(organizer.getByText("Settings saved.")).toBeVisible();
  expect((await db.contest.findUniqueOrThrow({ where: { id: contest.id } })).finalMethod).toBe("pairwise");

  // two judges who declared their conflicts
  const judges: Page[] = [];
  for (const name of ["a", "b"]) {
    const { page, user } = await signedInPage(browser, `final-judge-${name}-${run}@example.org`);
    await db.contestJudge.create({
      data: { contestId: contest.id, userId: user.id, country: "BR", conflictsDeclaredAt: new Date() },
    });
    judges.push(page);
  }

  // the shortlist: all four works, and the round starts
  await organizer.goto(`${base()}/organize/${slug}/final`);
  for (const title of titles) await organizer.getByLabel(new RegExp(title)).check();
  const inAMonth = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await organizer.getByLabel("Final round closes on").fill(inAMonth);
  await organizer.getByRole("button", { name: "Save and start the final round" }).click();
  await expect(organizer.getByRole("status").filter({ hasText: "Final round started" })).toBeVisible();

  // each judge compares pairs until nothing is left to ask of them; the stronger work is the one
  // earlier in `titles`, whichever side it is on
  for (const judge of judges) {
    await judge.goto(`${base()}/judge/${slug}`);
    await judge.getByRole("link", { name: "Compare works" }).click();
    await expect(judge.getByRole("heading", { name: "Compare works" })).toBeVisible();
    await judge.getByRole("button", { name: /Show me the first pair/ }).click();
    let decided = 0;
    for (;;) {
      const question = judge.getByRole("heading", { name: /which work is stronger\?/ });
      const done = judge.locator(".notice").filter({ hasText: /no more pairs|every pair you can/ });
      await expect(question.or(done)).toBeVisible();
      if (await done.isVisible()) break;
      const left = await judge.getByTestId("work-left").getByRole("heading", { level: 2 }).innerText();
      const right = await judge.getByTestId("work-right").getByRole("heading", { level: 2 }).innerText();
      // blind: the works by their judge codes, never their makers
      await expect(judge.getByTestId("work-left")).not.toContainText(`Entrant ${run}`);
      if (decided === 0) await axe(judge);
      const leftStronger = titles.indexOf(left) < titles.indexOf(right);
      // the choice by keyboard: focus the button, press Enter
      const button = judge.getByRole("button", { name: leftStronger ? "Work A is stronger" : "Work B is stronger" });
      await button.focus();
      await judge.keyboard.press("Enter");
      decided += 1;
      await expect(judge.getByTestId("compare-count")).toContainText(`compared ${decided} pair`);
    }
    expect(decided).toBeGreaterThan(0);
    expect(decided).toBeLessThanOrEqual(6);
  }

  // the dashboard counts each judge's comparisons (a comparative final has no sheets to count)
  await organizer.goto(`${base()}/organize/${slug}`);
  await expect(organizer.getByText(/^\d+ pairs? compared$/)).toHaveCount(2);

  // the organizer reads the order, strongest first, with how reliable it is
  await organizer.goto(`${base()}/organize/${slug}/results?round=final`);
  await expect(organizer.getByTestId("method")).toContainText("comparisons of two works at a time");
  await expect(organizer.getByTestId("category-reliability")).toContainText("Reliability of this order");
  const rows = organizer.getByTestId("result-row");
  await expect(rows).toHaveCount(4);
  // the work that won every comparison first, the one that lost every one last (the middle two
  // may share a place when the round stopped before they met)
  await expect(rows.first()).toContainText(titles[0]!);
  await expect(rows.last()).toContainText(titles[3]!);
  await axe(organizer);

  // anyone can read how the works are ranked
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${base()}/contests/${slug}`);
  await visitor.getByRole("link", { name: "How the works are judged and ranked" }).click();
  await expect(visitor.getByRole("heading", { name: "How we rank the works" })).toBeVisible();
  await expect(visitor.getByTestId("final-method")).toContainText("compared two at a time");
  await axe(visitor);
});
