import { beforeEach, describe, expect, it } from "vitest";
import { loader as dataLoader } from "~/routes/account_.data";
import { action as deleteAction, loader as deleteLoader } from "~/routes/account_.delete";
import { action as guardianAction, loader as guardianLoader } from "~/routes/guardian";
import { action as peopleAction } from "~/routes/organize.people";
import { loader as meLoader } from "~/routes/me";
import { publishedWinners } from "~/models/results.server";
import { setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { storage } from "~/services/storage.server";
import { runDueJobs } from "~/services/jobs.server";
import { keyedHash } from "~/services/tokens.server";
import { jobHandlers } from "~/jobs.server";
import { DEMO_SLUG } from "../../prisma/demo-contest";
import { resetToDemoContest, TODAY } from "../support/contest";
import { entrant, startId, upload } from "../support/entries";
import { answerBody, context, formRequest, getRequest, noticeKey, problemKeys, settle } from "../support/http";
import { signedIn } from "../support/judging";
import { mailbox } from "../support/mailbox";
import { readZip } from "../support/zip";

const DAY = 24 * 60 * 60 * 1000;

beforeEach(resetToDemoContest);

async function download(cookie: string) {
  const response = (await settle(() =>
    dataLoader({ request: getRequest("/account/data", { cookie }), context: context(), params: {} }),
  )) as Response;
  return response;
}

/** Every key an entry's files occupy in storage. */
async function keysOf(entryId: string) {
  const media = await db.mediaAsset.findMany({ where: { entryId } });
  return media.flatMap((m) => [m.objectKey, m.cleanKey, m.previewKey].filter((k): k is string => Boolean(k)));
}

const gone = async (keys: string[]) => (await Promise.all(keys.map((k) => storage().head(k)))).every((h) => h === null);

/** An entry of Amaya's with a photo, a co-creator, a release and a guardian's consent; others around it. */
async function amayaAndOthers() {
  const amaya = await entrant("amaya@example.org");
  const entryId = await startId(amaya.cookie, "photography");
  await db.entry.update({
    where: { id: entryId },
    data: { title: "Hands that rebuild", statement: "Assistance is a whole community." },
  });
  const photo = await upload(amaya.cookie, entryId, "photo.jpg", "image/jpeg");
  expect(photo.state).toBe("verified");
  await db.coCreator.create({
    data: { entryId, name: "Sami Haddad", email: "sami@example.org", eligibleConfirmedAt: TODAY },
  });
  await db.release.create({ data: { entryId, person: "Nour, the workshop's founder", consentGivenBy: "Nour" } });
  await db.guardianConsent.create({
    data: {
      entryId,
      guardianName: "Rosa Reyes",
      guardianEmail: "rosa@example.org",
      tokenHash: "hash-1",
      expiresAt: TODAY,
      decision: "consented",
    },
  });
  await db.email.create({
    data: {
      idempotencyKey: "receipt-amaya",
      template: "entry-receipt",
      locale: "en",
      to: "amaya@example.org",
      payload: JSON.stringify({ title: "Hands that rebuild", referenceCode: "YHD25-0001" }),
    },
  });
  // someone else, their entry, a judge and an organizer who worked on Amaya's
  const lina = await entrant("lina@example.org", "2000-02-02", { fullName: "Lina Karam", displayName: "Lina K." });
  const linaEntry = await startId(lina.cookie, "photography");
  await db.entry.update({ where: { id: linaEntry }, data: { title: "Lina's secret title" } });
  await upload(lina.cookie, linaEntry, "artwork.png", "image/png");
  const judge = await signedIn("judge.zed@example.org");
  await db.assignment.create({
    data: {
      contestId: (await db.contest.findFirstOrThrow()).id,
      entryId,
      judgeId: judge.user.id,
      comments: JSON.stringify({ overall: "Judge Zed's private comment" }),
    },
  });
  const organizer = await signedIn("organizer.olga@example.org", "organizer");
  await db.screeningDecision.create({
    data: { entryId, actorId: organizer.user.id, decision: "eligible", message: "Welcome aboard" },
  });
  await db.email.create({
    data: { idempotencyKey: "to-lina", template: "entry-receipt", locale: "en", to: "lina@example.org", payload: "{}" },
  });
  return { amaya, entryId, lina, linaEntry, judge, organizer };
}

describe("my data", () => {
  it("is one ZIP of everything about the entrant, with their files, and nothing about anyone else", async () => {
    const { amaya, entryId } = await amayaAndOthers();
    // a vote Amaya cast in a people's choice, for her own work
    const own = await db.entry.findUniqueOrThrow({ where: { id: entryId } });
    await db.vote.create({
      data: { contestId: own.contestId, categoryId: own.categoryId, entryId, userId: amaya.user.id, network: "n" },
    });
    const response = await download(amaya.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="mosaic-my-data-2026-03-01.zip"');
    const zip = Buffer.from(await response.arrayBuffer());
    const files = readZip(zip);
    expect([...files.keys()].slice(0, 2)).toEqual(["README.txt", "data.json"]);
    expect(files.get("README.txt")!.toString()).toContain("data.json holds everything Mosaic keeps about you");

    const data = JSON.parse(files.get("data.json")!.toString()) as {
      account: Record<string, unknown>;
      termsAccepted: unknown[];
      entries: {
        title: string;
        artistStatement: string;
        coCreators: { name: string }[];
        releases: { person: string }[];
        guardianConsents: { guardianName: string; decision: string }[];
        screening: Record<string, unknown>[];
        media: { file: string; originalName: string }[];
      }[];
      emailsSentToYou: { template: string }[];
      peoplesChoiceVotes: { work: string }[];
    };
    expect(data.account).toMatchObject({
      email: "amaya@example.org",
      fullName: "Amaya Reyes",
      nameToPublish: "Amaya R.",
      dateOfBirth: "2001-05-05",
      country: "PH",
    });
    expect(data.termsAccepted).toHaveLength(1);
    expect(data.entries).toHaveLength(1);
    const [entry] = data.entries;
    expect(entry).toMatchObject({ title: "Hands that rebuild", artistStatement: "Assistance is a whole community." });
    expect(entry!.coCreators.map((c) => c.name)).toEqual(["Sami Haddad"]);
    expect(entry!.releases.map((r) => r.person)).toEqual(["Nour, the workshop's founder"]);
    expect(entry!.guardianConsents).toMatchObject([{ guardianName: "Rosa Reyes", decision: "consented" }]);
    expect(entry!.screening).toEqual([{ decision: "eligible", message: "Welcome aboard", at: expect.any(String) }]);
    expect(data.emailsSentToYou.map((e) => e.template)).toEqual(["entry-receipt"]);
    expect(data.peoplesChoiceVotes.map((v) => v.work)).toEqual(["Hands that rebuild"]);

    // the file as others see it (re-encoded, without its metadata), byte for byte
    const [media] = entry!.media;
    expect(media!.originalName).toBe("photo.jpg");
    expect(media!.file).toMatch(/^files\/draft-1\/1-photo\.\w+$/);
    const asset = await db.mediaAsset.findFirstOrThrow({ where: { entryId } });
    expect(
      files.get(media!.file)!.equals(Buffer.from(await storage().getBytes(asset.cleanKey ?? asset.objectKey))),
    ).toBe(true);
    expect(files.size).toBe(3);

    // nobody else: not Lina, her entry or file, not the judge or the organizer, nor their words
    const everything = zip.toString("latin1") + [...files.values()].map((b) => b.toString("utf8")).join("\n");
    for (const other of [
      "lina@example.org",
      "Lina Karam",
      "Lina's secret title",
      "artwork",
      "judge.zed@example.org",
      "Judge Zed",
      "organizer.olga@example.org",
      await db.user.findUniqueOrThrow({ where: { email: "judge.zed@example.org" } }).then((u) => u.id),
    ])
      expect(everything).not.toContain(other);
  });

  it("is only for the signed-in person", async () => {
    const response = await download("");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Faccount%2Fdata/);
  });

  it("opens in the entrant's language", async () => {
    const amaya = await entrant("amaya@example.org");
    await db.user.update({ where: { id: amaya.user.id }, data: { locale: "fr" } });
    const files = readZip(Buffer.from(await (await download(amaya.cookie)).arrayBuffer()));
    expect(files.get("README.txt")!.toString()).toContain("Vos données de Mosaic");
  });
});

function deleteAccount(cookie: string, confirm = true) {
  return settle(() =>
    deleteAction({
      request: formRequest("/account/delete", confirm ? { confirm: "on" } : {}, { cookie }),
      context: context(),
      params: {},
    }),
  );
}

describe("deleting an account", () => {
  it("before judging: deletes the drafts, withdraws and deletes submitted entries, their files, and signs out", async () => {
    const { amaya, entryId, lina, linaEntry } = await amayaAndOthers();
    await db.entry.update({ where: { id: entryId }, data: { status: "submitted", referenceCode: "YHD25-0001" } });
    const draft = await startId(amaya.cookie, "video");
    const keys = await keysOf(entryId);
    expect(keys.length).toBeGreaterThan(0);

    const preview = await deleteLoader({
      request: getRequest("/account/delete", { cookie: amaya.cookie }),
      context: context(),
      params: {},
    });
    expect(preview.entries.map((e) => e.fate)).toEqual(["delete", "delete"]);
    // without the confirmation nothing happens
    expect(problemKeys(await deleteAccount(amaya.cookie, false), "confirm")).toEqual(["account.confirmNeeded"]);
    expect(await db.entry.count({ where: { entrantId: amaya.user.id } })).toBe(2);

    const response = (await deleteAccount(amaya.cookie)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/account/deleted");
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await db.entry.findMany({ where: { id: { in: [entryId, draft] } } })).toEqual([]);
    expect(await gone(keys)).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { id: amaya.user.id } });
    expect(user).toMatchObject({ fullName: null, displayName: null, dateOfBirth: null, country: null, locale: null });
    expect(user.email).toMatch(/^erased-[0-9a-f]+@erased\.invalid$/);
    expect(user.erasedAt).toEqual(TODAY);
    expect(await db.session.count({ where: { userId: amaya.user.id } })).toBe(0);
    expect(await db.termsAcceptance.count({ where: { userId: amaya.user.id } })).toBe(0);
    expect(await db.email.count({ where: { to: "amaya@example.org" } })).toBe(0);
    expect(await db.auditEvent.findFirst({ where: { action: "account.erased" } })).toMatchObject({
      actorId: amaya.user.id,
      subject: user.email,
      detail: JSON.stringify({ deletedEntries: 2, anonymisedEntries: 0 }),
    });
    // the old cookie leads to sign-in; everyone else is untouched
    const again = (await settle(() =>
      meLoader({ request: getRequest("/me", { cookie: amaya.cookie }), context: context(), params: {} }),
    )) as Response;
    expect(again.status).toBe(302);
    expect(await db.entry.findUniqueOrThrow({ where: { id: linaEntry } })).toMatchObject({
      title: "Lina's secret title",
    });
    expect(await gone(await keysOf(linaEntry))).toBe(false);
    expect(await db.user.findUniqueOrThrow({ where: { id: lina.user.id } })).toMatchObject({ fullName: "Lina Karam" });
    expect(await db.email.count({ where: { to: "lina@example.org" } })).toBe(1);
  });

  it("after judging: keeps an awarded or scored entry, anonymised and out of the gallery, and deletes the rest", async () => {
    const { amaya, entryId } = await amayaAndOthers();
    const contest = await db.contest.findFirstOrThrow();
    const withdrawn = await startId(amaya.cookie, "video");
    await db.entry.update({ where: { id: withdrawn }, data: { status: "withdrawn" } });
    await db.entry.update({
      where: { id: entryId },
      data: { status: "eligible", referenceCode: "YHD25-0001", licenceAt: TODAY, identifiablePeople: false },
    });
    await db.award.create({ data: { contestId: contest.id, entryId, place: "first", createdById: "someone" } });
    await db.contest.update({
      where: { id: contest.id },
      data: { status: "results_published", resultsPublishedAt: TODAY, guardianConsentUnder: null },
    });
    expect((await publishedWinners(DEMO_SLUG))!.winners!.map((w) => w.entryId)).toEqual([entryId]);
    const keys = await keysOf(entryId);

    await deleteAccount(amaya.cookie);
    const kept = await db.entry.findUniqueOrThrow({
      where: { id: entryId },
      include: {
        award: true,
        assignments: true,
        media: true,
        coCreators: true,
        releases: true,
        guardianConsents: true,
      },
    });
    expect(kept).toMatchObject({
      status: "eligible",
      referenceCode: "YHD25-0001",
      entrantId: amaya.user.id,
      title: "",
      statement: "",
      media: [],
      coCreators: [],
      releases: [],
      guardianConsents: [],
      award: expect.objectContaining({ place: "first" }),
    });
    expect(kept.assignments).toHaveLength(1);
    expect(kept.anonymisedAt).toEqual(TODAY);
    expect(await db.screeningDecision.findFirstOrThrow({ where: { entryId } })).toMatchObject({ message: "" });
    expect(await gone(keys)).toBe(true);
    expect(await db.entry.findUnique({ where: { id: withdrawn } })).toBeNull();
    expect((await publishedWinners(DEMO_SLUG))!.winners).toEqual([]);
  });

  it("once judging has started: deletes an entry judging did not use", async () => {
    const amaya = await entrant("amaya@example.org");
    const entryId = await startId(amaya.cookie, "photography");
    await db.entry.update({ where: { id: entryId }, data: { status: "ineligible", referenceCode: "YHD25-0001" } });
    const contest = await db.contest.findFirstOrThrow();
    setNow(new Date(contest.judgingStartsAt.getTime() + DAY));
    const fresh = await signedIn("amaya2@example.org");
    await db.entry.update({ where: { id: entryId }, data: { entrantId: fresh.user.id } });
    const preview = await deleteLoader({
      request: getRequest("/account/delete", { cookie: fresh.cookie }),
      context: context(),
      params: {},
    });
    expect(preview.entries.map((e) => e.fate)).toEqual(["delete"]);
    await deleteAccount(fresh.cookie);
    expect(await db.entry.findUnique({ where: { id: entryId } })).toBeNull();
  });
});

