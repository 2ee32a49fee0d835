import { storage } from "~/services/storage.server";
import type { Rendition, ViewableMedia } from "~/components/media/media-view";
import { isTimed } from "./entry";
import { videoRenditionSides } from "./media";

const VIEW_URL_SECONDS = 10 * 60;

/**
 * Short-lived links to verified files, with a video's poster and an image's web-sized preview.
 * A video or recording plays from its web renditions (`url` is the best of them; a video's are
 * all in `renditions`, best first).
 */
export async function viewUrls(
  media: {
    id: string;
    state: string;
    detectedType: string | null;
    previewKey: string | null;
    cleanKey: string | null;
    objectKey: string;
    webKey: string | null;
    lightKey: string | null;
    width: number | null;
    height: number | null;
  }[],
  expiresInSec = VIEW_URL_SECONDS,
) {
  const sign = (key: string) => storage().presignGet(key, { expiresInSec });
  const entries = await Promise.all(
    media
      .filter((m) => m.state === "verified")
      .map(async (m) => {
        const video = Boolean(m.detectedType?.startsWith("video/"));
        const poster = video && m.previewKey ? await sign(m.previewKey) : null;
        const preview = m.detectedType?.startsWith("image/") && m.previewKey ? await sign(m.previewKey) : null;
        const sides = videoRenditionSides(m.width, m.height);
        const renditions: Rendition[] = [];
        if (video && m.webKey) renditions.push({ url: await sign(m.webKey), side: sides.web });
        if (video && m.lightKey && sides.light) renditions.push({ url: await sign(m.lightKey), side: sides.light });
        const url = renditions[0]?.url ?? (await sign(m.webKey ?? m.cleanKey ?? m.objectKey));
        return [m.id, { url, poster, preview, renditions }] as const;
      }),
  );
  return Object.fromEntries(entries);
}

type ViewableAsset = Parameters<typeof viewUrls>[0][number] & {
  altText: string;
  captionsKey: string | null;
  captionsLang: string | null;
};

/**
 * Verified files as the pages' MediaView shows them, with short-lived links. `previews: false`
 * leaves images at full size (judges zoom into them, guardians see exactly what was sent);
 * `originals: true` adds a link to each file as it was sent (for organizers only: judges and
 * visitors need nothing but what plays).
 */
export async function viewableMedia(
  media: ViewableAsset[],
  options: { expiresInSec?: number; previews?: boolean; originals?: boolean } = {},
): Promise<ViewableMedia[]> {
  const urls = await viewUrls(media, options.expiresInSec);
  // a link that saves the file (the browser may not be able to play an original), signed only for organizers
  const expiresInSec = options.expiresInSec ?? VIEW_URL_SECONDS;
  const originals: Record<string, string> = options.originals
    ? Object.fromEntries(
        await Promise.all(
          media
            .filter((m) => m.state === "verified")
            .map(async (m) => [
              m.id,
              await storage().presignGet(m.cleanKey ?? m.objectKey, { expiresInSec, attachment: true }),
            ]),
        ),
      )
    : {};
  return media.map((m) => ({
    id: m.id,
    type: m.detectedType ?? "",
    altText: m.altText,
    width: m.width,
    height: m.height,
    url: urls[m.id]?.url ?? null,
    poster: urls[m.id]?.poster ?? null,
    preview: options.previews === false ? null : (urls[m.id]?.preview ?? null),
    renditions: urls[m.id]?.renditions ?? [],
    original: originals[m.id] ?? null,
    captions: isTimed(m.detectedType) && m.captionsKey ? { lang: m.captionsLang ?? "" } : null,
  }));
}
