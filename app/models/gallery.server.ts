import type { Locale } from "~/i18n";
import { storage } from "~/services/storage.server";
import { countryOptions } from "./countries";
import { viewableMedia } from "./media-view.server";
import { publishedWinners } from "./results.server";
import { categoryNameIn, titleIn } from "./contest-texts";

/** Public works are read at leisure: links that outlast a long visit (images load as one scrolls). */
const GALLERY_URL_SECONDS = 6 * 60 * 60;

/**
 * The winners' gallery of a contest as visitors see it: each work with the name its entrant chose
 * to publish and their country only if they agreed to show it (`page`, what the browser gets), and
 * the contest row for the server. Null when there is no such contest; `winners` null until the
 * results are published.
 */
export async function gallery(slug: string, locale: Locale) {
  const found = await publishedWinners(slug);
  if (!found) return null;
  const { contest, winners } = found;
  const base = {
    slug: contest.slug,
    title: titleIn(contest, locale),
    timezone: contest.timezone,
    announcementAt: contest.announcementAt.toISOString(),
  };
  if (!winners) return { contest, page: { ...base, winners: null } };
  const names = new Map(countryOptions(locale).map((c) => [c.code, c.name]));
  const media = await Promise.all(
    winners.map((w) => viewableMedia(w.entry.media, { expiresInSec: GALLERY_URL_SECONDS })),
  );
  return {
    contest,
    page: {
      ...base,
      winners: winners.map(({ place, entry }, index) => ({
        id: entry.id,
        categoryId: entry.categoryId,
        place,
        category: categoryNameIn(entry.category, contest, locale),
        title: entry.title,
        statement: entry.statement,
        name: entry.entrant.displayName ?? "",
        country:
          entry.entrant.publishCountry && entry.entrant.country ? (names.get(entry.entrant.country) ?? null) : null,
        contentWarning: entry.contentWarning,
        transcript: entry.transcript,
        media: media[index]!,
      })),
    },
  };
}

export type GalleryWork = NonNullable<NonNullable<Awaited<ReturnType<typeof gallery>>>["page"]["winners"]>[number];

/**
 * A link to the picture a social network shows with a shared work: an image's web preview or a
 * film's poster, never for a work behind a content warning (a preview card cannot warn). Null
 * when the work has none.
 */
export async function shareImageUrl(slug: string, entryId: string) {
  const found = await publishedWinners(slug);
  const winner = found?.winners?.find((w) => w.entry.id === entryId);
  if (!winner || winner.entry.contentWarning) return null;
  const pictured = winner.entry.media.find(
    (m) => m.previewKey && (m.detectedType?.startsWith("image/") || m.detectedType?.startsWith("video/")),
  );
  return pictured?.previewKey ? storage().presignGet(pictured.previewKey, { expiresInSec: 60 * 60 }) : null;
}
