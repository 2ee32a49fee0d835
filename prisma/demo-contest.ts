import type { Prisma } from "../app/services/db.server";

/**
 * The demo: the 2025 Youth for Humanitarian Disarmament Multimedia Contest under the
 * Convention on Cluster Munitions. Dates are relative to `today`, so a fresh database always
 * has a contest that is open for entries. Used by the seed and by tests.
 */
const DAY = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;

function at(today: Date, days: number, hourUtc: number, minute = 0) {
  const d = new Date(today.getTime() + days * DAY);
  d.setUTCHours(hourUtc, minute, 0, 0);
  return d;
}

const levels = (five: string, three: string, one: string) =>
  JSON.stringify([one, "Between 1 and 3.", three, "Between 3 and 5.", five]);

export const demoRubric = [
  {
    name: "Victim assistance insight",
    weight: 30,
    guidance:
      "How well the work shows what assistance means in practice — medical care, rehabilitation, psychological support, social and economic inclusion, laws and data — and its effect on the whole of society.",
    levels: levels(
      "Shows what assistance means in practice and its effect on the whole of society; accurate.",
      "Names forms of assistance and some of their effects; mostly accurate.",
      "Little or no sense of what assistance involves, or inaccurate.",
    ),
  },
  {
    name: "Dignity and do-no-harm",
    weight: 20,
    guidance: "Survivor-centred and rights-based; survivors as agents, not objects of pity; informed consent.",
    levels: levels(
      "Survivor-centred and rights-based; survivors as agents; informed consent; nothing sensational or identifying without consent.",
      "Respectful overall, with moments of pity or unclear consent.",
      "Sensational, pitying, or identifies people without consent.",
    ),
  },
  {
    name: "Message and impact",
    weight: 20,
    guidance:
      "A clear message linking humanitarian disarmament, human and disability rights and the SDGs to personal experience, hopes and dreams.",
    levels: levels(
      "A clear message that links these themes to personal experience and moves an audience to act.",
      "A message that comes through, with weak links or little call to act.",
      "No clear message.",
    ),
  },
  {
    name: "Creativity and originality",
    weight: 20,
    guidance: "A fresh idea or form; the young author's own voice.",
    levels: levels(
      "A fresh idea or form in the author's own voice.",
      "Some original touches in a familiar form.",
      "Derivative.",
    ),
  },
  {
    name: "Craft",
    weight: 10,
    guidance: "Skilled use of the chosen medium.",
    levels: levels(
      "Skilled, deliberate use of the medium.",
      "Competent, with visible rough edges.",
      "The medium gets in the way of the work.",
    ),
  },
];

export const demoCategories = [
  {
    slug: "video",
    name: "Video",
    description: "A short film, documentary, animation or video essay.",
    allowedTypes: "video/mp4,video/webm,video/quicktime",
    maxFileBytes: 500 * MB,
    maxDurationSec: 5 * 60,
    maxFiles: 1,
    accessibilityText: "captions_or_transcript",
  },
  {
    slug: "photography",
    name: "Photography",
    description: "A single photograph or a series of up to five.",
    allowedTypes: "image/jpeg,image/png,image/webp",
    maxFileBytes: 25 * MB,
    maxDurationSec: null,
    maxFiles: 5,
    accessibilityText: "alt_text",
  },
  {
    slug: "visual-art",
    name: "Visual art",
    description: "Drawing, painting, illustration, comics, poster or digital art, photographed or scanned.",
    allowedTypes: "image/jpeg,image/png,image/webp",
    maxFileBytes: 25 * MB,
    maxDurationSec: null,
    maxFiles: 3,
    accessibilityText: "alt_text",
  },
  {
    slug: "written-work",
    name: "Written work",
    description: "An essay, story, poem or article of up to 1,500 words.",
    allowedTypes: "application/pdf",
    maxFileBytes: 10 * MB,
    maxDurationSec: null,
    maxFiles: 1,
    accessibilityText: "none",
  },
  {
    slug: "audio",
    name: "Audio",
    description: "A podcast episode, song, spoken word or radio piece.",
    allowedTypes: "audio/mpeg,audio/wav,audio/ogg,audio/mp4",
    maxFileBytes: 100 * MB,
    maxDurationSec: 10 * 60,
    maxFiles: 1,
    accessibilityText: "captions_or_transcript",
  },
];

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
    languages: "en",
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
    categories: { create: demoCategories.map((category, position) => ({ ...category, position })) },
    criteria: { create: demoRubric.map((criterion, position) => ({ ...criterion, position })) },
  };
}
