import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { beforeEach, describe, expect, it } from "vitest";
import { runAssignment } from "~/models/assignment.server";
import { entryFeedback } from "~/models/feedback.server";
import { eraseAccount } from "~/models/erasure.server";
import { loader as certificateLoader } from "~/routes/entries.$id_.certificate[.pdf]";
import { loader as entryLoader } from "~/routes/entries.$id";
import { action as sheetAction } from "~/routes/judge.$slug.entries.$code_.sheet";
import { action as feedbackAction, loader as feedbackLoader } from "~/routes/organize.$slug.feedback";
import { loader as checkLoader } from "~/routes/v.$code";
import { loader as workLoader, meta as workMeta } from "~/routes/contests.$slug_.winners_.$id";
import { loader as cardLoader } from "~/routes/contests.$slug_.winners_.$id_.card";
import { action as voteAction } from "~/routes/contests.$slug_.winners_.$id";
import { loader as galleryLoader } from "~/routes/contests.$slug_.winners";
import { action as votesAction, loader as votesLoader } from "~/routes/organize.$slug.votes";
import { networkOf } from "~/services/rate-limit.server";
import { advance, setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { runDueJobs } from "~/services/jobs.server";
import { createSession } from "~/services/session.server";
import { jobHandlers } from "~/jobs.server";
import { publishResults, scheduleResults } from "~/models/results.server";
import { judgeEntryView } from "~/models/scoring.server";
import { DEMO_SLUG } from "../../prisma/demo-contest";
import { resetToDemoContest, TODAY } from "../support/contest";
import { context, formRequest, getRequest, problemKeys, settle } from "../support/http";
import { entrant, runJobsUntilIdle, startId, upload } from "../support/entries";
import { eligibleEntry, judge, signedIn } from "../support/judging";
import { mailbox } from "../support/mailbox";

const slug = DEMO_SLUG;
const LATER = new Date(TODAY.getTime() + 60 * 60 * 1000);

beforeEach(resetToDemoContest);

/**
 * Three eligible entries in one category, each scored by the same three judges (levels 5/4/3,
 * 4/3/2, 3/2/1); judging still open.
 */
async function judgedContest(settings: { feedback?: boolean; feedbackScores?: boolean } = {}) {
  await db.contest.updateMany({
    data: {
      judgesPerEntry: 3,
      avoidSameCountry: false,
      feedback: settings.feedback ?? true,
      feedbackScores: settings.feedbackScores ?? false,
      certificateWording: "For a work on the rights of survivors.",
      certificateSignature: "A. B., President of the Meeting",
    },
  });
  const organizer = await signedIn("org@example.org", "organizer");
  const judges = await Promise.all(["a", "b", "c"].map((n) => judge(`judge.${n}@example.org`, { country: "FR" })));
  await db.user.updateMany({ where: { email: { startsWith: "judge." } }, data: { fullName: "Judge Marchetti" } });
  const entries = [
    await eligibleEntry("Amaya Reyes", "PH"),
    await eligibleEntry("Lina Karam", "LB"),
    await eligibleEntry("Juan Pérez", "CO"),
  ];
  const contest = await db.contest.findFirstOrThrow();
  await runAssignment(contest.id, organizer.user.id);
  const criteria = await db.rubricCriterion.findMany();
  const levels = [
    [5, 4, 3],
    [4, 3, 2],
    [3, 2, 1],
  ];
  for (const [j, row] of levels.entries())
    for (const [e, level] of row.entries())
      await db.assignment.update({
        where: { entryId_judgeId_round: { entryId: entries[e]!.id, judgeId: judges[j]!.user.id, round: "scoring" } },
        data: { status: "submitted", scores: JSON.stringify(Object.fromEntries(criteria.map((c) => [c.id, level]))) },
      });
  return { organizer, judges, entries, contest, criteria, levels };
}

/** Judging closes: the results are announced an hour from now. */
function closeJudging() {
  return db.contest.updateMany({
    data: { judgingEndsAt: new Date(TODAY.getTime() - 60 * 60 * 1000), announcementAt: LATER },
  });
}

/** The announcement time comes: the results are published and every email they cause is sent. */
async function publish() {
  setNow(LATER);
  await runDueJobs(jobHandlers);
  await publishResults((await db.contest.findFirstOrThrow()).id);
  await runJobsUntilIdle();
}

const review = (cookie: string, fields: Record<string, string>) =>
  settle(() =>
    feedbackAction({
      request: formRequest(`/organize/${slug}/feedback`, fields, { cookie }),
      context: context(),
      params: { slug },
    }),
  );

const entryPage = async (entrantId: string, entryId: string) =>
  entryLoader({
    request: getRequest(`/entries/${entryId}`, { cookie: (await createSession(entrantId)).split(";")[0]! }),
    context: context(),
    params: { id: entryId },
  });

describe("feedback to entrants", () => {
  it("reaches each entrant as organizers reviewed it, without judges' names, once released and published", async () => {
    const { organizer, judges, entries, criteria, levels } = await judgedContest({ feedbackScores: true });
    const [amaya] = entries;
    // Each judge writes a note on Amaya's work through the sheet's autosave, as the page does.
    const notes = [
      "The interviews give the survivors their own voice. Tell us more about the clinic.",
      "Strong framing. Ask Judge Marchetti about the sound mix.",
      "The ending felt rushed.",
    ];
    for (const [index, j] of judges.entries()) {
      const sheet = await db.assignment.findFirstOrThrow({
        where: { entryId: amaya!.id, judgeId: j.user.id, round: "scoring" },
      });
      const answer = await sheetAction({
        request: formRequest(
          `/judge/${slug}/entries/${amaya!.judgeCode}/sheet`,
          {
            revision: String(sheet.revision),
            ...Object.fromEntries(criteria.map((c) => [`score.${c.id}`, String(levels[index]![0])])),
            "comment.entrant": notes[index]!,
          },
          { cookie: j.cookie },
        ),
        context: context(),
        params: { slug, code: amaya!.judgeCode },
      });
      expect((answer as Response).status).toBe(200);
    }
    // Two more works in the category, scored 0 by one judge: with five judged works, the
    // category's average can be shared without giving anyone's score away.
    for (const name of ["Omar Haddad", "Sara Lind"]) {
      const work = await eligibleEntry(name, "JO");
      await db.assignment.create({
        data: {
          contestId: work.contestId,
          entryId: work.id,
          judgeId: judges[0]!.user.id,
          status: "submitted",
          scores: JSON.stringify(Object.fromEntries(criteria.map((c) => [c.id, 1]))),
        },
      });
    }
    // Not while judges can still change their notes.
    expect(problemKeys(await review(organizer.cookie, { intent: "release" }))).toEqual(["feedbackReview.judgingOpen"]);
    expect((await db.contest.findFirstOrThrow()).feedbackReleasedAt).toBeNull();
    await closeJudging();
    const written = await db.assignment.findMany({ where: { entryId: amaya!.id } });
    expect(written.map((a) => JSON.parse(a.comments).entrant).sort()).toEqual([...notes].sort());

    // Nothing reaches the entrant before organizers release it.
    expect(await entryFeedback(amaya!.id)).toBeNull();

    // Only organizers review: a judge is refused.
    const byJudge = await review(judges[0]!.cookie, { intent: "release" });
    expect((byJudge as Response).status).toBe(403);

    const page = await feedbackLoader({
      request: getRequest(`/organize/${slug}/feedback`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug },
    });
    expect(page.noteCount).toBe(3);
    const reviewed = page.entries[0]!.notes;
    const second = reviewed.find((n) => n.written === notes[1])!;
    const third = reviewed.find((n) => n.written === notes[2])!;
    await review(organizer.cookie, { intent: "review", note: second.id, text: "Strong framing." });
    await review(organizer.cookie, { intent: "review", note: third.id, text: notes[2]!, held: "on" });
    const events = await db.auditEvent.findMany({ where: { action: "feedback.reviewed" } });
    expect(events).toHaveLength(2);
    // the trail says what changed, never what the judge wrote
    expect(JSON.stringify(events)).not.toContain("Marchetti");

    // Released before the results: still nothing to read, no email, until they are published.
    await review(organizer.cookie, { intent: "release" });
    expect((await db.contest.findFirstOrThrow()).feedbackReleasedAt).not.toBeNull();
    expect(await entryFeedback(amaya!.id)).toBeNull();
    await runDueJobs(jobHandlers);
    expect(
      mailbox()
        .messages()
        .filter((m) => m.subject.includes("judges' notes")),
    ).toHaveLength(0);

    await publish();
    const page2 = await entryPage(amaya!.entrantId, amaya!.id);
    expect(page2.feedback!.notes.sort()).toEqual([notes[0], "Strong framing."].sort());
    // levels 5/4/3 weigh 100/75/50; the category's five works average 75, 50, 25, 0 and 0
    expect(page2.feedback!.scores!.average).toBeCloseTo(75);
    expect(page2.feedback!.scores!.categoryAverage).toBeCloseTo(30);
    const shown = JSON.stringify(page2);
    for (const hidden of ["Marchetti", "judge.a@example.org", "rushed"]) expect(shown).not.toContain(hidden);

    const mails = mailbox()
      .messages()
      .filter((m) => m.subject.includes("judges' notes"));
    // The other entries had no notes, but scores are shared: each of the five gets one email.
    expect(
      mails
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual(
      [
        "amaya.reyes@example.org",
        "juan.p.rez@example.org",
        "lina.karam@example.org",
        "omar.haddad@example.org",
        "sara.lind@example.org",
      ].sort(),
    );
    const amayaMail = mails.find((m) => m.to.includes("amaya.reyes@example.org"))!;
    expect(amayaMail.text).toContain("Strong framing.");
    expect(amayaMail.text).toContain(notes[0]!.slice(0, 40));
    expect(amayaMail.text).not.toContain("Marchetti");
    expect(amayaMail.text).not.toContain("rushed");

    // A second publication run (a retried job) sends nothing twice.
    await publishResults((await db.contest.findFirstOrThrow()).id);
    await runDueJobs(jobHandlers);
    expect(
      mailbox()
        .messages()
        .filter((m) => m.subject.includes("judges' notes")),
    ).toHaveLength(5);

    // Once entrants have read a note, it can no longer change.
    expect(problemKeys(await review(organizer.cookie, { intent: "review", note: second.id, text: "Other" }))).toEqual([
      "feedbackReview.alreadyOut",
    ]);
    expect((await db.assignment.findUniqueOrThrow({ where: { id: second.id } })).noteEdited).toBe("Strong framing.");
  });

  it("goes back to review when a judge rewrites a note, and keeps a small category's average to itself", async () => {
    const { organizer, judges, entries, criteria, levels } = await judgedContest({ feedbackScores: true });
    const [amaya] = entries;
    const sheet = () => db.assignment.findFirstOrThrow({ where: { entryId: amaya!.id, judgeId: judges[0]!.user.id } });
    const write = async (note: string) =>
      sheetAction({
        request: formRequest(
          `/judge/${slug}/entries/${amaya!.judgeCode}/sheet`,
          {
            revision: String((await sheet()).revision),
            ...Object.fromEntries(criteria.map((c) => [`score.${c.id}`, String(levels[0]![0])])),
            "comment.entrant": note,
          },
          { cookie: judges[0]!.cookie },
        ),
        context: context(),
        params: { slug, code: amaya!.judgeCode },
      });
    await write("First words.");
    await review(organizer.cookie, { intent: "review", note: (await sheet()).id, text: "Edited words." });
    expect((await sheet()).noteEdited).toBe("Edited words.");
    // the judge's new words replace the organizer's edit of the old ones, to be read again
    await write("Second thoughts.");
    expect((await sheet()).noteEdited).toBeNull();
    await closeJudging();
    await review(organizer.cookie, { intent: "release" });
    await publish();
    const feedback = await entryFeedback(amaya!.id);
    expect(feedback!.notes).toEqual(["Second thoughts."]);
    // three judged works: the category's average would give the others' scores away
    expect(feedback!.scores).toEqual({ average: 75, categoryAverage: null });
    // the release queued its emails in a job of its own: they went out with the publication, once
    await runDueJobs(jobHandlers);
    expect(
      mailbox()
        .messages()
        .filter((m) => m.to.includes("amaya.reyes@example.org") && m.subject.includes("judges' notes")),
    ).toHaveLength(1);
  });

  it("sent by a release after the publication, from a job queued with it", async () => {
    const { organizer, entries } = await judgedContest();
    await db.assignment.updateMany({ data: { comments: JSON.stringify({ entrant: "A note for you." }) } });
    await closeJudging();
    await publish();
    expect(
      mailbox()
        .messages()
        .filter((m) => m.subject.includes("judges' notes")),
    ).toHaveLength(0);
    await review(organizer.cookie, { intent: "release" });
    expect(await db.job.count({ where: { type: "feedback.send" } })).toBe(1);
    await runDueJobs(jobHandlers);
    await runDueJobs(jobHandlers);
    const mails = mailbox()
      .messages()
      .filter((m) => m.subject.includes("judges' notes"));
    expect(
      mails
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual(["amaya.reyes@example.org", "juan.p.rez@example.org", "lina.karam@example.org"].sort());
    expect((await entryFeedback(entries[0]!.id))!.notes).toEqual([
      "A note for you.",
      "A note for you.",
      "A note for you.",
    ]);
  });

  it("is neither asked of judges nor shown to entrants where the contest gives none", async () => {
    const { organizer, judges, entries } = await judgedContest({ feedback: false });
    const contestId = entries[0]!.contestId;
    const view = await judgeEntryView(contestId, judges[0]!.user.id, entries[0]!.judgeCode);
    expect(view!.entrantNote).toBe(false);
    await db.contest.updateMany({ data: { feedback: true } });
    expect((await judgeEntryView(contestId, judges[0]!.user.id, entries[0]!.judgeCode))!.entrantNote).toBe(true);
    await db.contest.updateMany({ data: { feedback: false } });
    await db.assignment.updateMany({ data: { comments: JSON.stringify({ entrant: "A note." }) } });
    await closeJudging();
    expect(problemKeys(await review(organizer.cookie, { intent: "release" }))).toEqual(["feedbackReview.off"]);
    await publish();
    expect(await entryFeedback(entries[0]!.id)).toBeNull();
    expect((await entryPage(entries[0]!.entrantId, entries[0]!.id)).feedback).toBeNull();
  });
});

/** The URI of the certificate's link annotation: the check address printed on it. */
async function linkOf(pdfBytes: Uint8Array) {
  const pdf = await PDFDocument.load(pdfBytes);
  const annots = pdf.getPage(0).node.lookup(PDFName.of("Annots"), PDFArray);
  const link = annots.lookup(0, PDFDict);
  const action = link.lookup(PDFName.of("A"), PDFDict);
  return { title: pdf.getTitle(), uri: action.lookup(PDFName.of("URI"), PDFString).decodeText() };
}

const certificate = async (entrantId: string, entryId: string, headers: Record<string, string> = {}) =>
  settle(async () =>
    certificateLoader({
      request: getRequest(`/entries/${entryId}/certificate.pdf`, {
        cookie: (await createSession(entrantId)).split(";")[0]!,
        headers,
      }),
      context: context(),
      params: { id: entryId },
    }),
  ) as Promise<Response>;

/** The check page's data, and its status (200 unless refused). */
const check = async (code: string, ip?: string) => {
  const answer = await checkLoader({ request: getRequest(`/v/${code}`), context: context(ip), params: { code } });
  return "init" in answer
    ? { ...answer.data, status: answer.init?.status, retryAfter: new Headers(answer.init?.headers).get("retry-after") }
    : { ...answer, status: 200, retryAfter: null };
};

describe("certificates", () => {
  it("are downloaded by each judged entrant once the results are out, and checked at their address", async () => {
    const { organizer, entries } = await judgedContest();
    const [amaya, lina] = entries;
    await db.award.create({
      data: { contestId: amaya!.contestId, entryId: amaya!.id, place: "first", createdById: organizer.user.id },
    });
    const refused = await eligibleEntry("Omar Haddad", "JO", { entry: { status: "ineligible" } });
    await closeJudging();

    // Not before the results.
    expect((await certificate(amaya!.entrantId, amaya!.id)).status).toBe(404);
    expect((await entryPage(amaya!.entrantId, amaya!.id)).certificate).toBeNull();
    await publish();
    expect((await entryPage(amaya!.entrantId, amaya!.id)).certificate).toEqual({ place: "first" });

    // Two downloads at once share one check code.
    const [award, again] = await Promise.all([
      certificate(amaya!.entrantId, amaya!.id),
      certificate(amaya!.entrantId, amaya!.id),
    ]);
    expect(award.status).toBe(200);
    expect(award.headers.get("content-type")).toBe("application/pdf");
    expect(award.headers.get("content-disposition")).toContain(`certificate-${amaya!.referenceCode}.pdf`);
    const printed = await linkOf(new Uint8Array(await award.arrayBuffer()));
    expect((await linkOf(new Uint8Array(await again.arrayBuffer()))).uri).toBe(printed.uri);
    expect(printed.title).toMatch(/^Certificate of award — /);
    const code = (await db.entry.findUniqueOrThrow({ where: { id: amaya!.id } })).certificateCode!;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(printed.uri).toBe(`http://localhost:3000/v/${code}`);

    // The check page states what the certificate states, and nothing more.
    const checked = await check(code.toLowerCase().replace(/^(....)/, "$1-"));
    expect(checked.certificate).toMatchObject({ code, name: "Amaya", title: amaya!.title, place: "first" });
    // (the code is left out of what is searched: a random code can hold "PH", the entrant's country)
    const stated = JSON.stringify({ ...checked, certificate: { ...checked.certificate, code: null } });
    for (const hidden of ["Reyes", "amaya.reyes@example.org", "PH", "2000-01-01"]) expect(stated).not.toContain(hidden);
    expect((await check("ZZZZZZZZ")).certificate).toBeNull();

    // Another entrant gets one of participation, in their language.
    await db.user.update({ where: { id: lina!.entrantId }, data: { locale: "fr" } });
    const participation = await certificate(lina!.entrantId, lina!.id);
    expect((await linkOf(new Uint8Array(await participation.arrayBuffer()))).title).toMatch(
      /^Certificat de participation — /,
    );

    // Nobody downloads someone else's, and an entry found ineligible has none.
    expect((await certificate(lina!.entrantId, amaya!.id)).status).toBe(404);
    expect((await certificate(refused.entrantId, refused.id)).status).toBe(404);

    // Once the entrant's data is erased, the address no longer vouches for anyone.
    expect(await eraseAccount(amaya!.entrantId, { id: amaya!.entrantId })).toMatchObject({ ok: true });
    expect((await check(code)).certificate).toBeNull();
  });

  it("are checked at most 60 times an hour from one network, so that codes cannot be tried one by one", async () => {
    const { organizer, entries } = await judgedContest();
    const [amaya] = entries;
    await db.award.create({
      data: { contestId: amaya!.contestId, entryId: amaya!.id, place: "first", createdById: organizer.user.id },
    });
    await closeJudging();
    await publish();
    await certificate(amaya!.entrantId, amaya!.id);
    const code = (await db.entry.findUniqueOrThrow({ where: { id: amaya!.id } })).certificateCode!;

    // 59 guesses from one network (addresses of one /24), then the genuine code: answered
    for (let i = 0; i < 59; i++)
      expect((await check(`ZZZZZ${String(i).padStart(3, "2")}`, `198.51.100.${i}`)).status).toBe(200);
    expect((await check(code, "198.51.100.250")).certificate).toMatchObject({ code, name: "Amaya" });
    // the next, even the genuine code, is refused, and says when to come back
    const refused = await check(code, "198.51.100.7");
    expect(refused).toMatchObject({ status: 429, certificate: null, tooMany: true });
    expect(Number(refused.retryAfter)).toBeGreaterThan(3500);
    // another network checks as before, and an hour later the first one can again
    expect((await check(code, "192.0.2.1")).certificate).toMatchObject({ code });
    advance(60 * 60 * 1000);
    expect((await check(code, "198.51.100.7")).certificate).toMatchObject({ code });
  });
});

describe("sharing", () => {
  const work = (id: string) =>
    settle(() =>
      workLoader({ request: getRequest(`/contests/${slug}/winners/${id}`), context: context(), params: { slug, id } }),
    );
  const card = (id: string) =>
    settle(() =>
      cardLoader({
        request: getRequest(`/contests/${slug}/winners/${id}/card`),
        context: context(),
        params: { slug, id },
      }),
    ) as Promise<Response>;

  it("gives each winning work a page with a preview card whose picture social networks can fetch", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const { cookie } = await entrant("photographer@example.org", "2001-05-05", { displayName: "Noa" });
    const id = await startId(cookie, "photography");
    const photo = await upload(cookie, id, "photo-with-gps.jpg", "image/jpeg");
    await db.mediaAsset.update({ where: { id: photo.assetId }, data: { altText: "Hands fitting a prosthetic leg." } });
    const entry = await db.entry.update({
      where: { id },
      data: {
        status: "eligible",
        licenceAt: TODAY,
        identifiablePeople: false,
        title: "Open workshop",
        submittedAt: TODAY,
      },
    });
    await db.award.create({
      data: { contestId: entry.contestId, entryId: id, place: "second", createdById: organizer.user.id },
    });
    const other = await eligibleEntry("Lina Karam", "LB");

    // Not before the results are out.
    expect(((await work(id)) as Response).status).toBe(404);
    await closeJudging();
    await publish();

    const page = (await work(id)) as Exclude<Awaited<ReturnType<typeof workLoader>>, Response>;
    const url = `http://localhost:3000/contests/${slug}/winners/${id}`;
    expect(page.card).toMatchObject({ title: "Open workshop", url, image: `${url}/card` });
    expect(page.card.description).toContain("Noa");
    expect(page.card.description).toContain("Second place");
    const tags = workMeta({ data: page } as never) as Record<string, string>[];
    const tag = (property: string) => tags.find((t) => t.property === property || t.name === property)?.content;
    expect(tag("og:title")).toBe("Open workshop");
    expect(tag("og:image")).toBe(`${url}/card`);
    expect(tag("og:image:alt")).toBe("Hands fitting a prosthetic leg.");
    expect(tag("twitter:card")).toBe("summary_large_image");
    expect(JSON.stringify(tags)).not.toContain("photographer@example.org");

    // The card's address sends the network to the picture itself, which storage serves.
    const redirect = await card(id);
    expect(redirect.status).toBe(302);
    const picture = await fetch(redirect.headers.get("location")!);
    expect(picture.status).toBe(200);
    expect(picture.headers.get("content-type")).toBe("image/webp");

    // A work behind a content warning is shared without a picture: a card cannot warn.
    await db.entry.update({ where: { id }, data: { contentWarning: true } });
    const warned = (await work(id)) as typeof page;
    expect(warned.card.image).toBeNull();
    expect(
      (workMeta({ data: warned } as never) as Record<string, string>[]).some((t) => t.property === "og:image"),
    ).toBe(false);
    expect((await card(id)).status).toBe(404);

    // A work that won nothing has no public page.
    expect(((await work(other.id)) as Response).status).toBe(404);
    expect((await card(other.id)).status).toBe(404);
  });
});

describe("the people's choice", () => {
  const DAY = 24 * 60 * 60 * 1000;

  /** Two winning works in the first category and one in the second, all cleared for the gallery. */
  async function galleryWithVote() {
    const organizer = await signedIn("org@example.org", "organizer");
    const contest = await db.contest.findFirstOrThrow({ include: { categories: { orderBy: { position: "asc" } } } });
    const [first, second] = contest.categories;
    const works = [
      await eligibleEntry("Amaya Reyes", "PH", { category: first!.slug }),
      await eligibleEntry("Lina Karam", "LB", { category: first!.slug }),
      await eligibleEntry("Juan Pérez", "CO", { category: second!.slug }),
    ];
    await db.entry.updateMany({ data: { licenceAt: TODAY, identifiablePeople: false } });
    for (const [index, work] of works.entries())
      await db.award.create({
        data: {
          contestId: contest.id,
          entryId: work.id,
          place: index === 1 ? "second" : "first",
          createdById: organizer.user.id,
        },
      });
    await db.contest.updateMany({ data: { peoplesChoice: true, votingClosesAt: new Date(LATER.getTime() + DAY) } });
    await closeJudging();
    return { organizer, works };
  }

  const vote = (cookie: string | null, id: string, ip = "203.0.113.7") =>
    settle(() =>
      voteAction({
        request: formRequest(`/contests/${slug}/winners/${id}`, {}, cookie ? { cookie } : {}),
        context: context(ip),
        params: { slug, id },
      }),
    );
  const workPage = async (id: string, cookie?: string) =>
    (await workLoader({
      request: getRequest(`/contests/${slug}/winners/${id}`, cookie ? { cookie } : {}),
      context: context(),
      params: { slug, id },
    })) as Exclude<Awaited<ReturnType<typeof workLoader>>, Response>;
  const galleryPage = async () =>
    (await galleryLoader({ request: getRequest(`/contests/${slug}/winners`), context: context(), params: { slug } }))
      .data;
  const organizerPage = (cookie: string) =>
    votesLoader({ request: getRequest(`/organize/${slug}/votes`, { cookie }), context: context(), params: { slug } });

  it("takes one vote per signed-in person and category, hides counts until it closes, then announces the choice", async () => {
    const { organizer, works } = await galleryWithVote();
    const [amaya, lina, juan] = works;
    const visitor = await signedIn("visitor@example.org");

    // The results cannot be moved past the end of the vote: it would never open.
    const after = await scheduleResults(amaya!.contestId, new Date(LATER.getTime() + 2 * DAY), organizer.user.id);
    expect(after).toMatchObject({ ok: false, reason: "afterVote" });

    // Not before the results: the work is not public yet.
    expect(((await vote(visitor.cookie, amaya!.id)) as Response).status).toBe(404);
    await publish();

    // An awarded work missing a consent is not in the gallery, and takes no vote.
    const unreleased = await eligibleEntry("Noor Saleh", "JO", {
      entry: { identifiablePeople: true, licenceAt: TODAY },
    });
    await db.award.create({
      data: { contestId: unreleased.contestId, entryId: unreleased.id, place: "third", createdById: organizer.user.id },
    });
    expect(((await vote(visitor.cookie, unreleased.id)) as Response).status).toBe(404);

    // A visitor who is not signed in is sent to sign in, and back to the work.
    const anonymous = (await vote(null, amaya!.id)) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe(
      `/login?redirectTo=${encodeURIComponent(`/contests/${slug}/winners/${amaya!.id}`)}`,
    );

    // A double click casts one vote; a second work of the same category is refused; another category is free.
    const [once, twice] = await Promise.all([vote(visitor.cookie, amaya!.id), vote(visitor.cookie, amaya!.id)]);
    expect([once, twice].map((a) => (a as { data: { result: { status: string } } }).data.result.status).sort()).toEqual(
      ["error", "success"],
    );
    expect(problemKeys(await vote(visitor.cookie, lina!.id))).toEqual(["vote.already"]);
    expect(await vote(visitor.cookie, juan!.id)).toMatchObject({ data: { result: { status: "success" } } });
    expect(await db.vote.count()).toBe(2);
    expect((await workPage(lina!.id, visitor.cookie)).vote.votedFor).toEqual({ id: amaya!.id, title: amaya!.title });

    // Nobody outside sees a count while the vote is open; organizers do.
    expect((await workPage(amaya!.id)).vote.votes).toBeNull();
    expect((await galleryPage()).vote.chosen).toEqual([]);
    expect((await organizerPage(organizer.cookie)).works.find((w) => w.id === amaya!.id)!.votes).toBe(1);

    // Organizers may open the vote later than the publication: until then, no vote is taken.
    await db.contest.updateMany({ data: { votingOpensAt: new Date(LATER.getTime() + 60 * 60 * 1000) } });
    expect(problemKeys(await vote((await signedIn("early@example.org")).cookie, lina!.id))).toEqual(["vote.closed"]);
    expect((await workPage(lina!.id)).vote).toMatchObject({ state: "notYet" });
    await db.contest.updateMany({ data: { votingOpensAt: null } });

    // Two more visitors choose Lina's work: once the vote closes, it is the people's choice.
    for (const email of ["b@example.org", "c@example.org"]) {
      const { cookie } = await signedIn(email);
      await vote(cookie, lina!.id, `198.51.100.${email.length}`);
    }
    setNow(new Date(LATER.getTime() + DAY));
    expect(problemKeys(await vote((await signedIn("late@example.org")).cookie, amaya!.id))).toEqual(["vote.closed"]);
    const closed = await galleryPage();
    expect(closed.vote.chosen.map((w) => [w.title, w.votes])).toEqual([
      [lina!.title, 2],
      [juan!.title, 1],
    ]);
    expect((await workPage(lina!.id)).vote).toMatchObject({ votes: 2, chosen: true });
    expect((await workPage(amaya!.id)).vote).toMatchObject({ votes: 1, chosen: false });

    // A work that leaves the gallery (its licence withdrawn) takes no part: the choice passes on.
    await db.entry.update({ where: { id: lina!.id }, data: { licenceAt: null } });
    expect((await galleryPage()).vote.chosen.map((w) => [w.title, w.votes])).toEqual([
      [amaya!.title, 1],
      [juan!.title, 1],
    ]);

    // An erased voter's votes go with them.
    expect(await eraseAccount(visitor.user.id, { id: visitor.user.id })).toMatchObject({ ok: true });
    expect(await db.vote.count({ where: { userId: visitor.user.id } })).toBe(0);
  });

  it("shows organizers votes that came in a burst from one network, which they can discount and count again", async () => {
    const { organizer, works } = await galleryWithVote();
    const [amaya, lina] = works;
    await publish();
    // six votes within minutes from one /24, two from elsewhere
    for (let i = 0; i < 6; i++) {
      setNow(new Date(LATER.getTime() + i * 60 * 1000));
      await vote((await signedIn(`burst${i}@example.org`)).cookie, amaya!.id, `192.0.2.${10 + i}`);
    }
    await vote((await signedIn("x@example.org")).cookie, lina!.id, "198.51.100.1");
    await vote((await signedIn("y@example.org")).cookie, lina!.id, "2001:db8:1::1");

    const page = await organizerPage(organizer.cookie);
    expect(page.bursts).toHaveLength(1);
    expect(page.bursts[0]).toMatchObject({
      votes: 6,
      inWindow: 6,
      discounted: 0,
      works: [{ title: amaya!.title, count: 6 }],
    });
    expect(page.works.find((w) => w.id === amaya!.id)).toMatchObject({ votes: 6, chosen: true });

    const act = (intent: string) =>
      votesAction({
        request: formRequest(
          `/organize/${slug}/votes`,
          { intent, network: page.bursts[0]!.network },
          { cookie: organizer.cookie },
        ),
        context: context(),
        params: { slug },
      });
    await act("discount");
    const discounted = await organizerPage(organizer.cookie);
    expect(discounted.works.find((w) => w.id === amaya!.id)!.votes).toBe(0);
    expect(discounted.works.find((w) => w.id === lina!.id)).toMatchObject({ votes: 2, chosen: true });
    expect(discounted.bursts[0]!.discounted).toBe(6);
    await act("restore");
    expect((await organizerPage(organizer.cookie)).works.find((w) => w.id === amaya!.id)!.votes).toBe(6);
    const trail = await db.auditEvent.findMany({
      where: { action: { startsWith: "votes." } },
      orderBy: { createdAt: "asc" },
    });
    expect(trail.map((e) => [e.action, JSON.parse(e.detail)])).toEqual([
      ["votes.discounted", { votes: 6 }],
      ["votes.restored", { votes: 6 }],
    ]);
    // nothing stored names an address
    expect(JSON.stringify(await db.vote.findMany())).not.toContain("192.0.2");

    // Only organizers see this page.
    const visitor = await signedIn("nosy@example.org");
    expect(((await settle(() => organizerPage(visitor.cookie))) as Response).status).toBe(403);
  });

  it("groups addresses by network: an IPv4 /24, an IPv6 /48, and IPv4 written as IPv6", () => {
    expect(networkOf("192.0.2.10")).toBe(networkOf("192.0.2.250"));
    expect(networkOf("192.0.2.10")).not.toBe(networkOf("192.0.3.10"));
    expect(networkOf("::ffff:192.0.2.7")).toBe(networkOf("192.0.2.8"));
    expect(networkOf("::ffff:c000:207")).toBe(networkOf("192.0.2.8"));
    expect(networkOf("::ffff:c000:207")).not.toBe(networkOf("::ffff:c000:307"));
    expect(networkOf("2001:db8:1::1")).toBe(networkOf("2001:0db8:0001:ffff::2"));
    expect(networkOf("2001:db8:1::1")).not.toBe(networkOf("2001:db8:2::1"));
  });
});
