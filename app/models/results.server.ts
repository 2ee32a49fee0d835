import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { queueEmails } from "~/services/email.server";
import { randomUUID } from "node:crypto";
import { env } from "~/services/env.server";
import { scheduleOnce } from "~/services/jobs.server";
import { audit } from "./audit.server";
import { breathe } from "./event-loop.server";
import { judgingOverAt } from "./lifecycle";
import { sendFeedback } from "./feedback.server";
import { needsGuardianConsent } from "./eligibility";
import { calibrate, entriesNeedingAnotherJudge } from "./calibration";
import { finalFits } from "./comparison.server";
import { judgeAgreement, panelReliability } from "./reliability";
import { compareStrings, computeResults, PLACES, type EntryResult, type Place } from "./results";
import type { FinalMethod } from "~/schemas/contest";
import { rubricOf } from "./rubric.server";
import { sheetTotal, type Round } from "./scoring";
import { categoryNameIn, emailNoteIn, titleIn } from "./contest-texts";

/** The places whose boundaries the calibrated model checks: first, second and third. */
const AWARD_PLACES = 3;

/**
 * A round's results, ranked by the method the organizers chose for the round (fixed once judging
 * began): "raw" weighted scores, per-judge "zscore", the "calibrated" model (calibration.ts; it
 * falls back to the z-score, and says so, while too few sheets link the judges), or, for a
 * comparative final, "pairwise" (a Bradley–Terry order of the judges' comparisons). Each
 * category comes with how far the panel agreed (reliability.ts), and each judge with how they
 * sit against the panel.
 */
export async function contestResults(contestId: string, round: Round = "scoring") {
  // The maths change only when a sheet, a comparison or what they read of the entries does: a
  // few aggregates and the revisions the database keeps (migration 20261209090000_results_revisions)
  // tell whether the last computation still holds, so a contest of 10,000 entries is not re-read
  // per page view. Awards change no number, nor does the final's shortlist in the scoring round:
  // both are laid over the rows as they stand now, so an organizer awarding places or choosing
  // the shortlist in a 50,000-entry contest waits for no computation.
  const [sheetsVersion, comparisonsVersion, revisions, settings, awards, shortlist] = await Promise.all([
    // the sum of revisions moves with every saved sheet, even two in the same millisecond
    db.assignment.aggregate({
      where: { contestId, round },
      _max: { updatedAt: true },
      _count: { _all: true },
      _sum: { revision: true },
    }),
    round === "final"
      ? db.comparison.aggregate({ where: { contestId }, _max: { decidedAt: true }, _count: { winnerId: true } })
      : null,
    db.contestTally.findMany({ where: { contestId, kind: "revision" }, select: { key: true, count: true } }),
    // the settings page saves categories' names and the methods with the contest
    db.contest.findUniqueOrThrow({
      where: { id: contestId },
      select: { updatedAt: true, normalisation: true, finalMethod: true, judgesPerEntry: true },
    }),
    db.award.findMany({ where: { contestId }, select: { entryId: true, place: true } }),
    db.entry.findMany({ where: { contestId, shortlisted: true, status: "eligible" }, select: { id: true } }),
  ]);
  const revision = (part: "entries" | "shortlist") => revisions.find((r) => r.key === part)?.count ?? 0;
  // the scoring round reads the eligible entries; the final, only those on the shortlist
  const entriesVersion = round === "final" ? [revision("entries"), revision("shortlist")] : revision("entries");
  const version = JSON.stringify([sheetsVersion, comparisonsVersion, entriesVersion, settings]);
  const key = `${contestId}:${round}`;
  let computed = resultsCache.get(key);
  if (computed?.version !== version) {
    const method = (round === "scoring" ? settings.normalisation : settings.finalMethod) as FinalMethod;
    // the scoring round asks for the contest's number of judges per entry; the final, for every final judge
    const judgesAsked = round === "scoring" ? settings.judgesPerEntry : null;
    computed = { version, results: await computeContestResults(contestId, round, method, judgesAsked) };
    resultsCache.set(key, computed);
  }
  return asTheyStand(computed.results, awards, new Set(shortlist.map((e) => e.id)));
}

