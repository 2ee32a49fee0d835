import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../app/server/app";
import { remindJudges } from "~/models/scoring.server";
import { action as acceptAction, loader as acceptLoader } from "~/routes/judge.accept";
import { action as conflictsAction } from "~/routes/judge.$slug.conflicts";
import { loader as queueLoader } from "~/routes/judge.$slug._index";
import { action as scoringAction, loader as scoringLoader } from "~/routes/judge.$slug.entries.$code";
import { action as sheetAction } from "~/routes/judge.$slug.entries.$code_.sheet";
import { action as judgesAction, loader as judgesLoader } from "~/routes/organize.$slug.judges";
import { action as finalAction, loader as finalLoader } from "~/routes/organize.$slug.final";
import { action as rubricAction, loader as rubricLoader } from "~/routes/organize.$slug.rubric";
import { action as screeningAction } from "~/routes/organize.$slug.screening";
import { action as entryAction } from "~/routes/entries.$id";
import { action as mediaAction } from "~/routes/entries.$id_.media";
import { advance, setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { runDueJobs } from "~/services/jobs.server";
import { createSession } from "~/services/session.server";
import { jobHandlers } from "~/jobs.server";
import { demoContest, DEMO_SLUG } from "../../prisma/demo-contest";
import { resetToDemoContest, TODAY } from "../support/contest";
import { entrant, startId, upload } from "../support/entries";
import { answerBody, context, formRequest, getRequest, problemKeys, settle } from "../support/http";
import { eligibleEntry, judge, signedIn } from "../support/judging";
import { mailbox } from "../support/mailbox";

const slug = DEMO_SLUG;

const organizerPost = (cookie: string, route: typeof judgesAction, path: string, fields: Record<string, string>) =>
  settle(() => route({ request: formRequest(path, fields, { cookie }), context: context(), params: { slug } }));

async function invite(organizer: string, email: string) {
  return organizerPost(organizer, judgesAction, `/organize/${slug}/judges`, { intent: "invite", email });
}

async function invitationToken(email: string) {
  await runDueJobs(jobHandlers);
  const message = mailbox()
    .messages()
    .filter((m) => m.to.includes(email))
    .pop();
  const link = /href="([^"]*\/judge\/accept\?token=[^"]+)"/.exec(message?.html ?? "")?.[1];
  return new URL(link!.replaceAll("&amp;", "&")).searchParams.get("token")!;
}

const accept = (cookie: string, token: string) =>
  settle(() =>
    acceptAction({ request: formRequest("/judge/accept", { token }, { cookie }), context: context(), params: {} }),
  );

const assign = (organizer: string) =>
  organizerPost(organizer, judgesAction, `/organize/${slug}/judges`, { intent: "assign" }) as Promise<{
    data: { run: { created: number; shortfalls: { entryId: string }[] } };
  }>;

async function loads() {
  const rows = await db.assignment.groupBy({ by: ["judgeId"], where: { recusedAt: null }, _count: { _all: true } });
  return rows.map((r) => r._count._all).sort();
}

beforeEach(resetToDemoContest);

describe("judge invitations", () => {
  it("make the invited person, and only them, a judge of this contest, once, before they expire", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    await invite(organizer.cookie, "Judge.One@example.org");
    const token = await invitationToken("judge.one@example.org");
    const stored = await db.judgeInvitation.findFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);
    expect((await db.email.findFirstOrThrow({ where: { template: "judge-invitation" } })).payload).not.toContain(token);

    const stranger = await signedIn("stranger@example.org");
    const refused = await accept(stranger.cookie, token);
    expect(problemKeys(refused)).toEqual(["invitation.otherAddress"]);
    expect(await db.contestJudge.count()).toBe(0);

    const invited = await signedIn("judge.one@example.org");
    const page = await acceptLoader({
      request: getRequest(`/judge/accept?token=${token}`, { cookie: invited.cookie }),
      context: context(),
      params: {},
    });
    expect(page).toMatchObject({ state: "open", contest: expect.stringContaining("Youth for Humanitarian") });
    expect(await db.contestJudge.count()).toBe(0); // opening the page changes nothing

    const accepted = (await accept(invited.cookie, token)) as Response;
    expect(accepted.headers.get("Location")).toBe(`/judge/${slug}/conflicts`);
    expect(await db.contestJudge.findFirstOrThrow()).toMatchObject({ userId: invited.user.id });
    expect(problemKeys(await accept(invited.cookie, token))).toEqual(["invitation.gone"]);

    // another contest is not theirs
    const other = await db.contest.create({ data: { ...demoContest(TODAY), slug: "other", codePrefix: "OTH26" } });
    const elsewhere = (await settle(() =>
      queueLoader({
        request: getRequest("/judge/other", { cookie: invited.cookie }),
        context: context(),
        params: { slug: other.slug },
      }),
    )) as Response;
    expect(elsewhere.status).toBe(404);
  });

  it("expire after 14 days, and only organizers can send them", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const entrantUser = await signedIn("entrant@example.org");
    expect(((await invite(entrantUser.cookie, "x@example.org")) as Response).status).toBe(403);
    await invite(organizer.cookie, "late@example.org");
    const token = await invitationToken("late@example.org");
    advance(15 * 24 * 60 * 60 * 1000);
    const late = await signedIn("late@example.org");
    expect(problemKeys(await accept(late.cookie, token))).toEqual(["invitation.gone"]);
    expect(await db.contestJudge.count()).toBe(0);
  });

  it("lead to declared conflicts before any entry is given", async () => {
    const judgeUser = await judge("j@example.org");
    await db.contestJudge.updateMany({ data: { conflictsDeclaredAt: null } });
    const queue = (await settle(() =>
      queueLoader({
        request: getRequest(`/judge/${slug}`, { cookie: judgeUser.cookie }),
        context: context(),
        params: { slug },
      }),
    )) as Response;
    expect(queue.headers.get("Location")).toBe(`/judge/${slug}/conflicts`);
    const body = new URLSearchParams([
      ["country", "KH"],
      ["people", "Amaya Reyes\n\n  Sokha Chan  "],
      ["organisations", "Mine Action Org"],
      ["countries", "PH"],
      ["countries", "LA"],
    ]);
    const saved = (await settle(() =>
      conflictsAction({
        request: new Request(`http://localhost:3000/judge/${slug}/conflicts`, {
          method: "POST",
          body,
          headers: { cookie: judgeUser.cookie, "content-type": "application/x-www-form-urlencoded" },
        }),
        context: context(),
        params: { slug },
      }),
    )) as Response;
    expect(saved.headers.get("Location")).toBe(`/judge/${slug}`);
    expect(await db.contestJudge.findFirstOrThrow()).toMatchObject({
      country: "KH",
      conflictPeople: "Amaya Reyes\nSokha Chan",
      conflictOrganisations: "Mine Action Org",
      conflictCountries: "PH,LA",
      conflictsDeclaredAt: TODAY,
    });
  });
});

