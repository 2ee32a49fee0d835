import { DEFAULT_CATEGORIES, DEFAULT_RUBRIC } from "../app/models/contest-defaults";
import type { Prisma } from "../app/services/db.server";
import { DEMO_CATEGORY_TRANSLATIONS, DEMO_TRANSLATIONS } from "./demo-translations";

/**
 * The demo: the 2025 Youth for Humanitarian Disarmament Multimedia Contest under the
 * Convention on Cluster Munitions. Dates are relative to `today`, so a fresh database always
 * has a contest that is open for entries. Its categories and rubric are Mosaic's defaults. Used
 * by the seed and by tests.
 */
const DAY = 24 * 60 * 60 * 1000;

function at(today: Date, days: number, hourUtc: number, minute = 0) {
  const d = new Date(today.getTime() + days * DAY);
  d.setUTCHours(hourUtc, minute, 0, 0);
  return d;
}

export const DEMO_SLUG = "yhd-2025";

export function demoContest(today: Date): Prisma.ContestCreateInput {
  return {
    slug: DEMO_SLUG,
    codePrefix: "YHD25",
    title: "Youth for Humanitarian Disarmament Multimedia Contest 2025",
    theme: "Victim assistance and its larger societal impact",
    summary:
      "Young people aged 18 to 29 are invited to show, in film, photography, art, writing or sound, how a victim-centred approach to assistance, and life-saving risk education, benefits the whole of society and promotes human rights, disability rights, and economic and social rights.",
    rules: [
      "## What to make",
      "One original work on the theme **victim assistance and its larger societal impact**: how assistance to survivors of cluster munitions — medical care, rehabilitation, psychological support, social and economic inclusion — and risk education change a whole community.",
      "## Who may enter",
      "- You are between 18 and 29 years old on the submission deadline.\n- You may enter on your own or with co-creators; every co-creator must also be eligible.\n- You may send up to 3 entries in all.",
      "## Dignity and do-no-harm",
      "- Show survivors as people with rights and agency, not as objects of pity.\n- Anyone identifiable in your work must have given informed consent, and you will be asked for a release.\n- Do not show exact locations of contaminated areas or graphic injuries.",
      "## Rights",
      "You keep the copyright. By entering you allow the organizers to show your work, with your name, in the contest's gallery and at the Meeting of States Parties.",
      "## Judging",
      "Entries are judged blind by an international jury against a published rubric: victim assistance insight (30%), dignity and do-no-harm (20%), message and impact (20%), creativity and originality (20%), craft (10%).",
    ].join("\n\n"),
    organizerName: "the Presidency of the 13th Meeting of States Parties and the Implementation Support Unit",
    // its texts in every language Mosaic speaks (English first: the columns above)
    languages: "en,fr,es,ar",
    translations: JSON.stringify(DEMO_TRANSLATIONS),
    timezone: "Europe/Zurich",
    status: "open",
    opensAt: at(today, -7, 8),
    deadline: at(today, 45, 22, 59),
    graceMinutes: 15,
    judgingStartsAt: at(today, 50, 8),
    judgingEndsAt: at(today, 72, 22, 59),
    announcementAt: at(today, 85, 12),
    minAge: 18,
    maxAge: 29,
    allowedCountries: null,
    maxEntriesPerUser: 3,
    blindJudging: true,
    judgesPerEntry: 3,
    normalisation: "calibrated",
    // after the results: judges' notes to entrants, certificates, and a people's choice for two weeks
    feedback: true,
    certificateWording: "For a work on victim assistance and its larger societal impact.",
    certificateSignature: "The President of the 13th Meeting of States Parties",
    peoplesChoice: true,
    votingClosesAt: at(today, 99, 12),
    categories: {
      create: DEFAULT_CATEGORIES.map((category, position) => ({
        ...category,
        translations: JSON.stringify(DEMO_CATEGORY_TRANSLATIONS[category.slug] ?? {}),
        position,
      })),
    },
    criteria: { create: DEFAULT_RUBRIC.map((criterion, position) => ({ ...criterion, position })) },
  };
}
