import { beforeEach, describe, expect, it } from "vitest";
import { settingsValues, settingsVersion } from "~/models/contest-settings.server";
import { getPublicContest } from "~/models/contest.server";
import { decideEntry } from "~/models/screening.server";
import { runAssignment } from "~/models/assignment.server";
import { advanceContests, createEdition, moveContest } from "~/models/lifecycle.server";
import { listEntrants } from "~/models/entrant-list.server";
import { requestSignIn } from "~/models/sign-in.server";
import { action as newAction } from "~/routes/organize.new";
import { loader as captionsLoader } from "~/routes/organize.$slug.entries.$id_.captions.$assetId[.vtt]";
import { action as peopleAction } from "~/routes/organize.people";
import { action as settingsAction, loader as settingsLoader } from "~/routes/organize.$slug.settings";
import { action as markdownAction } from "~/routes/organize.$slug.markdown";
import { loader as contestLoader } from "~/routes/contests.$slug";
import { setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { runDueJobs } from "~/services/jobs.server";
import { getSessionUser } from "~/services/session.server";
import { storage } from "~/services/storage.server";
import { jobHandlers } from "~/jobs.server";
import { DEMO_SLUG } from "../../prisma/demo-contest";
import { resetToDemoContest, TODAY } from "../support/contest";
import { entrant, start, startId } from "../support/entries";
import { context, formRequest, getRequest, noticeKey, problemKeys, settle } from "../support/http";
import { eligibleEntry, judge, signedIn } from "../support/judging";
import { mailbox } from "../support/mailbox";

const MB = 1024 * 1024;
type Values = Awaited<ReturnType<typeof settingsValues>>;

/** The settings form as the browser sends it: Conform's names, one pair per value. */
function formOf(values: Values): [string, string][] {
  const pairs: [string, string][] = [];
  // as the page's form names its fields: "languages" (several), "translations.fr.title",
  // "categories[0].translations.fr.name"
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null || value === false) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        typeof item === "object" ? add(`${name}[${index}]`, item) : pairs.push([name, String(item)]),
      );
    } else if (typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) add(`${name}.${key}`, inner);
    } else pairs.push([name, value === true ? "on" : String(value)]);
  };
  for (const [key, value] of Object.entries(values)) add(key, value);
  return pairs;
}

async function currentValues() {
  return settingsValues(await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } }));
}

/** Saves `values` from a form that was loaded just now (or, with `version`, from an older one). */
async function save(cookie: string, values: Values, extra: [string, string][] = [], version?: string) {
  const seen = version ?? settingsVersion(await currentValues());
  return settle(() =>
    settingsAction({
      request: formRequest(`/organize/${DEMO_SLUG}/settings`, [...formOf(values), ["version", seen], ...extra], {
        cookie,
      }),
      context: context(),
      params: { slug: DEMO_SLUG },
    }),
  );
}

/** A move the settings page made: the contest is in its new status. */
const moved = { data: { intent: "move", result: { status: "success" } } };

function move(cookie: string, transition: string, seen: string, slug = DEMO_SLUG) {
  return settle(() =>
    settingsAction({
      request: formRequest(`/organize/${slug}/settings`, { intent: "move", transition, seen }, { cookie }),
      context: context(),
      params: { slug },
    }),
  );
}

/** The "New edition" form, sent by the organizer signed in with `cookie`. */
function newEdition(cookie: string, fields: Record<string, string>) {
  return settle(() =>
    newAction({ request: formRequest("/organize/new", fields, { cookie }), context: context(), params: {} }),
  );
}

function people(cookie: string, fields: Record<string, string>) {
  return settle(() =>
    peopleAction({ request: formRequest("/organize/people", fields, { cookie }), context: context(), params: {} }),
  );
}

beforeEach(resetToDemoContest);

