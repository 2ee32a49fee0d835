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
import { calibrate, entriesNeedingAnotherJudge, type CalibratedEntry, type CalibrationStart } from "./calibration";
import { finalFits } from "./comparison.server";
import { judgeAgreement, panelReliability, type PanelReliability } from "./reliability";
import { compareStrings, computeResults, PLACES, type EntryResult, type Place } from "./results";
import type { FinalMethod } from "~/schemas/contest";
import { rubricOf } from "./rubric.server";
import { sheetTotal, type Round, type RubricCriterion } from "./scoring";
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
  // The maths change only when a sheet, a comparison, the settings or what they read of the
  // entries does: the revisions the database keeps of the sheets and entries (ContestTally,
  // migration 20261209090000_results_revisions) tell whether the last computation still holds.
  // Awards change no number, nor does the final's shortlist in the scoring round: both are laid
  // over the rows as they stand now, so an organizer awarding places or choosing the shortlist in
  // a 50,000-entry contest waits for no computation.
  const [comparisonsVersion, revisions, settings, awards, shortlist] = await Promise.all([
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
  const revision = (part: string) => revisions.find((r) => r.key === part)?.count ?? 0;
  // the round's own: a sheet of the other round changes nothing here
  const marks = { sheets: revision(`sheets:${round}`), gone: revision(`gone:${round}`) };
  // the scoring round reads the eligible entries; the final, only those on the shortlist
  const entriesVersion = JSON.stringify([revision("entries"), round === "final" ? revision("shortlist") : null]);
  const version = JSON.stringify([marks, comparisonsVersion, entriesVersion, settings]);
  const key = `${contestId}:${round}`;
  let state = roundStates.get(key);
  if (state?.version !== version) {
    const method = (round === "scoring" ? settings.normalisation : settings.finalMethod) as FinalMethod;
    // the scoring round asks for the contest's number of judges per entry; the final, for every final judge
    const judgesAsked = round === "scoring" ? settings.judgesPerEntry : null;
    state = await computeContestResults(contestId, round, method, judgesAsked, {
      version,
      entriesVersion,
      marks,
      previous: state,
    });
  }
  // the most recently viewed rounds are kept, the oldest forgotten first
  roundStates.delete(key);
  roundStates.set(key, state);
  let sheets = 0;
  for (const kept of roundStates.values()) sheets += kept.sheets.byId.size;
  for (const [stale, kept] of roundStates) {
    if (stale === key || (roundStates.size <= KEPT_ROUNDS && sheets <= KEPT_SHEETS)) break;
    roundStates.delete(stale);
    sheets -= kept.sheets.byId.size;
  }
  return asTheyStand(state.results, awards, new Set(shortlist.map((e) => e.id)));
}

export type ContestResults = Awaited<ReturnType<typeof computeContestResults>>["results"];

/**
 * Rounds whose last computation is kept in memory, and their sheets at most (the round viewed
 * last is always kept): a round of 50,000 entries and 90,000 sheets keeps about 70 MB.
 */
const KEPT_ROUNDS = 4;
const KEPT_SHEETS = 200_000;

/**
 * What a round's last computation read and worked out, kept so that the next one, after a few
 * sheets changed, reads only those sheets, reuses the entries it read, and redoes only the
 * reliabilities whose sheets changed, starting the calibrated model from its last fit.
 */
type RoundState = {
  version: string;
  results: ContestResults;
  /** The entries read, and what the computation looks up in them, as of the entries' version and the categories read. */
  entries: { version: string; rows: EntryRow[]; categories: string; index: ReturnType<typeof indexEntries> };
  sheets: SheetStore;
  reliabilities: Map<string, KeptReliability>;
  /** What the reliabilities were worked out against besides the sheets (see {@link panelsBasis}). */
  panelsBasis: string;
  /** The store's count of patches when this computation took its sheets (see {@link SheetStore}). */
  patchesSeen: number;
  fit: CalibrationStart | null;
};
const roundStates = new Map<string, RoundState>();

type EntryRow = { id: string; referenceCode: string | null; title: string; categoryId: string };

/** The entries with their categories, each entry's category name and the category names in their order. */
function indexEntries(rows: EntryRow[], categoryRows: { id: string; name: string; position: number }[]) {
  const categoryById = new Map(categoryRows.map((c) => [c.id, c]));
  const entries = rows.map((e) => ({
    id: e.id,
    referenceCode: e.referenceCode,
    title: e.title,
    category: categoryById.get(e.categoryId)!,
  }));
  const categoryOf: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const e of entries) categoryOf[e.id] = e.category.name;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const categories = [...new Map(entries.map((e) => [e.category.name, e.category.position])).entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => name);
  return { categoryOf, byId, categories };
}