describe("screening", () => {
  async function submitted(email: string) {
    const { cookie } = await entrant(email);
    const id = await startId(cookie, "video");
    const referenceCode = `YHD25-${String((await db.entry.count()) + 0).padStart(4, "0")}`;
    await db.entry.update({
      where: { id },
      data: { status: "submitted", referenceCode, title: "Hands", submittedAt: TODAY },
    });
    return { cookie, id };
  }
  /** A decision as the screening page sends it: by default on the entry as it is now. */
  const screen = async (cookie: string, fields: Record<string, string>) => {
    const entry = await db.entry.findUnique({ where: { id: fields.entryId } });
    const seen = entry?.updatedAt.toISOString() ?? "";
    return organizerPost(cookie, screeningAction as unknown as typeof judgesAction, `/organize/${slug}/screening`, {
      seen,
      ...fields,
    });
  };

  it("records each decision with who and when, emails the entrant a reason, and lets a returned entry be fixed past the deadline", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const { id } = await submitted("amaya@example.org");

    const noReason = (await screen(organizer.cookie, { entryId: id, decision: "ineligible" })) as {
      init: { status: number };
    };
    expect(noReason.init.status).toBe(400);
    expect((await db.entry.findUniqueOrThrow({ where: { id } })).status).toBe("submitted");

    await screen(organizer.cookie, {
      entryId: id,
      decision: "returned",
      message: "Please blur the house number at 0:12.",
      returnUntil: "2026-05-01",
    });
    const returned = await db.entry.findUniqueOrThrow({ where: { id } });
    expect(returned).toMatchObject({ status: "returned", organizerMessage: "Please blur the house number at 0:12." });
    expect(returned.editableUntil?.toISOString()).toBe("2026-05-01T21:59:59.000Z"); // end of day in Geneva
    const decision = await db.screeningDecision.findFirstOrThrow();
    expect(decision).toMatchObject({ actorId: organizer.user.id, decision: "returned", createdAt: TODAY });
    await runDueJobs(jobHandlers);
    const email = mailbox()
      .messages()
      .find((m) => m.to.includes("amaya@example.org"));
    expect(email?.subject).toBe("Please change your entry YHD25-0001 — Hands");
    expect(email?.text).toContain("Please blur the house number at 0:12.");

    // after the deadline, the entrant may still change it until the date set
    const contest = await db.contest.findFirstOrThrow();
    setNow(new Date(contest.deadline.getTime() + 60 * 60 * 1000));
    const late = (await createSession(returned.entrantId)).split(";")[0]!;
    const saved = await settle(() =>
      entryAction({
        request: formRequest(
          `/entries/${id}`,
          { intent: "save", title: "Hands, blurred", revision: String(returned.revision) },
          { cookie: late },
        ),
        context: context(),
        params: { id },
      }),
    );
    expect(answerBody(saved)).toMatchObject({ result: { status: "success" } });

    // the entrant's change makes it a draft again: it must be submitted before it is screened
    expect((await db.entry.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
  });

  it("freezes an entry once it is accepted for judging, even while entries are open: judges score what the entrant sees", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const { cookie, id } = await submitted("frozen@example.org");
    const film = await upload(cookie, id, "video-3s.mp4", "video/mp4");
    await db.entry.update({ where: { id }, data: { status: "submitted" } }); // a new file made it a draft again
    const contest = await db.contest.findFirstOrThrow();
    expect(contest.deadline.getTime()).toBeGreaterThan(TODAY.getTime()); // entries are still open
    await screen(organizer.cookie, { entryId: id, decision: "eligible" });
    expect((await db.entry.findUniqueOrThrow({ where: { id } })).status).toBe("eligible");
    const before = await db.entry.findUniqueOrThrow({ where: { id }, include: { media: true } });

    const entryPost = (fields: Record<string, string>) =>
      settle(() =>
        entryAction({
          request: formRequest(`/entries/${id}`, { revision: String(before.revision), ...fields }, { cookie }),
          context: context(),
          params: { id },
        }),
      );
    const mediaPost = (fields: Record<string, string>) =>
      settle(() =>
        mediaAction({
          request: formRequest(`/entries/${id}/media`, fields, { cookie }),
          context: context(),
          params: { id },
        }),
      );
    // every change is refused, with why, and none lands
    expect(problemKeys(await entryPost({ intent: "save", title: "A new title" }))).toEqual(["entry.frozenForJudging"]);
    expect(problemKeys(await entryPost({ intent: "submit", title: "A new title" }))).toEqual([
      "entry.frozenForJudging",
    ]);
    expect(
      answerBody<{ result: { error: Record<string, { key: string }[]> } }>(
        await mediaPost({ intent: "start", name: "other.mp4", type: "video/mp4", size: "1000" }),
      ).result.error[""]!.map((p) => p.key),
    ).toEqual(["entry.frozenForJudging"]);
    expect(((await mediaPost({ intent: "remove", assetId: film.assetId })) as Response).status).toBe(404);
    expect(((await mediaPost({ intent: "alt", assetId: film.assetId, altText: "Changed." })) as Response).status).toBe(
      404,
    );
    const after = await db.entry.findUniqueOrThrow({ where: { id }, include: { media: true } });
    expect(after).toMatchObject({ status: "eligible", title: before.title, revision: before.revision });
    expect(after.media).toEqual(before.media);
  });

  it("marks an entry eligible with a content warning from a do-no-harm flag, and says why it is ineligible", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const first = await submitted("one@example.org");
    // two clicks (or two organizers) at once make one decision
    await Promise.all([
      screen(organizer.cookie, { entryId: first.id, decision: "eligible", flags: "graphicContent" }),
      screen(organizer.cookie, { entryId: first.id, decision: "eligible", flags: "graphicContent" }),
    ]);
    expect(await db.screeningDecision.count()).toBe(1);
    expect(await db.entry.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "eligible",
      contentWarning: true,
    });
    const second = await submitted("two@example.org");
    await screen(organizer.cookie, {
      entryId: second.id,
      decision: "ineligible",
      message: "You will be 31 on the deadline.",
    });
    await runDueJobs(jobHandlers);
    const email = mailbox()
      .messages()
      .find((m) => m.to.includes("two@example.org"));
    expect(email?.subject).toContain("is not eligible");
    expect(email?.text).toContain("You will be 31 on the deadline.");
    const entrantUser = await signedIn("nosy@example.org");
    expect(
      ((await screen(entrantUser.cookie, { entryId: first.id, decision: "ineligible", message: "x" })) as Response)
        .status,
    ).toBe(403);
  });

  it("refuses a decision from a stale page, needs a date to return an entry after the deadline, and takes an entry out of judging with its scores", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const { id } = await submitted("stale@example.org");
    const seen = (await db.entry.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
    await screen(organizer.cookie, { entryId: id, decision: "eligible" });
    // a second organizer, on the page as it was before
    const stale = await screen(organizer.cookie, { entryId: id, decision: "ineligible", message: "No.", seen });
    expect(problemKeys(stale)).toEqual(["screening.changed"]);
    expect((await db.entry.findUniqueOrThrow({ where: { id } })).status).toBe("eligible");

    // assigned, then found ineligible: out of judging, assignments and scores gone
    const j = await judge("j@example.org");
    await db.contest.updateMany({ data: { judgesPerEntry: 1 } });
    await assign(organizer.cookie);
    expect(await db.assignment.count()).toBe(1);
    await screen(organizer.cookie, { entryId: id, decision: "ineligible", message: "Made before the contest opened." });
    expect(await db.assignment.count()).toBe(0);
    const queue = await queueLoader({
      request: getRequest(`/judge/${slug}`, { cookie: j.cookie }),
      context: context(),
      params: { slug },
    });
    expect(queue.queue).toEqual([]);

    // after the deadline a return needs a date; a mistaken return can be undone
    const contest = await db.contest.findFirstOrThrow();
    setNow(new Date(contest.deadline.getTime() + 24 * 60 * 60 * 1000));
    const late = await signedIn("late-org@example.org", "organizer");
    const noDate = await screen(late.cookie, { entryId: id, decision: "returned", message: "Blur a face." });
    expect(problemKeys(noDate)).toEqual(["screening.dateNeeded"]);
    const until = new Date(contest.deadline.getTime() + 5 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await screen(late.cookie, { entryId: id, decision: "returned", message: "Blur a face.", returnUntil: until });
    expect((await db.entry.findUniqueOrThrow({ where: { id } })).status).toBe("returned");
    await screen(late.cookie, { entryId: id, decision: "eligible" });
    expect((await db.entry.findUniqueOrThrow({ where: { id } })).status).toBe("eligible");
  });
});