describe("erasing an account twice at once, or the last administrator", () => {
  it("erases once when asked twice together, and lets no queued email fail for the deleted address", async () => {
    const { amaya } = await amayaAndOthers();
    const { eraseAccount } = await import("~/models/erasure.server");
    const { queueEmails } = await import("~/services/email.server");
    await queueEmails([
      {
        template: "organizer-message",
        to: "amaya@example.org",
        locale: "en",
        payload: { contest: "YHD 2025", subject: "News", body: "Thank you.", link: "http://localhost:3000" },
        idempotencyKey: "message:amaya",
      },
    ]);
    const results = await Promise.all([
      eraseAccount(amaya.user.id, amaya.user),
      eraseAccount(amaya.user.id, amaya.user),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "notFound" }]);
    expect(await db.auditEvent.count({ where: { action: "account.erased" } })).toBe(1);
    // the emails sent to them went with the account; their jobs end quietly
    expect(await db.job.count({ where: { type: "email.send", status: "queued" } })).toBeGreaterThan(0);
    await runDueJobs(jobHandlers);
    expect(await db.job.count({ where: { type: "email.send", status: { not: "done" } } })).toBe(0);
    expect(
      mailbox()
        .messages()
        .filter((m) => m.to.includes("amaya@example.org")),
    ).toEqual([]);
  });

  it("refuses to delete the only administrator's account, and says why", async () => {
    const admin = await signedIn("admin@example.org", "admin");
    expect(problemKeys(await deleteAccount(admin.cookie), "confirm")).toEqual(["account.lastAdmin"]);
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.user.id } })).toMatchObject({ erasedAt: null });
    await signedIn("second.admin@example.org", "admin");
    expect(((await deleteAccount(admin.cookie)) as Response).status).toBe(302);
  });
});

