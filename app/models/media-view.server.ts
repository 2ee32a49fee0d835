import { storage } from "~/services/storage.server";
import type { ViewableMedia } from "~/components/media/media-view";
import { isTimed } from "./entry";

const VIEW_URL_SECONDS = 10 * 60;

/** Short-lived links to verified files, with a video's poster and an image's web-sized preview. */
export async function viewUrls(
  media: {
    id: string;
    state: string;
    detectedType: string | null;
    previewKey: string | null;
    cleanKey: string | null;
    objectKey: string;
  }[],
  expiresInSec = VIEW_URL_SECONDS,
) {
  const sign = (key: string) => storage().presignGet(key, { expiresInSec });
  const entries = await Promise.all(
    media
      .filter((m) => m.state === "verified")
      .map(async (m) => {
        const poster = m.detectedType?.startsWith("video/") && m.previewKey ? await sign(m.previewKey) : null;
        const preview = m.detectedType?.startsWith("image/") && m.previewKey ? await sign(m.previewKey) : null;
        return [m.id, { url: await sign(m.cleanKey ?? m.objectKey), poster, preview }] as const;
      }),
  );
  return Object.fromEntries(entries);
}

type ViewableAsset = Parameters<typeof viewUrls>[0][number] & {
  altText: string;
  width: number | null;
  height: number | null;
  captionsKey: string | null;
  captionsLang: string | null;
};

/**
 * Verified files as the pages' MediaView shows them, with short-lived links. `previews: false`
 * leaves images at full size (judges zoom into them, guardians see exactly what was sent).
 */
export async function viewableMedia(
  media: ViewableAsset[],
  options: { expiresInSec?: number; previews?: boolean } = {},
): Promise<ViewableMedia[]> {
  const urls = await viewUrls(media, options.expiresInSec);
  return media.map((m) => ({
    id: m.id,
    type: m.detectedType ?? "",
    altText: m.altText,
    width: m.width,
    height: m.height,
    url: urls[m.id]?.url ?? null,
    poster: urls[m.id]?.poster ?? null,
    preview: options.previews === false ? null : (urls[m.id]?.preview ?? null),
    captions: isTimed(m.detectedType) && m.captionsKey ? { lang: m.captionsLang ?? "" } : null,
  }));
}