describe("assignment", () => {
  it("gives each entry 3 judges without a conflict, loads within one, and reports what cannot be met", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const judges = await Promise.all([
      judge("a@example.org", { country: "FR", people: "Amaya Reyes" }),
      judge("b@example.org", { country: "PH" }),
      judge("c@example.org", { country: "KE", countries: ["CO"] }),
      judge("d@example.org", { country: "FR" }),
      judge("e@example.org", { country: "BR" }),
    ]);
    const amaya = await eligibleEntry("Amaya Reyes", "PH");
    const others: Awaited<ReturnType<typeof eligibleEntry>>[] = [];
    for (const [name, country] of [
      ["Lina Karam", "LB"],
      ["Juan Pérez", "CO"],
      ["Sokha Chan", "KH"],
      ["Aline Dupont", "FR"],
      ["Ngozi Obi", "NG"],
    ] as const)
      others.push(await eligibleEntry(name, country));
    const run = await assign(organizer.cookie);
    expect(run.data.run.shortfalls).toEqual([]);
    expect(run.data.run.created).toBe(18);

    const pairs = await db.assignment.findMany({ include: { entry: { include: { entrant: true } } } });
    const judgesOf = (entryId: string) => pairs.filter((p) => p.entryId === entryId).map((p) => p.judgeId);
    // a: declared Amaya; b: lives in the Philippines like her
    expect(judgesOf(amaya.id)).not.toContain(judges[0]!.user.id);
    expect(judgesOf(amaya.id)).not.toContain(judges[1]!.user.id);
    // c: declared Colombia
    expect(judgesOf(others[1]!.id)).not.toContain(judges[2]!.user.id);
    for (const entry of [amaya, ...others]) expect(new Set(judgesOf(entry.id)).size).toBe(3);
    const counts = await loads();
    expect(counts.at(-1)! - counts[0]!).toBeLessThanOrEqual(1);

    // running again changes nothing; a judge who recuses is replaced at once
    expect((await assign(organizer.cookie)).data.run.created).toBe(0);
    const mine = pairs.find((p) => p.entryId === others[0]!.id)!;
    const recuser = judges.find((j) => j.user.id === mine.judgeId)!;
    const recused = (await settle(() =>
      scoringAction({
        request: formRequest(
          `/judge/${slug}/entries/${others[0]!.judgeCode}`,
          { intent: "recuse" },
          { cookie: recuser.cookie },
        ),
        context: context(),
        params: { slug, code: others[0]!.judgeCode },
      }),
    )) as Response;
    expect(recused.headers.get("Location")).toBe(`/judge/${slug}`);
    const after = await db.assignment.findMany({ where: { entryId: others[0]!.id, recusedAt: null } });
    expect(after).toHaveLength(3);
    expect(after.map((a) => a.judgeId)).not.toContain(recuser.user.id);
  });

  it("says which entries cannot get enough judges, and ignores judges who have not declared conflicts", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    await judge("a@example.org", { country: "FR" });
    await judge("b@example.org", { country: "PH" });
    const undeclared = await judge("c@example.org", { country: "KE" });
    await db.contestJudge.updateMany({ where: { userId: undeclared.user.id }, data: { conflictsDeclaredAt: null } });
    const entry = await eligibleEntry("Amaya Reyes", "PH");
    const run = await assign(organizer.cookie);
    expect(run.data.run.shortfalls).toEqual([
      { entryId: entry.id, code: entry.referenceCode, assigned: 1, needed: 3, eligibleJudges: 1 },
    ]);
    const page = await judgesLoader({
      request: getRequest(`/organize/${slug}/judges`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug },
    });
    expect(page.table.rows[0]!.judges.map((j) => j.email)).toEqual(["a@example.org"]);
    // the table finds an entry by its reference, and lists one judge's entries
    const judgeA = page.judges.find((j) => j.email === "a@example.org")!;
    for (const search of [`q=${entry.referenceCode}`, `judge=${judgeA.id}`]) {
      const found = await judgesLoader({
        request: getRequest(`/organize/${slug}/judges?${search}`, { cookie: organizer.cookie }),
        context: context(),
        params: { slug },
      });
      expect(found.table.rows.map((r) => r.id)).toEqual([entry.id]);
    }
    const none = await judgesLoader({
      request: getRequest(`/organize/${slug}/judges?judge=${undeclared.user.id}`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug },
    });
    expect(none.table.total).toBe(0);
    // the panel itself: judges who have not declared their conflicts, or found by address
    for (const [search, emails] of [
      ["state=undeclared", [undeclared.user.email]],
      ["who=A%40EXAMPLE", ["a@example.org"]],
      ["state=unfinished", ["a@example.org"]],
    ] as const) {
      const found = await judgesLoader({
        request: getRequest(`/organize/${slug}/judges?${search}`, { cookie: organizer.cookie }),
        context: context(),
        params: { slug },
      });
      expect(found.panel.rows.map((j) => j.email)).toEqual(emails);
    }
  });

  it("never gives judges their own work, or work they made with someone", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    await db.contest.updateMany({ data: { judgesPerEntry: 1, avoidSameCountry: false } });
    const teacher = await judge("lina.karam@example.org", { country: "LB" });
    await db.user.update({ where: { id: teacher.user.id }, data: { fullName: "Lina Karam" } });
    const own = await eligibleEntry("Lina Karam", "LB", { entrantId: teacher.user.id });
    const coMade = await eligibleEntry("Juan Pérez", "CO", { coCreator: "LINA  karam" });
    const run = await assign(organizer.cookie);
    expect(run.data.run.shortfalls.map((s) => s.entryId).sort()).toEqual([own.id, coMade.id].sort());
    expect(await db.assignment.count()).toBe(0);
  });

  it("moves an assignment by hand, but never to a judge with a conflict", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const a = await judge("a@example.org", { country: "FR" });
    const b = await judge("b@example.org", { country: "KE", people: "amaya reyes" });
    const c = await judge("c@example.org", { country: "BR" });
    await db.contest.updateMany({ data: { judgesPerEntry: 1 } });
    const entry = await eligibleEntry("Amaya Reyes", "PH");
    await assign(organizer.cookie);
    const assignment = await db.assignment.findFirstOrThrow();
    const target = [a, c].find((j) => j.user.id !== assignment.judgeId)!;
    const move = (judgeId: string) =>
      organizerPost(organizer.cookie, judgesAction, `/organize/${slug}/judges`, {
        intent: "move",
        assignmentId: assignment.id,
        judgeId,
      });
    const refused = await move(b.user.id);
    expect(problemKeys(refused)).toEqual(["judges.move.conflict"]);
    expect(await move(target.user.id)).toMatchObject({ data: { result: { status: "success" } } });
    expect(await db.assignment.findFirstOrThrow({ where: { entryId: entry.id } })).toMatchObject({
      judgeId: target.user.id,
    });
  });
});

