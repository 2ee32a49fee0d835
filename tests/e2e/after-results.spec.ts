import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { appDatabase } from "./database";
import { signedInPage } from "./sessions";
import { base, mailTo } from "./support";

/**
 * What entrants and visitors get once the results are out, end to end in the browser, on a
 * contest of its own whose results are published: the organizer reviews a judge's note and
 * releases it; the entrant reads it on their entry page and downloads their certificate, whose
 * printed address confirms it; a visitor finds the work's page (with its preview card), verifies
 * their email and votes once.
 */
const run = randomBytes(3).toString("hex");
const slug = `after-${run}`;
const NOTE = "The interviews give survivors their own voice. Judge Okafor would add more about the clinic.";
const EDITED = "The interviews give survivors their own voice.";

async function seedContest() {
  const { db, eligibleEntry } = await appDatabase();
  const { demoContest } = await import("../../prisma/demo-contest");
  const day = 24 * 60 * 60 * 1000;
  const ago = (days: number) => new Date(Date.now() - days * day);
  const contest = await db.contest.create({
    data: {
      ...demoContest(ago(60)),
      slug,
      codePrefix: `A${run.toUpperCase()}`,
      title: `After the results ${run}`,
      status: "results_published",
      judgingEndsAt: ago(3),
      announcementAt: ago(1),
      resultsPublishedAt: ago(1),
      feedback: true,
      certificateWording: "For a work on the rights of survivors of cluster munitions.",
      certificateSignature: "A. B., President of the Meeting",
      peoplesChoice: true,
      votingClosesAt: new Date(Date.now() + 7 * day),
    },
    include: { categories: { orderBy: { position: "asc" } }, criteria: true },
  });
  const category = contest.categories.find((c) => c.slug === "photography")!;
  const entrantEmail = `after-${run}@example.org`;
  const entry = await eligibleEntry(`Amaya Reyes ${run}`, "PH", {
    email: entrantEmail,
    entry: {
      contestId: contest.id,
      categoryId: category.id,
      referenceCode: `A${run.toUpperCase()}-0001`,
      judgeCode: `A${run}1`.toUpperCase(),
      title: `Hands that rebuild ${run}`,
      statement: "Assistance is a whole community learning to make room.",
      licenceAt: ago(30),
      identifiablePeople: false,
      submittedAt: ago(30),
    },
  });
  const judge = await db.user.create({ data: { email: `after-judge-${run}@example.org`, fullName: "Judge Okafor" } });
  await db.assignment.create({
    data: {
      contestId: contest.id,
      entryId: entry.id,
      judgeId: judge.id,
      status: "submitted",
      scores: JSON.stringify(Object.fromEntries(contest.criteria.map((c) => [c.id, 4]))),
      comments: JSON.stringify({ entrant: NOTE }),
    },
  });
  const organizer = await db.user.create({ data: { email: `after-org-${run}@example.org`, role: "organizer" } });
  await db.award.create({
    data: { contestId: contest.id, entryId: entry.id, place: "first", createdById: organizer.id },
  });
  return { db, entry, entrantEmail, organizerEmail: organizer.email };
}

const axe = (page: Page) =>
  new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));