/** A sheet as the results read it: in the maths when submitted and not recused. */
type StoredSheet = {
  entryId: string;
  judgeId: string;
  counted: boolean;
  /** an extra judge's sheet still to come (see addJudgeTo) */
  coming: boolean;
  /** the change that wrote it (Assignment.changeMark): a sheet is only ever replaced by a later one */
  mark: number;
  scores: Record<string, number>;
  /**
   * The sheet as the maths read it, under the rubric and in the category it was made for (null: not
   * complete under that rubric): made at its first view and reused by the next, which spares a view
   * of a large round making three objects per sheet again.
   */
  read?: { rubric: string; category: string; sheet: ScoredSheet | null };
};

/** A counted sheet with its weighted total, in the shapes the ranking maths read. */
type ScoredSheet = {
  entryId: string;
  judgeId: string;
  category: string;
  scores: Record<string, number>;
  /** the weighted total, as the reliabilities read it */
  total: number;
  /** the same, as the calibrated model and the judges' agreement read it */
  score: number;
  /** the same, as the normalisation reads it (one criterion, "total") */
  criterionScores: { total: number };
};

/**
 * A round's sheets by assignment id, as of the sheets' change `mark`, and the count of sheets gone;
 * `changed`: how many were read to bring the last computation's up to date (all: Infinity).
 * `byId` is patched in place and shared by the computations that follow; `log.patches` counts its
 * patches, so that a computation can tell whether another one patched it meanwhile. `touched`: the
 * sheets this computation's reading replaced, as they were and as they are, when it alone patched
 * the store since the last computation (null otherwise, or when everything was read). `ids`: one
 * string per entry and judge id, which all its sheets share: the maths compare ids many times over,
 * and a string compared with itself is equal at once.
 */
type SheetStore = {
  mark: number;
  gone: number;
  byId: Map<string, StoredSheet>;
  changed: number;
  log: { patches: number };
  ids: Map<string, string>;
  touched: { before: StoredSheet | undefined; after: StoredSheet }[] | null;
};

/**
 * The round's sheets as of `marks`: from the last computation's, with only the sheets changed since
 * read, or all of them when none was read yet or one has gone since (deleted or moved).
 */
async function readSheets(
  contestId: string,
  round: Round,
  marks: { sheets: number; gone: number },
  previous: RoundState | undefined,
): Promise<SheetStore> {
  const kept = previous?.sheets;
  if (previous && kept && kept.gone === marks.gone) {
    const alone = () => kept.log.patches === previous.patchesSeen;
    if (kept.mark === marks.sheets) return { ...kept, changed: 0, touched: alone() ? [] : null };
    const changed = await db.assignment.findMany({
      where: { contestId, round, changeMark: { gt: kept.mark } },
      select: {
        id: true,
        entryId: true,
        judgeId: true,
        scores: true,
        status: true,
        extra: true,
        recusedAt: true,
        changeMark: true,
      },
    });
    // Patched in place: a computation running meanwhile only ever finds newer sheets in it.
    let touched: SheetStore["touched"] = alone() ? [] : null;
    for (const row of changed) {
      const before = kept.byId.get(row.id);
      if (before && before.mark >= row.changeMark) {
        touched = null;
        continue;
      }
      const after = stored(
        kept.ids,
        row.entryId,
        row.judgeId,
        row.scores,
        row.status,
        row.extra,
        row.recusedAt === null,
        row.changeMark,
      );
      kept.byId.set(row.id, after);
      kept.log.patches++;
      touched?.push({ before, after });
    }
    return {
      mark: marks.sheets,
      gone: marks.gone,
      byId: kept.byId,
      changed: changed.length,
      log: kept.log,
      ids: kept.ids,
      touched,
    };
  }
  // Only the sheets the results read: a draft that changes later comes with the changed sheets.
  const rows = await db.$queryRaw<
    {
      id: string;
      entryId: string;
      judgeId: string;
      scores: string;
      status: string;
      extra: unknown;
      changeMark: unknown;
    }[]
  >`SELECT "id", "entryId", "judgeId", "scores", "status", "extra", "changeMark" FROM "Assignment"
    WHERE "contestId" = ${contestId} AND "round" = ${round} AND "recusedAt" IS NULL
      AND ("status" = 'submitted' OR "extra" = true)`;
  // kept in the maths' canonical order, which a changed sheet keeps and a new one hardly disturbs
  rows.sort((a, b) => compareStrings(a.entryId, b.entryId) || compareStrings(a.judgeId, b.judgeId));
  const byId = new Map<string, StoredSheet>();
  const ids = new Map<string, string>();
  for (const row of rows) {
    byId.set(
      row.id,
      stored(ids, row.entryId, row.judgeId, row.scores, row.status, Boolean(row.extra), true, Number(row.changeMark)),
    );
  }
  return { mark: marks.sheets, gone: marks.gone, byId, changed: Infinity, log: { patches: 0 }, ids, touched: null };
}