describe("scoring", () => {
  async function assigned() {
    const organizer = await signedIn("org@example.org", "organizer");
    const j = await judge("judge@example.org");
    await db.contest.updateMany({ data: { judgesPerEntry: 1 } });
    const entry = await eligibleEntry("Amaya Reyes", "PH");
    const second = await eligibleEntry("Lina Karam", "LB");
    await assign(organizer.cookie);
    const criteria = await db.rubricCriterion.findMany({ orderBy: { position: "asc" } });
    return { j, entry, second, criteria };
  }
  const sheet = (cookie: string, code: string, fields: Record<string, string>) =>
    settle(() =>
      sheetAction({
        request: formRequest(`/judge/${slug}/entries/${code}/sheet`, fields, { cookie }),
        context: context(),
        params: { slug, code },
      }),
    ) as Promise<Response>;
  const submit = (cookie: string, code: string, fields: Record<string, string>) =>
    settle(() =>
      scoringAction({
        request: formRequest(`/judge/${slug}/entries/${code}`, { ...fields, intent: "submit" }, { cookie }),
        context: context(),
        params: { slug, code },
      }),
    );

  it("saves a draft, refuses a stale tab's save, submits a complete sheet and allows revising until the round closes", async () => {
    const { j, entry, second, criteria } = await assigned();
    const view = await scoringLoader({
      request: getRequest(`/judge/${slug}/entries/${entry.judgeCode}`, { cookie: j.cookie }),
      context: context(),
      params: { slug, code: entry.judgeCode },
    });
    expect(view.criteria.map((c) => c.weight)).toEqual([30, 20, 20, 20, 10]);
    expect(view.criteria[0]!.levels).toHaveLength(5);
    expect(view.next).toBe(second.judgeCode);

    const first = await sheet(j.cookie, entry.judgeCode, { revision: "0", [`score.${criteria[0]!.id}`]: "4" });
    expect(await first.json()).toEqual({ result: { status: "success" }, revision: 1, status: "draft" });
    // the second tab still holds revision 0 and other values: refused, nothing overwritten
    const stale = await sheet(j.cookie, entry.judgeCode, { revision: "0", [`score.${criteria[0]!.id}`]: "2" });
    expect(stale.status).toBe(409);
    expect(JSON.parse((await db.assignment.findFirstOrThrow({ where: { entryId: entry.id } })).scores)).toEqual({
      [criteria[0]!.id]: 4,
    });
    // the same save again (a retried request) is fine
    expect((await sheet(j.cookie, entry.judgeCode, { revision: "0", [`score.${criteria[0]!.id}`]: "4" })).status).toBe(
      200,
    );
    // out of range
    expect((await sheet(j.cookie, entry.judgeCode, { revision: "1", [`score.${criteria[0]!.id}`]: "9" })).status).toBe(
      400,
    );

    const incomplete = await submit(j.cookie, entry.judgeCode, {
      revision: "1",
      [`score.${criteria[0]!.id}`]: "4",
    });
    expect(problemKeys(incomplete)).toEqual(Array(4).fill("scoring.missingScore"));

    const full = Object.fromEntries(criteria.map((c, i) => [`score.${c.id}`, String((i % 5) + 1)]));
    const done = (await submit(j.cookie, entry.judgeCode, {
      revision: "1",
      ...full,
      "comment.overall": "Moving and precise.",
    })) as Response;
    expect(done.headers.get("Location")).toBe(`/judge/${slug}`);
    const stored = await db.assignment.findFirstOrThrow({ where: { entryId: entry.id } });
    expect(stored).toMatchObject({ status: "submitted", submittedAt: TODAY, revision: 2 });
    expect(JSON.parse(stored.comments)).toEqual({ overall: "Moving and precise." });

    // revising is allowed until the round closes, then refused
    expect(
      (await sheet(j.cookie, entry.judgeCode, { revision: "2", ...full, "comment.overall": "Revised." })).status,
    ).toBe(200);
    const contest = await db.contest.findFirstOrThrow();
    setNow(contest.judgingEndsAt);
    const again = (await createSession(j.user.id)).split(";")[0]!; // a session ends after 14 idle days
    const closed = await sheet(again, entry.judgeCode, { revision: "3", ...full });
    expect(closed.status).toBe(400);
  });

  it("reaches only the judge's own assignments: anything else is 404", async () => {
    const { entry } = await assigned();
    const other = await judge("other@example.org");
    const organizer = await signedIn("boss@example.org", "organizer");
    const unassigned = await eligibleEntry("Nobody Assigned", "NG");
    const ask = (cookie: string, code: string) =>
      settle(() =>
        scoringLoader({
          request: getRequest(`/judge/${slug}/entries/${code}`, { cookie }),
          context: context(),
          params: { slug, code },
        }),
      );
    expect(((await ask(other.cookie, entry.judgeCode)) as Response).status).toBe(404);
    expect(((await ask(organizer.cookie, entry.judgeCode)) as Response).status).toBe(404);
    const j = await db.contestJudge.findFirstOrThrow({
      include: { user: true },
      where: { user: { email: "judge@example.org" } },
    });
    const cookie = (await createSession(j.userId)).split(";")[0]!;
    expect(((await ask(cookie, unassigned.judgeCode)) as Response).status).toBe(404);
    expect(((await ask(cookie, entry.id)) as Response).status).toBe(404);
    expect((await sheet(other.cookie, entry.judgeCode, { revision: "0" })).status).toBe(404);
  });

  it("reminds judges with unfinished entries once, in the 48 hours before the round closes", async () => {
    const { j } = await assigned();
    const contest = await db.contest.findFirstOrThrow();
    expect(await remindJudges()).toBe(0);
    setNow(new Date(contest.judgingEndsAt.getTime() - 47 * 60 * 60 * 1000));
    await remindJudges();
    await remindJudges();
    await runDueJobs(jobHandlers);
    // one outbox row, delivered: if delivery failed, its error shows here rather than as "no email"
    expect(
      await db.email.findMany({ where: { template: "judge-reminder" }, select: { status: true, lastError: true } }),
    ).toEqual([{ status: "sent", lastError: null }]);
    const reminders = mailbox()
      .messages()
      .filter((m) => m.to.includes(j.user.email));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toBe(
      "Youth for Humanitarian Disarmament Multimedia Contest 2025: scoring closes soon (2 left to score)",
    );
  });
});