export type ContestResults = Awaited<ReturnType<typeof computeContestResults>>;
const resultsCache = new Map<string, { version: string; results: ContestResults }>();

/**
 * The computed results with each row's award and place on the shortlist as they stand now; the
 * cached rows are left as they are.
 */
function asTheyStand(
  results: ContestResults,
  awards: { entryId: string; place: string }[],
  shortlisted: Set<string>,
): ContestResults {
  const placeOf = new Map(awards.map((a) => [a.entryId, a.place as Place]));
  return {
    ...results,
    categories: results.categories.map((category) => ({
      ...category,
      rows: category.rows.map((row) => {
        const award = placeOf.get(row.entryId) ?? null;
        const onShortlist = shortlisted.has(row.entryId);
        return award === row.award && onShortlist === row.shortlisted
          ? row
          : { ...row, award, shortlisted: onShortlist };
      }),
    })),
  };
}

/** Bootstrap resamples of a reliability: fewer for a large round, whose interval is narrow anyway. */
const resamplesFor = (sheets: number) => Math.max(200, Math.min(1000, Math.floor(3_000_000 / Math.max(1, sheets))));

async function computeContestResults(contestId: string, round: Round, method: FinalMethod, judgesAsked: number | null) {
  // Read flat: the categories and awards are few, and joining them (or the sheets' entries) to
  // each of 50,000 rows costs more than reading them apart. Sheets of entries that are not in the
  // results (not eligible, not shortlisted for the final) are dropped below.
  const computedAt = now();
  const [criteria, flatEntries, sheets, panel, extra, categoryRows] = await Promise.all([
    rubricOf(contestId),
    db.entry.findMany({
      where: { contestId, status: "eligible", ...(round === "final" ? { shortlisted: true } : {}) },
      select: { id: true, referenceCode: true, title: true, categoryId: true },
    }),
    method === "pairwise"
      ? []
      : db.$queryRaw<{ entryId: string; judgeId: string; scores: string }[]>`
          SELECT "entryId", "judgeId", "scores" FROM "Assignment"
          WHERE "contestId" = ${contestId} AND "round" = ${round} AND "status" = 'submitted' AND "recusedAt" IS NULL`,
    db.contestJudge.findMany({
      where: { contestId },
      select: { userId: true, user: { select: { fullName: true, email: true } } },
    }),
    // entries with one more judge on the way, added where the order was too close to call
    db.assignment.findMany({
      where: { contestId, round, extra: true, status: { not: "submitted" }, recusedAt: null },
      select: { entryId: true },
    }),
    db.category.findMany({ where: { contestId }, select: { id: true, name: true, position: true } }),
  ]);
  const categoryById = new Map(categoryRows.map((c) => [c.id, c]));
  const entries = flatEntries.map((e) => ({ ...e, category: categoryById.get(e.categoryId)! }));
  const judgeComing = new Set(extra.map((a) => a.entryId));
  const known = new Set(entries.map((e) => e.id));
  const scored = sheets
    .filter((s) => known.has(s.entryId))
    .map((s) => {
      const scores = JSON.parse(s.scores) as Record<string, number>;
      return { entryId: s.entryId, judgeId: s.judgeId, scores, total: sheetTotal(criteria, scores) };
    })
    .filter((s): s is typeof s & { total: number } => s.total !== null)
    // In the maths' canonical order (by entry, then judge) once: each step sorts its input into
    // it again, and a sort of sorted input is one pass, where 90,000 sheets in the database's
    // order cost a full sort at every step.
    .sort((a, b) => compareStrings(a.entryId, b.entryId) || compareStrings(a.judgeId, b.judgeId));
  const categoryOf = Object.fromEntries(entries.map((e) => [e.id, e.category.name]));
  await breathe();
  // The weighted total is computed once with each criterion's own number of levels; the maths
  // then sees it as a single 0–100 criterion.
  const results = computeResults({
    criteria: [{ id: "total", weight: 100 }],
    scale: { min: 0, max: 100 },
    scores: scored.map((s) => ({ entryId: s.entryId, judgeId: s.judgeId, criterionScores: { total: s.total } })),
    categoryOf,
    normalise: method !== "raw",
  });
  const totals = scored.map((s) => ({ entryId: s.entryId, judgeId: s.judgeId, score: s.total }));
  await breathe();
  const calibration = method === "calibrated" ? calibrate({ sheets: totals, categoryOf, places: AWARD_PLACES }) : null;
  const calibrated = calibration?.status === "fitted" ? calibration : null;
  await breathe();
  const calibratedOf = new Map(calibrated?.entries.map((e) => [e.entryId, e]));
  const pairwise = method === "pairwise" ? await finalFits(contestId) : null;
  const pairwiseOf = new Map(
    pairwise?.categories.flatMap((c) => c.fit.items.map((item) => [item.id, item] as const)) ?? [],
  );
  const closeEntries = new Set(calibrated ? entriesNeedingAnotherJudge(calibrated) : []);

  const byId = new Map(entries.map((e) => [e.id, e]));
  const categories = [...new Map(entries.map((e) => [e.category.name, e.category.position])).entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => name);
  const rowsOf = (name: string) => {
    const rows = results.entries
      .filter((r) => r.category === name)
      .map((r: EntryResult) => {
        const entry = byId.get(r.entryId)!;
        const model = calibratedOf.get(r.entryId);
        const pair = pairwiseOf.get(r.entryId);
        return {
          ...r,
          // the method's own rank: the calibrated model's, or the comparisons' order
          // a work nobody has compared yet has no place in the comparisons' order
          rank: model ? model.rank : pair ? (pair.comparisons ? pair.rank : null) : r.rank,
          tied: model ? model.tied : pair ? pair.comparisons > 0 && pair.tied : r.tied,
          referenceCode: entry.referenceCode,
          title: entry.title,
          // both laid over by asTheyStand, as they stand at each view
          shortlisted: false,
          award: null as Place | null,
          judgesAsked,
          // ranked like the others, on fewer opinions than the contest asked for: said beside its rank
          shortOfJudges: judgesAsked !== null && r.judgeCount < judgesAsked,
          calibrated: model
            ? { score: model.score, low: model.low, high: model.high, topProbability: model.topProbability }
            : null,
          // too close to call against its neighbour across an award boundary
          close: closeEntries.has(r.entryId),
          pairwise: pair
            ? { ability: pair.ability, se: pair.se, wins: pair.wins, comparisons: pair.comparisons }
            : null,
        };
      });
    if (!calibrated && !pairwise) return rows;
    // ranked first, by rank, then the unranked; ties keep the order of the reference codes
    return rows.sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareStrings(a.referenceCode ?? "", b.referenceCode ?? ""),
    );
  };

  // Each reliability is a bootstrap over the whole category or round: the server answers others
  // between them.
  const resamples = resamplesFor(totals.length);
  const categoryReliability = new Map<string, ReturnType<typeof panelReliability> | null>();
  for (const name of categories) {
    categoryReliability.set(
      name,
      pairwise ? null : panelReliability({ sheets: totals.filter((s) => categoryOf[s.entryId] === name), resamples }),
    );
    await breathe();
  }
  const criteriaReliability = [];
  for (const c of pairwise ? [] : criteria) {
    criteriaReliability.push({
      name: c.name,
      reliability: panelReliability({
        sheets: scored
          .filter((s) => s.scores[c.id] !== undefined)
          .map((s) => ({ entryId: s.entryId, judgeId: s.judgeId, score: s.scores[c.id] as number })),
        resamples,
      }),
    });
    await breathe();
  }
  const pairwiseOfCategory = (name: string) => {
    const category = pairwise?.categories.find((c) => c.name === name);
    return category
      ? {
          reliability: category.fit.reliability,
          target: pairwise!.target,
          reached: category.reached,
          comparisons: category.judgements.length,
        }
      : null;
  };
  const names = new Map(panel.map((p) => [p.userId, p.user.fullName || p.user.email]));
  const agreement = new Map(judgeAgreement(totals).map((a) => [a.judgeId, a]));
  const calibratedJudges = new Map(calibrated?.judges.map((j) => [j.judgeId, j]));
  return {
    method,
    /** When these numbers were worked out: they hold until a sheet, a comparison or an entry changes. */
    computedAt,
    // the calibrated model could not be fitted yet: the z-score ranks, as it says on the page
    fellBack: method === "calibrated" && !calibrated,
    categories: categories.map((name) => ({
      name,
      rows: rowsOf(name),
      reliability: categoryReliability.get(name) ?? null,
      comparative: pairwiseOfCategory(name),
    })),
    // how far the panel agreed on each criterion, over the whole round
    criteria: criteriaReliability,
    judges: results.judges.map((j) => {
      const model = calibratedJudges.get(j.judgeId);
      const agree = agreement.get(j.judgeId);
      return {
        ...j,
        name: names.get(j.judgeId) ?? "",
        severity: model?.severity ?? null,
        consistency: model?.consistency ?? null,
        noWeight: model?.noWeight ?? null,
        agreement: agree?.agreement ?? null,
        meanDifference: agree?.meanDifference ?? null,
      };
    }),
    closeBoundaries: (calibrated?.closeBoundaries ?? []).map((b) => ({
      ...b,
      upperCode: byId.get(b.upper)?.referenceCode ?? null,
      lowerCode: byId.get(b.lower)?.referenceCode ?? null,
      // both already have one more judge on the way: the button would only add another
      judgeComing: judgeComing.has(b.upper) && judgeComing.has(b.lower),
    })),
    judgesAsked,
  };
}

