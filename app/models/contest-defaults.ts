/**
 * What a contest starts with when it is not copied from an earlier edition: the categories and
 * the rubric of the first contest Mosaic ran, which organizers then change on the settings and
 * rubric pages. The demo contest has them too.
 */
const MB = 1024 * 1024;

/** A criterion's five levels as stored, lowest first, with the steps between the described ones. */
const levels = (five: string, three: string, one: string) =>
  JSON.stringify([one, "Between 1 and 3.", three, "Between 3 and 5.", five]);

export const DEFAULT_RUBRIC = [
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

export const DEFAULT_CATEGORIES = [
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