describe("blind judging", () => {
  // Every identity field of an entrant, chosen so that any leak is unmistakable.
  const identity = {
    fullName: "Zephyrine Quillfeather",
    displayName: "Zephy Q.",
    email: "zq-unique-entrant@example.org",
    country: "NZ",
    coCreator: "Bartholomew Ostrowski",
    fileName: "zephyrine-portrait-original.jpg",
  };
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    server = createApp({
      build,
      mode: "production",
      appOrigin: "http://localhost:3000",
      storageOrigin: process.env.S3_ENDPOINT,
    }).listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("sends a judge's browser nothing that names the entrant: not in loader data, HTML, media URLs or image bytes", async () => {
    const { cookie } = await entrant(identity.email, "2001-05-05", {
      fullName: identity.fullName,
      displayName: identity.displayName,
      country: identity.country,
    });
    const id = await startId(cookie, "photography");
    await upload(cookie, id, "photo-with-gps.jpg", "image/jpeg").then(async (photo) => {
      await db.mediaAsset.update({ where: { id: photo.assetId }, data: { originalName: identity.fileName } });
      await settle(() =>
        mediaAction({
          request: formRequest(
            `/entries/${id}/media`,
            { intent: "alt", assetId: photo.assetId, altText: "A workshop." },
            { cookie },
          ),
          context: context(),
          params: { id },
        }),
      );
    });
    await db.coCreator.create({
      data: { entryId: id, name: identity.coCreator, email: "bo@example.org", eligibleConfirmedAt: TODAY },
    });
    await db.entry.update({
      where: { id },
      data: { status: "eligible", referenceCode: "YHD25-0007", title: "Open workshop" },
    });
    const organizer = await signedIn("org@example.org", "organizer");
    const j = await judge("blind@example.org", { country: "FR" });
    await db.contest.updateMany({ data: { judgesPerEntry: 1 } });
    await assign(organizer.cookie);
    const { judgeCode } = await db.entry.findUniqueOrThrow({ where: { id } });

    // names, emails, file names and codes anywhere; the country as a value ("NZ", >NZ<) or by name,
    // since two letters alone also occur inside random nonces and keys
    const { country, ...names } = identity;
    const forbidden = [...Object.values(names), "Amaya", "YHD25-0007", id, "New Zealand"];
    const leaks = (text: string) => [
      ...forbidden.filter((value) => text.toLowerCase().includes(value.toLowerCase())),
      ...[`"${country}"`, `>${country}<`, ` ${country} `, `\\"${country}\\"`].filter((value) => text.includes(value)),
    ];

    const queue = await queueLoader({
      request: getRequest(`/judge/${slug}`, { cookie: j.cookie }),
      context: context(),
      params: { slug },
    });
    expect(leaks(JSON.stringify(queue))).toEqual([]);
    const view = await scoringLoader({
      request: getRequest(`/judge/${slug}/entries/${judgeCode}`, { cookie: j.cookie }),
      context: context(),
      params: { slug, code: judgeCode },
    });
    expect(view.entry.title).toBe("Open workshop");
    expect(view.entry.country).toBeNull();
    expect(leaks(JSON.stringify(view))).toEqual([]);

    // the pages and their data requests (Remix single fetch: PATH.data), as the judge's browser receives them
    for (const page of [`/judge/${slug}`, `/judge/${slug}/entries/${judgeCode}`]) {
      for (const url of [page, `${page}.data`]) {
        const response = await fetch(`${base}${url}`, { headers: { cookie: j.cookie }, redirect: "manual" });
        expect([url, response.status]).toEqual([url, 200]);
        const text = await response.text();
        expect(text).toContain("Open workshop"); // the judge's page itself, not a sign-in page
        expect(leaks(text)).toEqual([]);
      }
    }
    // the image the judge is sent: its URL and its bytes
    const image = view.entry.media[0]!;
    expect(leaks(image.url!)).toEqual([]);
    const bytes = Buffer.from(await (await fetch(image.url!)).arrayBuffer()).toString("latin1");
    expect(leaks(bytes)).toEqual([]);
    for (const trace of ["GPS", "Exif", "TestCam", "Private Person"]) expect(bytes).not.toContain(trace);

    // a contest that shows countries shows it, and only that
    await db.contest.updateMany({ data: { hideCountry: false } });
    const open = await scoringLoader({
      request: getRequest(`/judge/${slug}/entries/${judgeCode}`, { cookie: j.cookie }),
      context: context(),
      params: { slug, code: judgeCode },
    });
    expect(open.entry.country).toBe("NZ");
    expect(leaks(JSON.stringify(open))).toEqual([`"NZ"`]); // the detector itself finds a shown country
    expect(open.entry.maker).toBeNull();

    // a contest judged openly shows the name the entrant chose to publish, and nothing else of them
    await db.contest.updateMany({ data: { hideCountry: true, blindJudging: false } });
    const named = await scoringLoader({
      request: getRequest(`/judge/${slug}/entries/${judgeCode}`, { cookie: j.cookie }),
      context: context(),
      params: { slug, code: judgeCode },
    });
    expect(named.entry.maker).toBe("Zephy Q.");
    expect(leaks(JSON.stringify(named))).toEqual(["Zephy Q."]);
  });
});