/** Sets (or with null removes) an entry's award. Not after the results are published. */
export async function setAward(contestId: string, entryId: string, place: Place | null, actorId: string) {
  const entry = await db.entry.findFirst({
    where: { id: entryId, contestId, status: "eligible" },
    include: { contest: { select: { resultsPublishedAt: true } } },
  });
  if (!entry) return { ok: false as const, reason: "notFound" as const };
  return db.$transaction(async (tx) => {
    // checked inside the transaction: an award racing the publication does not land after it
    const contest = await tx.contest.findUniqueOrThrow({ where: { id: contestId } });
    if (contest.resultsPublishedAt) return { ok: false as const, reason: "published" as const };
    if (place) {
      await tx.award.upsert({
        where: { entryId },
        create: { contestId, entryId, place, createdById: actorId, createdAt: now() },
        update: { place, createdById: actorId, createdAt: now() },
      });
    } else await tx.award.deleteMany({ where: { entryId } });
    await audit(tx, {
      contestId,
      actorId,
      action: place ? "award.set" : "award.removed",
      subject: entry.referenceCode ?? entryId,
      detail: { place },
    });
    return { ok: true as const };
  });
}

/**
 * Organizers set when the results go public; a job publishes them then (not before). Choosing a
 * moment already past publishes at once.
 */
