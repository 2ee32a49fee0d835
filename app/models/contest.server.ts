import { db } from "~/services/db.server";
import { now } from "~/services/clock.server";
import { splitList } from "./contest";
import { inLanguage } from "./contest-texts";
import { statusAt } from "./lifecycle";

const publicContest = {
  id: true,
  slug: true,
  title: true,
  theme: true,
  summary: true,
  rules: true,
  faq: true,
  languages: true,
  blindJudging: true,
  organizerName: true,
  timezone: true,
  status: true,
  opensAt: true,
  deadline: true,
  graceMinutes: true,
  judgingStartsAt: true,
  judgingEndsAt: true,
  announcementAt: true,
  minAge: true,
  maxAge: true,
  allowedCountries: true,
  maxEntriesPerUser: true,
  translations: true,
} as const;

/**
 * What anyone may read about a contest that is no longer a draft, its texts in `locale` where
 * the organizers gave them (else in its first language; `textLang` names those).
 */
export async function getPublicContest(slug: string, locale: string) {
  const contest = await db.contest.findFirst({
    where: { slug, status: { not: "draft" } },
    select: {
      ...publicContest,
      categories: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: {
          slug: true,
          name: true,
          description: true,
          allowedTypes: true,
          maxFileBytes: true,
          maxDurationSec: true,
          maxFiles: true,
          accessibilityText: true,
          translations: true,
        },
      },
    },
  });
  if (!contest) return null;
  const read = inLanguage(contest, locale);
  return {
    ...read,
    allowedCountries: splitList(contest.allowedCountries),
    languages: splitList(contest.languages),
    categories: read.categories.map((category) => ({ ...category, allowedTypes: splitList(category.allowedTypes) })),
  };
}

/**
 * How a public contest's works are judged and ranked, as its "How we rank" page tells entrants
 * and judges: blindness, judges per work, conflicts, the rubric and each round's method.
 */
export async function getRankingRules(slug: string, locale: string) {
  const contest = await db.contest.findFirst({
    where: { slug, status: { not: "draft" } },
    select: {
      slug: true,
      title: true,
      blindJudging: true,
      hideCountry: true,
      judgesPerEntry: true,
      avoidSameCountry: true,
      normalisation: true,
      finalMethod: true,
      pairwiseTarget: true,
      languages: true,
      translations: true,
      criteria: { orderBy: { position: "asc" }, select: { name: true, weight: true, guidance: true } },
    },
  });
  return contest ? inLanguage(contest, locale) : null;
}

/**
 * A contest that is no longer a draft, with the categories one may enter now, in order, their
 * texts in `locale` where given; null when there is none.
 */
export async function getContestToEnter(slug: string, locale: string) {
  const contest = await db.contest.findFirst({
    where: { slug, status: { not: "draft" } },
    include: { categories: { where: { archivedAt: null }, orderBy: { position: "asc" } } },
  });
  return contest ? inLanguage(contest, locale) : null;
}

/** Every contest that is no longer a draft, newest deadline first, its title and summary in `locale` where given. */
export async function listPublicContests(locale: string) {
  const contests = await db.contest.findMany({
    where: { status: { not: "draft" } },
    orderBy: { deadline: "desc" },
    select: {
      slug: true,
      title: true,
      summary: true,
      status: true,
      opensAt: true,
      deadline: true,
      graceMinutes: true,
      languages: true,
      translations: true,
    },
  });
  return contests.map((contest) => inLanguage(contest, locale));
}

/** A contest by its slug, for organizers' and judges' pages; null when there is none. */
export function getContestBySlug(slug: string) {
  return db.contest.findUnique({ where: { slug } });
}

/** Every category of a contest in order, archived ones too (entries may still be in them), for filters and audiences. */
export function listCategories(contestId: string) {
  return db.category.findMany({
    where: { contestId },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
}

/** Every contest, newest first, for the organizers' console, with the status its timeline gives it now. */
export async function listContests() {
  const contests = await db.contest.findMany({
    orderBy: { opensAt: "desc" },
    select: { slug: true, title: true, status: true, deadline: true, graceMinutes: true, judgingStartsAt: true },
  });
  const at = now();
  return contests.map((c) => ({ slug: c.slug, title: c.title, status: statusAt(c, at) }));
}

/** The contests this user judges. */
export function listJudgedContests(userId: string) {
  return db.contest.findMany({
    where: { judges: { some: { userId } } },
    orderBy: { opensAt: "desc" },
    select: { slug: true, title: true },
  });
}