describe("erasing a person on request", () => {
  const erase = (cookie: string, userId: string, confirmEmail: string) =>
    settle(() =>
      peopleAction({
        request: formRequest("/organize/people", { intent: "erase", userId, confirmEmail }, { cookie }),
        context: context(),
        params: {},
      }),
    );

  it("is for administrators, after typing the address, never on themselves, and audited", async () => {
    const { amaya, entryId } = await amayaAndOthers();
    const keys = await keysOf(entryId);
    const organizer = await signedIn("org@example.org", "organizer");
    const admin = await signedIn("admin@example.org", "admin");
    expect(problemKeys(await erase(organizer.cookie, amaya.user.id, "amaya@example.org"))).toEqual([
      "people.refused.forbidden",
    ]);
    expect(problemKeys(await erase(admin.cookie, admin.user.id, "admin@example.org"))).toEqual(["people.refused.self"]);
    expect(problemKeys(await erase(admin.cookie, amaya.user.id, "lina@example.org"))).toEqual([
      "people.refused.mismatch",
    ]);
    expect(await db.entry.count({ where: { id: entryId } })).toBe(1);

    expect(await noticeKey((await erase(admin.cookie, amaya.user.id, " Amaya@Example.org ")) as Response)).toBe(
      "people.done.erase",
    );
    expect(await db.entry.count({ where: { id: entryId } })).toBe(0);
    expect(await gone(keys)).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "people.erased" } });
    expect(event.actorId).toBe(admin.user.id);
    expect(JSON.stringify(event)).not.toContain("amaya");
    expect(problemKeys(await erase(admin.cookie, amaya.user.id, "amaya@example.org"))).toEqual([
      "people.refused.notFound",
    ]);
  });
});