/** The one string of `ids` equal to `text`, which becomes it if there is none. */
function interned(ids: Map<string, string>, text: string) {
  const known = ids.get(text);
  if (known !== undefined) return known;
  ids.set(text, text);
  return text;
}

function stored(
  ids: Map<string, string>,
  entryId: string,
  judgeId: string,
  scores: string,
  status: string,
  extra: boolean,
  active: boolean,
  mark: number,
): StoredSheet {
  const counted = active && status === "submitted";
  return {
    entryId: interned(ids, entryId),
    judgeId: interned(ids, judgeId),
    counted,
    coming: active && extra && status !== "submitted",
    mark,
    scores: counted ? (JSON.parse(scores) as Record<string, number>) : {},
  };
}

/** A reliability as last worked out, with the sheets it was worked out from. */
type KeptReliability = {
  entryIds: string[];
  judgeIds: string[];
  scores: Float64Array;
  resamples: number;
  reliability: PanelReliability;
};

/**
 * A panel's reliability over these sheets (in canonical order), or the last one worked out when
 * its sheets are the same: after one changed sheet, one category's and a criterion or two's
 * bootstraps run again, not all of them.
 */
function keptReliability(
  kept: KeptReliability | undefined,
  sheets: { entryIds: string[]; judgeIds: string[]; scores: Float64Array },
  resamples: number,
): KeptReliability {
  const { entryIds, judgeIds, scores } = sheets;
  if (kept && kept.resamples === resamples && kept.scores.length === scores.length) {
    let same = true;
    for (let s = 0; same && s < scores.length; s++) {
      same = kept.scores[s] === scores[s] && kept.entryIds[s] === entryIds[s] && kept.judgeIds[s] === judgeIds[s];
    }
    if (same) return kept;
  }
  const input = entryIds.map((entryId, s) => ({ entryId, judgeId: judgeIds[s]!, score: scores[s]! }));
  return { entryIds, judgeIds, scores, resamples, reliability: panelReliability({ sheets: input, resamples }) };
}

/**
 * The reliabilities (`category:<name>`, `criterion:<id>`) whose sheets the `touched` sheets changed,
 * the entries, categories and rubric being the same: a sheet that came into or left the sheets
 * counted changes its category's and every criterion's; a sheet still counted, its category's and
 * those of the criteria whose score changed.
 */
function panelsTouched(
  touched: NonNullable<SheetStore["touched"]>,
  criteria: RubricCriterion[],
  categoryOf: Record<string, string>,
) {
  const keys = new Set<string>();
  const counted = (s: StoredSheet | undefined) =>
    s !== undefined && s.counted && categoryOf[s.entryId] !== undefined && sheetTotal(criteria, s.scores) !== null;
  for (const { before, after } of touched) {
    const was = counted(before);
    const is = counted(after);
    if (!was && !is) continue;
    const same = was && is && before!.entryId === after.entryId && before!.judgeId === after.judgeId;
    let changed = false;
    for (const c of criteria) {
      if (same && before!.scores[c.id] === after.scores[c.id]) continue;
      keys.add(`criterion:${c.id}`);
      changed = true;
    }
    if (!changed) continue;
    if (was) keys.add(`category:${categoryOf[before!.entryId]}`);
    if (is) keys.add(`category:${categoryOf[after.entryId]}`);
  }
  return keys;
}

/** Sheets gathered column by column for {@link keptReliability}. */
function columns() {
  const entryIds: string[] = [];
  const judgeIds: string[] = [];
  const scores: number[] = [];
  return {
    push(entryId: string, judgeId: string, score: number) {
      entryIds.push(entryId);
      judgeIds.push(judgeId);
      scores.push(score);
    },
    done: () => ({ entryIds, judgeIds, scores: Float64Array.from(scores) }),
  };
}

/** Bootstrap resamples of a reliability: fewer for a large round, whose interval is narrow anyway. */
const resamplesFor = (sheets: number) => Math.max(200, Math.min(1000, Math.floor(3_000_000 / Math.max(1, sheets))));