export async function scheduleResults(contestId: string, at: Date, actorId: string) {
  const contest = await db.contest.findUniqueOrThrow({ where: { id: contestId } });
  if (contest.resultsPublishedAt) return { ok: false as const, reason: "published" as const };
  // Not while entries or scores may still change: a mistyped date must not publish an open contest.
  if (at < judgingOverAt(contest))
    return { ok: false as const, reason: "tooEarly" as const, at: judgingOverAt(contest) };
  // A people's choice that would close before the results it votes on are out would never happen.
  if (contest.peoplesChoice && contest.votingClosesAt && at >= contest.votingClosesAt)
    return { ok: false as const, reason: "afterVote" as const, at: contest.votingClosesAt };
  await db.$transaction(async (tx) => {
    await tx.contest.update({ where: { id: contestId }, data: { announcementAt: at } });
    await audit(tx, { contestId, actorId, action: "results.scheduled", detail: { at: at.toISOString() } });
  });
  // A fresh job per schedule: publishing checks the time itself, so an older job does nothing.
  await scheduleOnce(`results.publish:${contestId}:${randomUUID()}`, "results.publish", { contestId }, at);
  return { ok: true as const };
}

/**
 * Publishes a contest's results if their time has come: the gallery opens, and the winners, the
 * other entrants who submitted and the judges are emailed through the outbox, in batches. Safe to
 * run again (a retried job, two instances): each email has its own idempotency key.
 */