describe("a guardian withdrawing consent", () => {
  async function consented() {
    await db.contest.updateMany({ data: { minAge: 13 } });
    const minor = await entrant("teen@example.org", "2010-01-01", { fullName: "Teo Reyes" });
    const entryId = await startId(minor.cookie, "photography");
    await db.entry.update({
      where: { id: entryId },
      data: { status: "submitted", referenceCode: "YHD25-0001", title: "My street", licenceAt: TODAY },
    });
    await db.guardianConsent.create({
      data: {
        entryId,
        guardianName: "Rosa Reyes",
        guardianEmail: "rosa@example.org",
        tokenHash: keyedHash("guardian", "the-token"),
        expiresAt: new Date(TODAY.getTime() + DAY),
        decision: "consented",
        decidedAt: TODAY,
        entryRevision: 0,
      },
    });
    return { minor, entryId };
  }
  const GONE = "guardianPage.expired";
  const withdraw = () =>
    guardianAction({
      request: formRequest("/guardian", { intent: "withdraw", token: "the-token" }),
      context: context(),
      params: {},
    });

  it("before judging: takes the entry out of the contest and tells the entrant, even after the link expired", async () => {
    const { entryId } = await consented();
    setNow(new Date(TODAY.getTime() + 30 * DAY));
    const page = await guardianLoader({
      request: getRequest("/guardian?token=the-token"),
      context: context(),
      params: {},
    });
    expect(page.state).toBe("consented");
    expect(answerBody(await withdraw())).toEqual({ answered: "withdrawn", result: { status: "success" } });
    expect(await db.entry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({ status: "withdrawn" });
    expect(await db.guardianConsent.findFirstOrThrow({ where: { entryId } })).toMatchObject({ decision: "withdrawn" });
    await runDueJobs(jobHandlers);
    const told = mailbox()
      .messages()
      .find((m) => m.to.includes("teen@example.org"));
    expect(told?.subject).toBe("Rosa Reyes withdrew their consent for your entry “My street”");
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "guardian.withdrawn" } })).toMatchObject({
      subject: "YHD25-0001",
    });
    // once only
    expect(problemKeys(await withdraw())).toEqual([GONE]);
  });

  it("after judging: keeps the scores and takes the work out of the gallery", async () => {
    const { entryId } = await consented();
    const contest = await db.contest.findFirstOrThrow();
    await db.entry.update({ where: { id: entryId }, data: { status: "eligible", identifiablePeople: false } });
    await db.award.create({ data: { contestId: contest.id, entryId, place: "second", createdById: "someone" } });
    await db.contest.update({
      where: { id: contest.id },
      data: { status: "results_published", resultsPublishedAt: TODAY },
    });
    expect((await publishedWinners(DEMO_SLUG))!.winners!.map((w) => w.entryId)).toEqual([entryId]);
    expect(answerBody(await withdraw())).toEqual({ answered: "withdrawnAfterJudging", result: { status: "success" } });
    expect(await db.entry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({ status: "eligible" });
    expect((await publishedWinners(DEMO_SLUG))!.winners).toEqual([]);
  });

  it("is not possible with an unknown link or a consent never given", async () => {
    await consented();
    await db.guardianConsent.updateMany({ data: { decision: "refused" } });
    expect(problemKeys(await withdraw())).toEqual([GONE]);
  });

  it("is not possible from an older consent that a newer request replaced", async () => {
    const { entryId } = await consented();
    const first = await db.guardianConsent.findFirstOrThrow({ where: { entryId } });
    await db.guardianConsent.create({
      data: {
        entryId,
        guardianName: "Rosa Reyes",
        guardianEmail: "rosa@example.org",
        tokenHash: keyedHash("guardian", "the-newer-token"),
        expiresAt: new Date(TODAY.getTime() + 2 * DAY),
        createdAt: new Date(first.createdAt.getTime() + 1000),
        entryRevision: 1,
      },
    });
    expect(problemKeys(await withdraw())).toEqual([GONE]);
    expect(await db.entry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({ status: "submitted" });
  });
});