test("an entrant reads their judges' reviewed note and a certificate its address confirms; a visitor votes once", async ({
  browser,
}) => {
  const { db, entry, entrantEmail, organizerEmail } = await seedContest();

  // The organizer takes the judge's name out of the note, then releases the feedback.
  const { page: organizer } = await signedInPage(browser, organizerEmail);
  await organizer.goto(`${base()}/organize/${slug}/feedback`);
  const note = organizer.getByTestId("note-review");
  await expect(note.getByLabel("What the entrant reads")).toHaveValue(NOTE);
  await note.getByLabel("What the entrant reads").fill(EDITED);
  await note.getByRole("button", { name: "Save" }).click();
  await expect(note.getByRole("status")).toHaveText("Saved");
  await axe(organizer);
  await organizer.getByRole("button", { name: "Release feedback" }).click();
  await expect(organizer.getByText("Entrants have their notes. They can no longer be changed.")).toBeVisible();

  // The entrant reads it on their entry page (and by email), without the judge's name.
  const { page: entrant } = await signedInPage(browser, entrantEmail);
  await entrant.goto(`${base()}/entries/${entry.id}`);
  const after = entrant.getByRole("region", { name: "After the results" });
  await expect(after.getByTestId("judge-note")).toHaveText(`Note 1${EDITED}`);
  await expect(after).not.toContainText("Okafor");
  await axe(entrant);
  const mail = await mailTo(entrant, entrantEmail, /the judges' notes/);
  await expect(mail.first()).toContainText(EDITED);
  await expect(mail.first()).not.toContainText("Okafor");

  // The certificate names the award; the address printed on it confirms it.
  await entrant.goto(`${base()}/entries/${entry.id}`);
  const [download] = await Promise.all([
    entrant.waitForEvent("download"),
    entrant.getByRole("link", { name: "Download my certificate — First place (PDF)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`certificate-A${run.toUpperCase()}-0001.pdf`);
  const pdf = await PDFDocument.load(readFileSync((await download.path())!));
  expect(pdf.getTitle()).toBe(`Certificate of award — After the results ${run}`);
  const link = pdf.getPage(0).node.lookup(PDFName.of("Annots"), PDFArray).lookup(0, PDFDict);
  const address = link.lookup(PDFName.of("A"), PDFDict).lookup(PDFName.of("URI"), PDFString).decodeText();
  expect(address).toMatch(new RegExp(`^${base()}/v/[2-9A-HJKMNP-Z]{8}$`));
  const checker = await (await browser.newContext()).newPage();
  await checker.goto(address);
  await expect(checker.getByTestId("certificate-genuine")).toContainText("is genuine");
  await expect(checker.getByText(`Hands that rebuild ${run}`)).toBeVisible();
  await expect(checker.getByText("First place in Photography")).toBeVisible();
  await expect(checker.locator("main")).not.toContainText(entrantEmail);
  await axe(checker);

  // A visitor opens the work's own page, which carries a preview card for social networks.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${base()}/contests/${slug}/winners`);
  await visitor.getByRole("link", { name: `Hands that rebuild ${run}` }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: `Hands that rebuild ${run}` })).toBeVisible();
  await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute("content", `Hands that rebuild ${run}`);
  await expect(visitor.locator('meta[property="og:description"]')).toHaveAttribute(
    "content",
    new RegExp(`First place, Photography, After the results ${run}`),
  );
  await expect(visitor.locator('meta[property="og:url"]')).toHaveAttribute(
    "content",
    `${base()}/contests/${slug}/winners/${entry.id}`,
  );
  await expect(visitor.locator('meta[name="twitter:card"]')).toHaveAttribute("content", /summary/);
  await axe(visitor);

  // They verify their email with a code, come back to the work, and vote once.
  const voterEmail = `voter-${run}@example.org`;
  await visitor.getByRole("link", { name: "Sign in with your email to vote" }).click();
  await visitor.getByLabel("Email address").fill(voterEmail);
  await visitor.getByRole("button", { name: "Send me a code" }).click();
  await expect(visitor.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const codePage = visitor.url();
  const text = await (await mailTo(visitor, voterEmail, /sign-in code/)).first().innerText();
  await visitor.goto(codePage);
  await visitor.getByLabel("6-digit code").fill(/\b(\d{6})\b/.exec(text)![1]!);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor).toHaveURL(`${base()}/contests/${slug}/winners/${entry.id}`);
  await visitor.getByRole("button", { name: `Vote for “Hands that rebuild ${run}”` }).click();
  await expect(visitor.getByText("You voted for this work in Photography. Thank you!")).toBeVisible();
  await visitor.reload();
  await expect(visitor.getByText("You voted for this work in Photography. Thank you!")).toBeVisible();
  await expect(visitor.getByRole("button", { name: /^Vote for/ })).toHaveCount(0);
  // no count for anyone outside until the vote closes
  await expect(visitor.getByTestId("vote-count")).toHaveCount(0);
  expect(await db.vote.count({ where: { entryId: entry.id } })).toBe(1);
});