export async function publishResults(contestId: string) {
  const contest = await db.contest.findUniqueOrThrow({ where: { id: contestId } });
  // rescheduled later (the job for that time will run), or judging not over
  if (now() < contest.announcementAt || now() < judgingOverAt(contest) || contest.status === "draft") return false;
  if (!contest.resultsPublishedAt) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.contest.updateMany({
        where: { id: contestId, resultsPublishedAt: null, announcementAt: { lte: now() } },
        data: { resultsPublishedAt: now(), status: "results_published" },
      });
      if (count) await audit(tx, { contestId, actorId: null, action: "results.published" });
    });
  }
  const link = `${env().APP_URL}/contests/${contest.slug}/winners`;
  const entrants = await db.entry.findMany({
    where: { contestId, submittedAt: { not: null }, status: { not: "withdrawn" } },
    select: {
      id: true,
      status: true,
      referenceCode: true,
      title: true,
      award: { select: { place: true } },
      category: { select: { name: true, translations: true } },
      entrant: { select: { email: true, locale: true, deactivatedAt: true } },
    },
  });
  const judges = await db.contestJudge.findMany({
    where: { contestId, user: { deactivatedAt: null } },
    select: { user: { select: { id: true, email: true, locale: true } } },
  });
  const messages = [
    ...entrants
      .filter((e) => !e.entrant.deactivatedAt)
      .map((e) => ({
        to: e.entrant.email,
        locale: e.entrant.locale ?? "en",
        key: `results:${contestId}:entry:${e.id}`,
        payload: {
          kind: e.award && e.status === "eligible" ? ("award" as const) : ("thanks" as const),
          contest: titleIn(contest, e.entrant.locale ?? "en"),
          title: e.title,
          referenceCode: e.referenceCode ?? "",
          category: categoryNameIn(e.category, contest, e.entrant.locale ?? "en"),
          place: e.award?.place ?? null,
          link,
          note: emailNoteIn(contest, "results", e.entrant.locale ?? "en"),
        },
      })),
    ...judges.map((j) => ({
      to: j.user.email,
      locale: j.user.locale ?? "en",
      key: `results:${contestId}:judge:${j.user.id}`,
      payload: {
        kind: "judge" as const,
        contest: titleIn(contest, j.user.locale ?? "en"),
        title: "",
        referenceCode: "",
        category: "",
        place: null,
        link,
        note: "",
      },
    })),
  ];
  await queueEmails(
    messages.map((m) => ({
      template: "results" as const,
      to: m.to,
      locale: m.locale,
      payload: m.payload,
      idempotencyKey: m.key,
    })),
  );
  // Judges' notes organizers released before the results go out with them.
  await sendFeedback(contestId);
  return true;
}

/**
 * The published winners of a contest, for the public gallery: only awarded entries whose every
 * consent is in place (the licence, a release for each recognisable person, a guardian's consent
 * for a minor), with the name the entrant chose to publish, and their country only if they agreed.
 */
export async function publishedWinners(slug: string) {
  const contest = await db.contest.findFirst({ where: { slug, status: { not: "draft" } } });
  if (!contest) return null;
  if (!contest.resultsPublishedAt) return { contest, winners: null };
  const awards = await db.award.findMany({
    // an anonymised entry (its entrant erased) has no work or name left to show
    where: { contestId: contest.id, entry: { status: "eligible", anonymisedAt: null } },
    include: {
      entry: {
        include: {
          category: true,
          entrant: { select: { displayName: true, country: true, publishCountry: true, dateOfBirth: true } },
          media: { where: { state: "verified" }, orderBy: { position: "asc" } },
          guardianConsents: { orderBy: { createdAt: "desc" }, take: 1 },
          _count: { select: { releases: true } },
        },
      },
    },
  });
  const rules = { ...contest, allowedCountries: [] };
  const consented = awards.filter(({ entry }) => {
    if (!entry.licenceAt) return false;
    if (entry.identifiablePeople && (!entry.releasesAt || entry._count.releases === 0)) return false;
    if (!needsGuardianConsent(rules, entry.entrant)) return true;
    const latest = entry.guardianConsents[0];
    return latest?.decision === "consented" && latest.entryRevision === entry.revision;
  });
  const order = (place: string) => PLACES.indexOf(place as Place);
  consented.sort((a, b) => a.entry.category.position - b.entry.category.position || order(a.place) - order(b.place));
  return { contest, winners: consented };
}