async function computeContestResults(
  contestId: string,
  round: Round,
  method: FinalMethod,
  judgesAsked: number | null,
  known: {
    version: string;
    entriesVersion: string;
    marks: { sheets: number; gone: number };
    previous: RoundState | undefined;
  },
) {
  // Read flat: the categories are few, and joining them (or the sheets' entries) to each of
  // 50,000 rows costs more than reading them apart. Sheets of entries that are not in the
  // results (not eligible, not shortlisted for the final) are dropped below.
  const computedAt = now();
  const { previous } = known;
  const [criteria, entryRows, store, panel, categoryRows] = await Promise.all([
    rubricOf(contestId),
    previous?.entries.version === known.entriesVersion
      ? previous.entries.rows
      : db.entry.findMany({
          where: { contestId, status: "eligible", ...(round === "final" ? { shortlisted: true } : {}) },
          select: { id: true, referenceCode: true, title: true, categoryId: true },
        }),
    method === "pairwise"
      ? ({
          mark: -1,
          gone: -1,
          byId: new Map(),
          changed: Infinity,
          log: { patches: 0 },
          ids: new Map(),
          touched: null,
        } satisfies SheetStore)
      : readSheets(contestId, round, known.marks, previous),
    db.contestJudge.findMany({
      where: { contestId },
      select: { userId: true, user: { select: { fullName: true, email: true } } },
    }),
    db.category.findMany({ where: { contestId }, select: { id: true, name: true, position: true } }),
  ]);
  const categoriesRead = JSON.stringify(categoryRows);
  const entryIndex =
    previous?.entries.version === known.entriesVersion && previous.entries.categories === categoriesRead
      ? previous.entries.index
      : indexEntries(entryRows, categoryRows);
  const { categoryOf, byId, categories } = entryIndex;
  // entries with one more judge on the way, added where the order was too close to call
  const judgeComing = new Set<string>();
  const scored: ScoredSheet[] = [];
  // one string for the same rubric from view to view: each sheet's is compared with it
  const rubric = interned(store.ids, JSON.stringify(criteria));
  // the sheets as of this count of the store's patches: those changed since the last computation are
  // known one by one only when no other computation patched the store meanwhile
  const patchesSeen = store.log.patches;
  const touched = store.touched && previous?.patchesSeen === patchesSeen - store.touched.length ? store.touched : null;
  for (const s of store.byId.values()) {
    if (s.coming) judgeComing.add(s.entryId);
    const category = s.counted ? categoryOf[s.entryId] : undefined;
    if (category === undefined) continue;
    if (s.read?.rubric !== rubric || s.read.category !== category) {
      const total = sheetTotal(criteria, s.scores);
      const { entryId, judgeId, scores } = s;
      s.read = {
        rubric,
        category,
        sheet:
          total === null
            ? null
            : { entryId, judgeId, category, scores, total, score: total, criterionScores: { total } },
      };
    }
    if (s.read.sheet) scored.push(s.read.sheet);
  }
  // In the maths' canonical order (by entry, then judge) once: each step sorts its input into
  // it again, and a sort of sorted input is one pass.
  scored.sort((a, b) => compareStrings(a.entryId, b.entryId) || compareStrings(a.judgeId, b.judgeId));
  await breathe();
  // The weighted total is computed once with each criterion's own number of levels; the maths
  // then sees it as a single 0–100 criterion.
  const normalised = computeResults({
    criteria: [{ id: "total", weight: 100 }],
    scale: { min: 0, max: 100 },
    scores: scored,
    categoryOf,
    normalise: method !== "raw",
  });
  await breathe();
  // From the last fit when a few sheets changed: a handful of steps from the new one, where the
  // cold start takes 40. After many changes the cold start, chosen to keep clear of the model's
  // poorer optima (see calibration.ts), starts afresh.
  const warm = previous?.fit && store.changed <= Math.max(10, scored.length / 100) ? previous.fit : undefined;
  const calibration =
    method === "calibrated" ? calibrate({ sheets: scored, categoryOf, places: AWARD_PLACES, start: warm }) : null;
  const calibrated = calibration?.status === "fitted" ? calibration : null;
  await breathe();
  const calibratedOf = new Map<string, CalibratedEntry>();
  for (const e of calibrated?.entries ?? []) calibratedOf.set(e.entryId, e);
  const pairwise = method === "pairwise" ? await finalFits(contestId) : null;
  const pairwiseOf = new Map(
    pairwise?.categories.flatMap((c) => c.fit.items.map((item) => [item.id, item] as const)) ?? [],
  );
  const closeEntries = new Set(calibrated ? entriesNeedingAnotherJudge(calibrated) : []);

  const rowsOf = new Map(categories.map((name) => [name, [] as ReturnType<typeof row>[]]));
  const row = (r: EntryResult) => {
    const entry = byId.get(r.entryId)!;
    const model = calibratedOf.get(r.entryId);
    const pair = pairwiseOf.get(r.entryId);
    // Written out rather than spread from `r`: 50,000 rows of one shape are built and collected
    // several times faster.
    return {
      entryId: r.entryId,
      category: r.category,
      judgeScores: r.judgeScores,
      rawMean: r.rawMean,
      normalisedMean: r.normalisedMean,
      usedRawFallback: r.usedRawFallback,
      judgeCount: r.judgeCount,
      spread: r.spread,
      disagreement: r.disagreement,
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
      pairwise: pair ? { ability: pair.ability, se: pair.se, wins: pair.wins, comparisons: pair.comparisons } : null,
    };
  };
  for (const r of normalised.entries) rowsOf.get(r.category)?.push(row(r));
  if (calibrated || pairwise) {
    // ranked first, by rank, then the unranked; ties keep the order of the reference codes
    for (const rows of rowsOf.values()) {
      rows.sort(
        (a, b) =>
          (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareStrings(a.referenceCode ?? "", b.referenceCode ?? ""),
      );
    }
  }
  await breathe();

  // Each reliability is a bootstrap over the whole category or round, worked out again only
  // when its sheets changed; the server answers others between them.
  const resamples = resamplesFor(scored.length);
  const panelsBasis = JSON.stringify([
    resamples,
    criteria,
    categoryRows.toSorted((a, b) => compareStrings(a.id, b.id)),
  ]);
  // A reliability none of whose sheets changed is the last one, its sheets not even gathered.
  const changedPanels =
    touched && previous?.panelsBasis === panelsBasis && previous.entries.version === known.entriesVersion
      ? panelsTouched(touched, criteria, categoryOf)
      : null;
  const unchanged = (key: string) => (changedPanels?.has(key) === false ? previous?.reliabilities.get(key) : undefined);
  const reliabilities = new Map<string, KeptReliability>();
  const keep = async (key: string, sheets: () => ReturnType<ReturnType<typeof columns>["done"]>) => {
    const kept = unchanged(key) ?? keptReliability(previous?.reliabilities.get(key), sheets(), resamples);
    reliabilities.set(key, kept);
    if (kept !== previous?.reliabilities.get(key)) await breathe();
    return kept.reliability;
  };
  const categoryReliability = new Map<string, PanelReliability | null>();
  if (!pairwise) {
    const byCategory = new Map(
      categories.filter((name) => !unchanged(`category:${name}`)).map((name) => [name, columns()]),
    );
    if (byCategory.size > 0) for (const s of scored) byCategory.get(s.category)?.push(s.entryId, s.judgeId, s.total);
    for (const name of categories)
      categoryReliability.set(name, await keep(`category:${name}`, () => byCategory.get(name)!.done()));
  }
  const criteriaReliability = [];
  for (const c of pairwise ? [] : criteria) {
    const sheets = () => {
      const gathered = columns();
      for (const s of scored) if (s.scores[c.id] !== undefined) gathered.push(s.entryId, s.judgeId, s.scores[c.id]!);
      return gathered.done();
    };
    criteriaReliability.push({ name: c.name, reliability: await keep(`criterion:${c.id}`, sheets) });
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
  const agreement = new Map(judgeAgreement(scored).map((a) => [a.judgeId, a]));
  const calibratedJudges = new Map(calibrated?.judges.map((j) => [j.judgeId, j]));
  const results = {
    method,
    /** When these numbers were worked out: they hold until a sheet, a comparison or an entry changes. */
    computedAt,
    // the calibrated model could not be fitted yet: the z-score ranks, as it says on the page
    fellBack: method === "calibrated" && !calibrated,
    categories: categories.map((name) => ({
      name,
      rows: rowsOf.get(name)!,
      reliability: categoryReliability.get(name) ?? null,
      comparative: pairwiseOfCategory(name),
    })),
    // how far the panel agreed on each criterion, over the whole round
    criteria: criteriaReliability,
    judges: normalised.judges.map((j) => {
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
  return {
    version: known.version,
    results,
    entries: { version: known.entriesVersion, rows: entryRows, categories: categoriesRead, index: entryIndex },
    sheets: store,
    reliabilities,
    panelsBasis,
    patchesSeen,
    fit: calibration?.fitted ?? null,
  };
}

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