describe("the rubric", () => {
  const rubricForm = (criteria: { id?: string; name: string; weight: string; levels: string }[]) =>
    Object.fromEntries(
      criteria.flatMap((c, i) => [
        ...(c.id ? [[`criteria[${i}].id`, c.id]] : []),
        [`criteria[${i}].name`, c.name],
        [`criteria[${i}].guidance`, "Look for it."],
        [`criteria[${i}].weight`, c.weight],
        [`criteria[${i}].levels`, c.levels],
      ]),
    ) as Record<string, string>;
  const save = (cookie: string, fields: Record<string, string>) =>
    organizerPost(
      cookie,
      rubricAction as unknown as typeof judgesAction,
      `/organize/${slug}/rubric`,
      fields,
    ) as unknown as Promise<{ data: { result: { status?: string } } }>;

  it("starts as the victim-assistance rubric, takes criteria whose weights sum to 100, and locks once scoring starts", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const before = await rubricLoader({
      request: getRequest(`/organize/${slug}/rubric`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug },
    });
    expect(before.criteria.map((c) => [c.name, c.weight])).toEqual([
      ["Victim assistance insight", 30],
      ["Dignity and do-no-harm", 20],
      ["Message and impact", 20],
      ["Creativity and originality", 20],
      ["Craft", 10],
    ]);
    expect(before.locked).toBe(false);

    const wrongSum = await save(
      organizer.cookie,
      rubricForm([
        { name: "Insight", weight: "60", levels: "Weak\nStrong" },
        { name: "Craft", weight: "30", levels: "Weak\nStrong" },
      ]),
    );
    expect(problemKeys(wrongSum, "criteria")).toEqual(["rubric.weightsSum"]);
    const oneLevel = await save(organizer.cookie, rubricForm([{ name: "Insight", weight: "100", levels: "Only one" }]));
    expect(problemKeys(oneLevel, "criteria[0].levels")).toEqual(["rubric.levelsCount"]);
    expect(await db.rubricCriterion.count()).toBe(5);

    const kept = before.criteria[0]!.id;
    const saved = await save(
      organizer.cookie,
      rubricForm([
        { id: kept, name: "Insight into victim assistance", weight: "70", levels: "Absent\nPresent\nDeep" },
        { name: "Craft", weight: "30", levels: "Rough\nSkilled" },
      ]),
    );
    expect(saved.data.result.status).toBe("success");
    const stored = await db.rubricCriterion.findMany({ orderBy: { position: "asc" } });
    expect(stored.map((c) => [c.name, c.weight, JSON.parse(c.levels)])).toEqual([
      ["Insight into victim assistance", 70, ["Absent", "Present", "Deep"]],
      ["Craft", 30, ["Rough", "Skilled"]],
    ]);
    expect(stored[0]!.id).toBe(kept);

    // a judge saves a first score: from then on the rubric is locked
    const j = await judge("judge@example.org");
    await db.contest.updateMany({ data: { judgesPerEntry: 1 } });
    const entry = await eligibleEntry("Lina Karam", "LB");
    await assign(organizer.cookie);
    await settle(() =>
      sheetAction({
        request: formRequest(
          `/judge/${slug}/entries/${entry.judgeCode}/sheet`,
          { revision: "0", [`score.${kept}`]: "3" },
          { cookie: j.cookie },
        ),
        context: context(),
        params: { slug, code: entry.judgeCode },
      }),
    );
    const locked = await save(
      organizer.cookie,
      rubricForm([{ id: kept, name: "Changed", weight: "100", levels: "A\nB" }]),
    );
    expect(problemKeys(locked)).toEqual(["rubric.locked"]);
    expect((await db.rubricCriterion.findUniqueOrThrow({ where: { id: kept } })).name).toBe(
      "Insight into victim assistance",
    );
    const entrantUser = await signedIn("entrant@example.org");
    expect(
      (
        (await save(
          entrantUser.cookie,
          rubricForm([{ name: "X", weight: "100", levels: "A\nB" }]),
        )) as unknown as Response
      ).status,
    ).toBe(403);
  });
});