describe("contest settings", () => {
  it("save every part of the form, and the public page and emails follow", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const values = await currentValues();
    const edited: Values = {
      ...values,
      title: "YHD 2025 (edited)",
      faq: "## Can I enter twice?\n\nYes, in two categories. <script>alert(1)</script>",
      deadline: values.deadline.replace(/T.*/, "T18:00"),
      normalisation: "raw",
      retentionMonths: 6,
      emailReceipt: "Thank you! The jury meets in Geneva.",
      categories: values.categories.map((c) => (c.slug === "photography" ? { ...c, maxFileMb: 12, maxFiles: 3 } : c)),
    };
    const response = (await save(organizer.cookie, edited)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/organize/${DEMO_SLUG}/settings`);
    expect(response.headers.get("Set-Cookie")).toMatch(/^mosaic_notice=/);

    const contest = await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG }, include: { categories: true } });
    expect(contest.title).toBe("YHD 2025 (edited)");
    expect(contest.normalisation).toBe("raw");
    expect(contest.retentionMonths).toBe(6);
    // 18:00 on the deadline's day in Zurich, in summer time (UTC+2)
    expect(contest.deadline.toISOString().slice(11, 16)).toBe("16:00");
    const photography = contest.categories.find((c) => c.slug === "photography")!;
    expect(photography).toMatchObject({ maxFileBytes: 12 * MB, maxFiles: 3 });
    expect(JSON.parse(contest.emailNotes)).toMatchObject({ receipt: "Thank you! The jury meets in Geneva." });
    expect((await getPublicContest(DEMO_SLUG, "en"))!.faq).toContain("Can I enter twice?");
    expect(await db.auditEvent.findFirst({ where: { action: "contest.updated" } })).toBeTruthy();
    // the form shows what was saved
    expect(await currentValues()).toEqual({ ...edited, faq: edited.faq.trim() });
  });

  it("give the contest's texts in each of its languages: each reader and each email gets theirs, the rest falls back", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const values = await currentValues();
    // the demo's French texts, but for a theme and summary left to the first language
    const french = {
      ...values.translations.fr,
      theme: "",
      summary: "",
      title: "Concours multimédia de la jeunesse 2025",
      rules: "## Qui peut participer\n\nToute personne de 18 à 29 ans.",
      emailScreened: "Merci de votre patience.",
    };
    const response = (await save(organizer.cookie, {
      ...values,
      languages: ["en", "fr"],
      firstLanguage: "en",
      emailScreened: "Thank you for your patience.",
      translations: { ...values.translations, fr: french },
      categories: values.categories.map((c) =>
        c.slug === "photography"
          ? { ...c, translations: { ...c.translations, fr: { name: "Photographie", description: "" } } }
          : c,
      ),
    })) as Response;
    expect(response.status).toBe(302);
    // kept as given, only the texts given
    const saved = await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG }, include: { categories: true } });
    const kept = JSON.parse(saved.translations);
    expect(kept.fr).toMatchObject({
      title: french.title,
      rules: french.rules,
      emailNotes: { screened: "Merci de votre patience." },
    });
    // only the texts given: the emptied ones are gone, and the languages no longer offered keep theirs
    expect(kept.fr).not.toHaveProperty("theme");
    expect(kept.fr).not.toHaveProperty("summary");
    expect(Object.keys(kept).sort()).toEqual(["ar", "es", "fr"]);
    expect(JSON.parse(saved.categories.find((c) => c.slug === "photography")!.translations).fr).toEqual({
      name: "Photographie",
    });
    expect((await currentValues()).translations.fr).toMatchObject({
      title: french.title,
      emailScreened: french.emailScreened,
    });

    const read = async (language: string) =>
      (
        await contestLoader({
          request: getRequest(`/contests/${DEMO_SLUG}`, { headers: { "Accept-Language": language } }),
          context: context(),
          params: { slug: DEMO_SLUG },
        })
      ).data;
    const inFrench = await read("fr-CH,fr;q=0.9");
    expect(inFrench.contest.title).toBe(french.title);
    expect(inFrench.rules).toContain("<h3>Qui peut participer</h3>");
    // what the organizers did not translate is read in English, and says so
    expect(inFrench.contest.theme).toBe(values.theme);
    expect(inFrench.contest.textLang).toMatchObject({ theme: "en", summary: "en" });
    expect(inFrench.contest.textLang).not.toHaveProperty("title");
    const photography = inFrench.contest.categories.find((c) => c.slug === "photography")!;
    expect(photography).toMatchObject({ name: "Photographie", textLang: { description: "en" } });
    const inEnglish = await read("en");
    expect(inEnglish.contest.title).toBe(values.title);
    expect(inEnglish.contest.textLang).toEqual({});
    // Spanish is no longer one of this contest's languages: its texts are kept but not read
    const inSpanish = await read("es");
    expect(inSpanish.contest.title).toBe(values.title);
    expect(inSpanish.contest.textLang).toMatchObject({ title: "en", theme: "en" });
    expect(inSpanish.contest.categories[0]!.textLang).toMatchObject({ name: "en" });

    // an email to a French entrant: the title and the organizers' words in French
    const entry = await eligibleEntry("Léa Martin", "FR", { entry: { status: "submitted" } });
    await db.user.update({ where: { id: entry.entrantId }, data: { locale: "fr" } });
    const decided = await decideEntry(
      saved.id,
      organizer.user.id,
      {
        entryId: entry.id,
        decision: "ineligible",
        message: "Hors sujet.",
        flags: [],
        returnUntil: null,
        seen: entry.updatedAt.toISOString(),
      },
      "en",
    );
    expect(decided.ok).toBe(true);
    await runDueJobs(jobHandlers);
    const [email] = mailbox().messages();
    expect(email?.text).toContain(french.title);
    expect(email?.text).toContain("Merci de votre patience.");
    expect(email?.text).not.toContain("Thank you for your patience.");
  });

  it("show the rules and FAQ rendered on the server, on the public page and in the organizers' preview", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const faq =
      "## Can I enter twice?\n\n- Yes, in **two** categories.\n  - one entry in each\n\n<script>alert(1)</script>";
    await save(organizer.cookie, { ...(await currentValues()), faq });

    const { data: page } = await contestLoader({
      request: getRequest(`/contests/${DEMO_SLUG}`),
      context: context(),
      params: { slug: DEMO_SLUG },
    });
    expect(page.rules).toContain("<h3>Who may enter</h3>\n<ul>\n<li>You are between 18 and 29");
    expect(page.faq).toContain("<h4>Can I enter twice?</h4>");
    expect(page.faq).toContain("<li>Yes, in <strong>two</strong> categories.\n<ul>\n<li>one entry in each</li>");
    expect(page.faq).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page.faq).not.toContain("<script>");
    // the page sends the rendered texts only, not their source as well
    expect(page.contest).not.toHaveProperty("rules");

    const preview = (source: string, cookie?: string) =>
      settle(() =>
        markdownAction({
          request: formRequest(`/organize/${DEMO_SLUG}/markdown`, { source }, { cookie }),
          context: context(),
          params: { slug: DEMO_SLUG },
        }),
      );
    expect(await preview("# Prizes\n\n[the call](javascript:alert(1))", organizer.cookie)).toEqual({
      html: "<h3>Prizes</h3>\n<p>[the call](javascript:alert(1))</p>\n",
    });
    const settings = await settingsLoader({
      request: getRequest(`/organize/${DEMO_SLUG}/settings`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug: DEMO_SLUG },
    });
    expect(settings.preview.faq).toContain("<h4>Can I enter twice?</h4>");
    expect(((await preview("x".repeat(20_001), organizer.cookie)) as { init: ResponseInit }).init.status).toBe(400);
    const entrant = await signedIn("amaya@example.org");
    expect(((await preview("# Hi", entrant.cookie)) as Response).status).toBe(403);
    expect(((await preview("# Hi")) as Response).status).toBe(302);
  });

  it("refuse a timeline that runs backwards or a bad time zone, and change nothing", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const values = await currentValues();
    const before = await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    const backwards = (await save(organizer.cookie, { ...values, judgingStartsAt: values.opensAt })) as {
      init: { status: number };
    };
    expect(backwards.init.status).toBe(400);
    expect(problemKeys(backwards, "judgingStartsAt")).toEqual(["settings.after.deadline"]);
    const zone = await save(organizer.cookie, { ...values, timezone: "Mars/Olympus" });
    expect(problemKeys(zone, "timezone")).toEqual(["settings.timezone"]);
    expect((await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } })).updatedAt).toEqual(before.updatedAt);
    // an entrant cannot save settings at all
    const someone = await signedIn("someone@example.org");
    expect(((await save(someone.cookie, values)) as Response).status).toBe(403);
  });

  it("save what comes after the results, and refuse a people's choice without a sensible window", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const values = { ...(await currentValues()), peoplesChoice: true };
    const unbounded = await save(organizer.cookie, { ...values, votingClosesAt: undefined });
    expect(problemKeys(unbounded, "votingClosesAt")).toEqual(["settings.votingClosesNeeded"]);
    const early = await save(organizer.cookie, { ...values, votingClosesAt: values.announcementAt });
    expect(problemKeys(early, "votingClosesAt")).toEqual(["settings.votingAfterAnnouncement"]);
    const inverted = await save(organizer.cookie, {
      ...values,
      votingOpensAt: "2031-01-02T10:00",
      votingClosesAt: "2031-01-01T10:00",
    });
    expect(problemKeys(inverted, "votingClosesAt")).toEqual(["settings.votingAfterOpening"]);
    await save(organizer.cookie, {
      ...values,
      feedback: true,
      feedbackScores: true,
      certificateWording: "For a work on the rights of survivors.",
      certificateSignature: "A. B., President",
      votingOpensAt: undefined,
      votingClosesAt: "2031-01-01T10:00",
    });
    const saved = await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    expect(saved).toMatchObject({
      feedback: true,
      feedbackScores: true,
      certificateWording: "For a work on the rights of survivors.",
      certificateSignature: "A. B., President",
      peoplesChoice: true,
      votingOpensAt: null,
    });
    // a wall time of the contest's zone (Geneva, UTC+1 in January)
    expect(saved.votingClosesAt).toEqual(new Date("2031-01-01T09:00:00Z"));
    // turned off, the vote's old dates no longer stand in the way of other changes
    const off = await save(organizer.cookie, {
      ...(await currentValues()),
      peoplesChoice: false,
      announcementAt: "2031-06-01T12:00",
    });
    expect(off).toMatchObject({ status: 302 });
    expect((await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } })).peoplesChoice).toBe(false);
  });

  it("list the entries a change would invalidate, save nothing, and save only the list that was shown", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const video = () => db.category.findFirstOrThrow({ where: { slug: "video" } });
    const film = (entryId: string, name: string, bytes: number, durationSec?: number) =>
      db.mediaAsset.create({
        data: {
          entryId,
          state: "verified",
          objectKey: `contests/x/media/${name}`,
          originalName: `${name}.mp4`,
          declaredType: "video/mp4",
          declaredSize: bytes,
          detectedType: "video/mp4",
          size: bytes,
          durationSec,
        },
      });
    const entry = await eligibleEntry("Lina Karam", "LB", { category: "video" });
    // within the video category's five minutes, beyond the four of the change
    await film(entry.id, "big", 300 * MB, 280);
    const values = await currentValues();
    const smaller: Values = {
      ...values,
      categories: values.categories.map((c) => (c.slug === "video" ? { ...c, maxFileMb: 200, maxDurationMin: 4 } : c)),
    };
    const warned = (await save(organizer.cookie, smaller)) as unknown as {
      data: { impacts: { reason: string; total: number; entries: { referenceCode: string }[] }[]; fingerprint: string };
      init: { status: number };
    };
    expect(warned.init.status).toBe(409);
    expect(warned.data.impacts.map((i) => [i.reason, i.total, i.entries[0]!.referenceCode])).toEqual([
      ["tooLarge", 1, entry.referenceCode],
      ["tooLong", 1, entry.referenceCode],
    ]);
    expect((await video()).maxFileBytes).toBe(500 * MB);

    // meanwhile another entry is affected: the confirmation of the old list no longer holds
    const second = await eligibleEntry("Omar Haddad", "JO", { category: "video" });
    await film(second.id, "big2", 250 * MB);
    const again = (await save(organizer.cookie, smaller, [["confirm", warned.data.fingerprint]])) as unknown as {
      data: { impacts: { reason: string; total: number }[]; fingerprint: string };
    };
    expect(again.data.impacts.find((i) => i.reason === "tooLarge")!.total).toBe(2);
    expect((await video()).maxFileBytes).toBe(500 * MB);

    const saved = (await save(organizer.cookie, smaller, [["confirm", again.data.fingerprint]])) as Response;
    expect(saved.status).toBe(302);
    expect((await video()).maxFileBytes).toBe(200 * MB);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "contest.updated" } });
    expect(JSON.parse(event.detail).confirmedImpacts).toEqual([
      { reason: "tooLarge", category: "Video", total: 2 },
      { reason: "tooLong", category: "Video", total: 1 },
    ]);
  });

  it("warn about an earlier deadline, a narrower age range and fewer entries per person", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const late = await eligibleEntry("Late Comer", "LB"); // born 2000-01-01: 26 on the deadline
    await db.entry.update({
      where: { id: late.id },
      data: { submittedAt: new Date(TODAY.getTime() + 3 * 86_400_000) },
    });
    setNow(new Date(TODAY.getTime() + 4 * 86_400_000));
    const values = await currentValues();
    const warned = (await save(organizer.cookie, {
      ...values,
      opensAt: values.opensAt,
      deadline: new Date(TODAY.getTime() + 5 * 86_400_000).toISOString().slice(0, 10) + "T12:00",
      maxAge: 25,
      maxEntriesPerUser: 1,
    })) as unknown as { data: { impacts: { reason: string; total: number }[] } };
    expect(warned.data.impacts.map((i) => [i.reason, i.total])).toEqual([["ageRange", 1]]);
    const earlier = (await save(organizer.cookie, {
      ...values,
      deadline: new Date(TODAY.getTime() + 2 * 86_400_000).toISOString().slice(0, 10) + "T12:00",
    })) as unknown as { data: { impacts: { reason: string; total: number }[] } };
    expect(earlier.data.impacts.map((i) => [i.reason, i.total])).toEqual([["deadlineEarlier", 1]]);
  });

  it("archive a removed category that has entries: they keep it, and it takes no new ones", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const amaya = await entrant("amaya@example.org");
    const draftId = await startId(amaya.cookie, "audio");
    const values = await currentValues();
    const without: Values = {
      ...values,
      categories: values.categories.filter((c) => c.slug !== "audio" && c.slug !== "visual-art"),
    };
    const warned = (await save(organizer.cookie, without)) as unknown as {
      data: { impacts: { reason: string; category: string; total: number }[]; fingerprint: string };
    };
    // visual art has no entries: removing it affects nobody
    expect(warned.data.impacts.map((i) => [i.reason, i.category, i.total])).toEqual([["categoryRemoved", "Audio", 1]]);
    expect(((await save(organizer.cookie, without, [["confirm", warned.data.fingerprint]])) as Response).status).toBe(
      302,
    );

    const audio = await db.category.findFirstOrThrow({ where: { slug: "audio" } });
    expect(audio.archivedAt).not.toBeNull();
    expect(await db.category.findFirst({ where: { slug: "visual-art" } })).toBeNull();
    expect((await db.entry.findUniqueOrThrow({ where: { id: draftId } })).categoryId).toBe(audio.id);
    expect((await getPublicContest(DEMO_SLUG, "en"))!.categories.map((c) => c.slug)).toEqual([
      "video",
      "photography",
      "written-work",
    ]);
    const refused = await start(amaya.cookie, "audio");
    expect(refused.status).not.toBe(302);
    expect(await db.entry.count({ where: { categoryId: audio.id } })).toBe(1);
    // the form no longer shows it, and a new category may not take its short name
    const next = await currentValues();
    expect(next.categories.map((c) => c.slug)).toEqual(["video", "photography", "written-work"]);
    const clash = await save(organizer.cookie, {
      ...next,
      categories: [...next.categories, { ...next.categories[0]!, id: undefined as unknown as string, slug: "audio" }],
    });
    expect(problemKeys(clash, "categories[3].slug")).toEqual(["settings.slugArchived"]);
  });
});

describe("contest settings, more guard rails", () => {
  it("refuse a save over settings another organizer changed meanwhile, and keep both versions apart", async () => {
    const first = await signedIn("first@example.org", "organizer");
    const second = await signedIn("second@example.org", "organizer");
    const loaded = await currentValues();
    const seen = settingsVersion(loaded);
    expect(((await save(second.cookie, { ...loaded, theme: "Second's theme" })) as Response).status).toBe(302);
    const stale = (await save(first.cookie, { ...loaded, title: "First's title" }, [], seen)) as unknown as {
      init: { status: number };
    };
    expect(stale.init.status).toBe(409);
    expect(problemKeys(stale)).toEqual(["settings.stale"]);
    const contest = await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    expect([contest.title, contest.theme]).toEqual([loaded.title, "Second's theme"]);
  });

  it("warn about a shorter statement limit, a stricter accessibility rule, fewer entries per category and a higher age of consent", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const video = await db.category.findFirstOrThrow({ where: { slug: "video" } });
    const photo = await db.category.findFirstOrThrow({ where: { slug: "photography" } });
    const wordy = await eligibleEntry("Lina Karam", "LB"); // born 2000-01-01
    await db.entry.update({
      where: { id: wordy.id },
      data: { categoryId: video.id, statement: Array.from({ length: 80 }, () => "word").join(" ") },
    });
    const twice = await eligibleEntry("Omar Haddad", "JO");
    await db.entry.update({ where: { id: twice.id }, data: { categoryId: photo.id } });
    const again = await db.entry.create({
      data: {
        contestId: twice.contestId,
        categoryId: photo.id,
        entrantId: twice.entrantId,
        judgeCode: "AGAIN1",
        title: "Again",
      },
    });
    await db.mediaAsset.create({
      data: {
        entryId: twice.id,
        state: "verified",
        objectKey: "contests/x/media/pic",
        originalName: "pic.jpg",
        declaredType: "image/jpeg",
        declaredSize: 1000,
        detectedType: "image/jpeg",
        size: 1000,
      },
    });
    await db.contest.updateMany({ data: { maxEntriesPerCategory: 2 } });
    const values = await currentValues();
    const warned = (await save(organizer.cookie, {
      ...values,
      maxEntriesPerCategory: 1,
      guardianConsentUnder: 21,
      categories: values.categories.map((c) =>
        c.slug === "video"
          ? { ...c, statementMaxWords: 50 }
          : c.slug === "photography"
            ? { ...c, accessibilityText: "alt_text" }
            : c,
      ),
    })) as unknown as { data: { impacts: { reason: string; total: number; entries: { id: string }[] }[] } };
    // the photography rule was alt text already: only a change to it counts
    expect(warned.data.impacts.map((i) => [i.reason, i.total, i.entries.map((e) => e.id).sort()])).toEqual([
      ["statementTooLong", 1, [wordy.id]],
      ["tooManyInCategory", 2, [twice.id, again.id].sort()],
    ]);
    await db.category.update({ where: { id: photo.id }, data: { accessibilityText: "none" } });
    await db.user.update({ where: { id: twice.entrantId }, data: { dateOfBirth: "2006-01-01" } }); // 20 on the deadline
    const stricter = (await save(organizer.cookie, {
      ...(await currentValues()),
      guardianConsentUnder: 21,
      categories: (await currentValues()).categories.map((c) =>
        c.slug === "photography" ? { ...c, accessibilityText: "alt_text" } : c,
      ),
    })) as unknown as { data: { impacts: { reason: string; total: number }[] } };
    expect(stricter.data.impacts.map((i) => [i.reason, i.total])).toEqual([
      ["altTextNeeded", 1],
      ["guardianNeeded", 2],
    ]);
  });

  it("keep blind judging once entries were submitted under it", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const values = await currentValues();
    expect(((await save(organizer.cookie, { ...values, blindJudging: false })) as Response).status).toBe(302);
    expect(
      ((await save(organizer.cookie, { ...(await currentValues()), blindJudging: true })) as Response).status,
    ).toBe(302);
    await eligibleEntry("Lina Karam", "LB");
    const locked = await save(organizer.cookie, { ...(await currentValues()), blindJudging: false });
    expect(problemKeys(locked, "blindJudging")).toEqual(["settings.blindLocked"]);
    expect((await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } })).blindJudging).toBe(true);
  });
});

describe("lifecycle", () => {
  it("a copied edition starts as a draft a year on, with the rules, categories and rubric but nobody's work", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    await eligibleEntry("Lina Karam", "LB");
    // last year's feedback went out: this year's notes are reviewed and released afresh
    await db.contest.update({ where: { slug: DEMO_SLUG }, data: { feedbackReleasedAt: TODAY } });
    const response = (await newEdition(organizer.cookie, {
      copyFrom: DEMO_SLUG,
      title: "YHD 2026",
      slug: "yhd-2026",
      codePrefix: "YHD26",
    })) as Response;
    expect(response.headers.get("Location")).toBe("/organize/yhd-2026/settings");
    const [old, copy] = await Promise.all(
      [DEMO_SLUG, "yhd-2026"].map((slug) =>
        db.contest.findUniqueOrThrow({
          where: { slug },
          include: { categories: { orderBy: { position: "asc" } }, criteria: true, entries: true, judges: true },
        }),
      ),
    );
    expect(copy!.status).toBe("draft");
    expect(copy!.deadline.getUTCFullYear()).toBe(old!.deadline.getUTCFullYear() + 1);
    expect(copy!.deadline.toISOString().slice(5)).toBe(old!.deadline.toISOString().slice(5));
    expect(copy!.rules).toBe(old!.rules);
    expect(copy!.feedbackReleasedAt).toBeNull();
    expect(copy!.votingClosesAt!.getUTCFullYear()).toBe(old!.votingClosesAt!.getUTCFullYear() + 1);
    expect(copy!.votingClosesAt! > copy!.announcementAt).toBe(true);
    expect(copy!.categories.map((c) => [c.slug, c.maxFileBytes])).toEqual(
      old!.categories.map((c) => [c.slug, c.maxFileBytes]),
    );
    expect(copy!.criteria.map((c) => c.weight).reduce((a, b) => a + b)).toBe(100);
    expect(copy!.entries).toEqual([]);
    expect(await getPublicContest("yhd-2026", "en")).toBeNull(); // a draft is not public

    const taken = await newEdition(organizer.cookie, {
      copyFrom: DEMO_SLUG,
      title: "Again",
      slug: "yhd-2026",
      codePrefix: "YHD27",
    });
    expect(problemKeys(taken, "slug")).toEqual(["settings.slugTaken"]);
  });

  it("opens only when ready, goes back to draft only before any submission, and refuses a stale click", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const created = await createEdition({ title: "Blank", slug: "blank", codePrefix: "BLK" }, organizer.user.id);
    expect(created.ok).toBe(true);
    const notReady = await move(organizer.cookie, "open", "draft", "blank");
    expect(problemKeys(notReady)).toEqual(["lifecycle.needsTexts"]);
    await db.contest.update({ where: { slug: "blank" }, data: { theme: "Inclusion", summary: "Show it." } });
    const loaded = (await settle(() =>
      settingsLoader({
        request: getRequest("/organize/blank/settings", { cookie: organizer.cookie }),
        context: context(),
        params: { slug: "blank" },
      }),
    )) as { status: string; transitions: string[]; readiness: string[] };
    expect(loaded).toMatchObject({ status: "draft", transitions: ["open"], readiness: [] });
    expect(await move(organizer.cookie, "open", "draft", "blank")).toMatchObject(moved);
    // the same click again: the page showed "draft", which is no longer true
    const twice = await move(organizer.cookie, "open", "draft", "blank");
    expect(problemKeys(twice)).toEqual(["lifecycle.stale"]);
    expect(await db.auditEvent.count({ where: { action: "contest.status", contest: { slug: "blank" } } })).toBe(1);

    // the demo contest has a submission: it cannot go back to draft
    await eligibleEntry("Lina Karam", "LB");
    const back = await move(organizer.cookie, "backToDraft", "open");
    expect(problemKeys(back)).toEqual(["lifecycle.hasSubmissions"]);
    // closing early stops entries at once, and reopening lets them in again
    expect(await move(organizer.cookie, "close", "open")).toMatchObject(moved);
    const amaya = await entrant("amaya@example.org");
    expect((await start(amaya.cookie, "video")).status).not.toBe(302);
    expect(await move(organizer.cookie, "reopen", "closed")).toMatchObject(moved);
    expect((await start(amaya.cookie, "video")).status).toBe(302);
  });

  it("the timeline closes an open contest after its deadline and grace period, then starts judging", async () => {
    const contest = await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    setNow(new Date(contest.deadline.getTime() + 14 * 60_000));
    expect(await advanceContests()).toBe(0);
    setNow(new Date(contest.deadline.getTime() + 16 * 60_000));
    await runDueJobs(jobHandlers); // nothing due yet; the job is hourly
    await db.job.create({
      data: { type: "contests.advance", payload: "{}", runAt: new Date(contest.deadline.getTime()) },
    });
    await runDueJobs(jobHandlers);
    expect((await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } })).status).toBe("closed");
    setNow(contest.judgingStartsAt);
    expect(await advanceContests()).toBe(1);
    expect((await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } })).status).toBe("judging");
    const events = await db.auditEvent.findMany({ where: { action: "contest.status" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.actorId, e.subject])).toEqual([
      [null, "closed"],
      [null, "judging"],
    ]);
    // an organizer's page that still showed "open" cannot act on it
    const organizer = await signedIn("org@example.org", "organizer");
    const fresh = await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    expect(await moveContest(fresh, "close", "open", organizer.user.id)).toEqual({
      ok: false,
      problems: ["lifecycle.stale"],
    });
  });
});

describe("people", () => {
  it("organizers invite organizers, change roles and deactivate accounts, within the rules", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const invited = (await people(organizer.cookie, {
      intent: "invite",
      email: "New.Org@Example.org",
      role: "organizer",
    })) as Response;
    expect(await noticeKey(invited)).toBe("people.invited");
    const newOrg = await db.user.findUniqueOrThrow({ where: { email: "new.org@example.org" } });
    expect(newOrg.role).toBe("organizer");
    await runDueJobs(jobHandlers);
    expect(
      mailbox()
        .messages()
        .map((m) => [m.to[0], m.subject]),
    ).toEqual([["new.org@example.org", "Your new role on Mosaic: Organizer"]]);

    // only an admin may make an admin, or touch one; nobody changes their own account
    const asAdmin = await people(organizer.cookie, {
      intent: "invite",
      email: "boss@example.org",
      role: "admin",
    });
    expect(problemKeys(asAdmin)).toEqual(["people.refused.forbidden"]);
    expect(await db.user.findUnique({ where: { email: "boss@example.org" } })).toBeNull();
    const admin = await signedIn("admin@example.org", "admin");
    const touchAdmin = await people(organizer.cookie, { intent: "deactivate", userId: admin.user.id });
    expect(problemKeys(touchAdmin)).toEqual(["people.refused.forbidden"]);
    const self = await people(organizer.cookie, { intent: "role", userId: organizer.user.id, role: "entrant" });
    expect(problemKeys(self)).toEqual(["people.refused.self"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: organizer.user.id } })).role).toBe("organizer");

    // deactivation ends the sessions, stops sign-in codes, and keeps the records
    const amaya = await entrant("amaya@example.org");
    await startId(amaya.cookie, "video");
    await people(organizer.cookie, { intent: "deactivate", userId: amaya.user.id });
    expect(await getSessionUser(getRequest("/me", { cookie: amaya.cookie }))).toBeNull();
    mailbox().clear();
    await requestSignIn({ email: "amaya@example.org", ip: "198.51.100.1", locale: "en" });
    await runDueJobs(jobHandlers);
    expect(mailbox().messages()).toEqual([]);
    expect(await db.entry.count({ where: { entrantId: amaya.user.id } })).toBe(1);
    await people(organizer.cookie, { intent: "reactivate", userId: amaya.user.id });
    await requestSignIn({ email: "amaya@example.org", ip: "198.51.100.1", locale: "en" });
    await runDueJobs(jobHandlers);
    expect(mailbox().messages()).toHaveLength(1);

    // an admin may promote; an invitation never lowers anyone; a garbled role changes nothing
    mailbox().clear();
    await people(admin.cookie, { intent: "role", userId: newOrg.id, role: "admin" });
    expect((await db.user.findUniqueOrThrow({ where: { id: newOrg.id } })).role).toBe("admin");
    await runDueJobs(jobHandlers);
    expect(
      mailbox()
        .messages()
        .map((m) => [m.to[0], m.subject]),
    ).toEqual([["new.org@example.org", "Your new role on Mosaic: Administrator"]]);
    await people(admin.cookie, { intent: "invite", email: "new.org@example.org", role: "organizer" });
    expect((await db.user.findUniqueOrThrow({ where: { id: newOrg.id } })).role).toBe("admin");
    const garbled = (await people(admin.cookie, { intent: "role", userId: newOrg.id, role: "boss" })) as {
      init: { status: number };
    };
    expect(garbled.init.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: newOrg.id } })).role).toBe("admin");
    // every change to an account is on the record, with who made it; refused ones are not
    const history = await db.auditEvent.findMany({
      where: { contestId: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(history.map((e) => [e.action, e.subject, e.actorId])).toEqual([
      ["people.invited", "new.org@example.org", organizer.user.id],
      ["people.deactivated", "amaya@example.org", organizer.user.id],
      ["people.reactivated", "amaya@example.org", organizer.user.id],
      ["people.role", "new.org@example.org", admin.user.id],
    ]);
    const someone = await signedIn("someone@example.org");
    expect(
      ((await people(someone.cookie, { intent: "role", userId: someone.user.id, role: "admin" })) as Response).status,
    ).toBe(403);
  });
});

describe("a deactivated judge", () => {
  it("gets no new entries", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const active = await judge("active@example.org", { country: "FR" });
    const gone = await judge("gone@example.org", { country: "KE" });
    await db.contest.updateMany({ data: { judgesPerEntry: 2 } });
    await eligibleEntry("Lina Karam", "LB");
    await people(organizer.cookie, { intent: "deactivate", userId: gone.user.id });
    const run = await runAssignment((await db.contest.findFirstOrThrow()).id, organizer.user.id);
    expect(run.shortfalls).toHaveLength(1); // one judge of two: the entry says so
    expect(await db.assignment.count({ where: { judgeId: gone.user.id } })).toBe(0);
    expect(await db.assignment.count({ where: { judgeId: active.user.id } })).toBe(1);
  });
});

describe("an entry's captions, for organizers", () => {
  it("are read same-origin by the contest's organizers only, never cached", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const someone = await signedIn("someone@example.org");
    const entry = await eligibleEntry("Lina Karam", "LB");
    await storage().put(
      "contests/x/captions/one.vtt",
      new TextEncoder().encode("WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n"),
      "text/vtt",
    );
    const asset = await db.mediaAsset.create({
      data: {
        entryId: entry.id,
        state: "verified",
        objectKey: "contests/x/media/film",
        originalName: "film.mp4",
        declaredType: "video/mp4",
        declaredSize: 1000,
        detectedType: "video/mp4",
        captionsKey: "contests/x/captions/one.vtt",
        captionsLang: "en",
      },
    });
    const read = (cookie: string, entryId = entry.id) =>
      settle(() =>
        captionsLoader({
          request: getRequest(`/organize/${DEMO_SLUG}/entries/${entryId}/captions/${asset.id}.vtt`, { cookie }),
          context: context(),
          params: { slug: DEMO_SLUG, id: entryId, assetId: asset.id },
        }),
      ) as Promise<Response>;
    const ok = await read(organizer.cookie);
    expect(ok.headers.get("Content-Type")).toBe("text/vtt; charset=utf-8");
    expect(ok.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await ok.text()).toContain("Hello");
    expect((await read(someone.cookie)).status).toBe(403);
    expect((await read(organizer.cookie, "another-entry")).status).toBe(404);
  });
});

describe("entrants list", () => {
  it("one row per entrant, searched by name or email, filtered by country and drafts, a page at a time", async () => {
    const contest = await db.contest.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    const amaya = await entrant("amaya@example.org", "2001-05-05", { fullName: "Amaya Reyes", country: "PH" });
    await startId(amaya.cookie, "video");
    await startId(amaya.cookie, "photography");
    await eligibleEntry("Lina Karam", "LB");
    await eligibleEntry("Omar 100%_Haddad", "JO");
    const all = await listEntrants(contest, { q: "", country: "", filter: "", page: 1 });
    expect(all.rows.map((r) => [r.email, r.entries, r.drafts])).toEqual([
      ["amaya@example.org", 2, 2],
      ["lina.karam@example.org", 1, 0],
      ["omar.100._haddad@example.org", 1, 0],
    ]);
    expect(all.rows[0]!.age).toBe(24);
    const search = await listEntrants(contest, { q: "REYES", country: "", filter: "", page: 1 });
    expect(search.rows.map((r) => r.email)).toEqual(["amaya@example.org"]);
    // % and _ are letters here, not wildcards
    expect((await listEntrants(contest, { q: "0%_h", country: "", filter: "", page: 1 })).total).toBe(1);
    expect((await listEntrants(contest, { q: "a%a", country: "", filter: "", page: 1 })).total).toBe(0);
    expect(
      (await listEntrants(contest, { q: "", country: "LB", filter: "", page: 1 })).rows.map((r) => r.email),
    ).toEqual(["lina.karam@example.org"]);
    expect((await listEntrants(contest, { q: "", country: "", filter: "drafts", page: 1 })).total).toBe(1);
    expect((await listEntrants(contest, { q: "", country: "", filter: "submitted", page: 1 })).total).toBe(2);
    expect((await listEntrants(contest, { q: "", country: "", filter: "", page: 2 })).rows).toEqual([]);
  });
});