describe("the final round", () => {
  it("gives every judge without a conflict the shortlist, scored apart from the first round until its own close", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const judges = await Promise.all([
      judge("a@example.org", { country: "FR" }),
      judge("b@example.org", { country: "KE", people: "Lina Karam" }),
      judge("c@example.org", { country: "BR" }),
    ]);
    await db.contest.updateMany({ data: { judgesPerEntry: 1 } });
    const lina = await eligibleEntry("Lina Karam", "LB");
    const other = await eligibleEntry("Juan Pérez", "CO");
    await assign(organizer.cookie);
    await db.entry.update({ where: { id: other.id }, data: { shortlisted: true } }); // chosen earlier, unticked now
    const body = new URLSearchParams([
      ["shown", lina.id],
      ["shown", other.id],
      ["shortlist", lina.id],
      ["intent", "start"],
      ["closes", "2026-06-30"],
    ]);
    const started = (await settle(() =>
      finalAction({
        request: new Request(`http://localhost:3000/organize/${slug}/final`, {
          method: "POST",
          body,
          headers: { cookie: organizer.cookie, "content-type": "application/x-www-form-urlencoded" },
        }),
        context: context(),
        params: { slug },
      }),
    )) as { data: { started: { created: number; entries: number } } };
    expect(started.data.started).toEqual({ created: 2, entries: 1 });
    expect(await db.entry.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ shortlisted: false });
    const shortlist = await finalLoader({
      request: getRequest(`/organize/${slug}/final?shortlisted=1`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug },
    });
    expect(shortlist.table.rows.map((r) => r.id)).toEqual([lina.id]);
    expect(shortlist.table.shortlisted).toBe(1);
    const finals = await db.assignment.findMany({ where: { round: "final" } });
    expect(finals.map((f) => f.judgeId).sort()).toEqual([judges[0]!.user.id, judges[2]!.user.id].sort());

    // the judge's queue lists it under the final round; its sheet is its own
    const a = judges[0]!;
    const queue = await queueLoader({
      request: getRequest(`/judge/${slug}`, { cookie: a.cookie }),
      context: context(),
      params: { slug },
    });
    expect(queue.final.items.map((i) => i.code)).toEqual([lina.judgeCode]);
    const criteria = await db.rubricCriterion.findMany();
    const finalSheet = (await settle(() =>
      sheetAction({
        request: formRequest(
          `/judge/${slug}/entries/${lina.judgeCode}/sheet?round=final`,
          { revision: "0", [`score.${criteria[0]!.id}`]: "5" },
          { cookie: a.cookie },
        ),
        context: context(),
        params: { slug, code: lina.judgeCode },
      }),
    )) as Response;
    expect(finalSheet.status).toBe(200);
    const stored = await db.assignment.findFirstOrThrow({ where: { round: "final", judgeId: a.user.id } });
    expect(JSON.parse(stored.scores)).toEqual({ [criteria[0]!.id]: 5 });
    // the conflicted judge has no final-round page for it
    const b = judges[1]!;
    const refused = (await settle(() =>
      scoringLoader({
        request: getRequest(`/judge/${slug}/entries/${lina.judgeCode}?round=final`, { cookie: b.cookie }),
        context: context(),
        params: { slug, code: lina.judgeCode },
      }),
    )) as Response;
    expect(refused.status).toBe(404);

    // after its close, the final round refuses changes
    setNow(new Date("2026-07-01T00:00:00Z"));
    const again = (await createSession(a.user.id)).split(";")[0]!;
    const late = (await settle(() =>
      sheetAction({
        request: formRequest(
          `/judge/${slug}/entries/${lina.judgeCode}/sheet?round=final`,
          { revision: "1", [`score.${criteria[0]!.id}`]: "4" },
          { cookie: again },
        ),
        context: context(),
        params: { slug, code: lina.judgeCode },
      }),
    )) as Response;
    expect(late.status).toBe(400);
  });
});
