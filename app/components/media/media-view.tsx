import { useState } from "react";
import { useTranslation } from "react-i18next";

/** One verified file as a page shows it; `url` is a short-lived link, null when there is none. */
export type ViewableMedia = {
  id: string;
  type: string;
  url: string | null;
  altText: string;
  width?: number | null;
  height?: number | null;
  /** a video's still, or an image's web-sized preview */
  poster?: string | null;
  preview?: string | null;
  captions?: { lang: string } | null;
};

/**
 * A file of an entry, the same way on every page: an image (its web preview in a srcset where
 * there is one, and a zoom button for judges), a video with its poster and captions track, a
 * recording, or a link to a document. `captionsUrl` is the same-origin address of the file's
 * captions for this reader (each page checks who may read them).
 */
export function MediaView({
  media,
  captionsUrl,
  preload = "metadata",
  zoomable = false,
}: {
  media: ViewableMedia;
  captionsUrl?: string;
  preload?: "none" | "metadata";
  zoomable?: boolean;
}) {
  const { t } = useTranslation();
  const [zoomed, setZoomed] = useState(false);
  const { url, type } = media;
  if (!url) return null;
  if (type.startsWith("image/")) {
    const image = (
      <img
        src={media.preview ?? url}
        srcSet={media.preview && media.width ? `${media.preview} 1280w, ${url} ${media.width}w` : undefined}
        sizes={media.preview && media.width ? "(max-width: 60rem) 100vw, 60rem" : undefined}
        alt={media.altText}
        width={media.width ?? undefined}
        height={media.height ?? undefined}
        loading="lazy"
        className={zoomed ? "media-preview zoomed" : "media-preview"}
      />
    );
    if (!zoomable) return image;
    return (
      <>
        {image}
        <button type="button" className="link-button" aria-pressed={zoomed} onClick={() => setZoomed(!zoomed)}>
          {zoomed ? t("scoring.zoomOut") : t("scoring.zoomIn")}
        </button>
      </>
    );
  }
  if (type.startsWith("video/")) {
    return (
      <video src={url} poster={media.poster ?? undefined} controls preload={preload} className="media-preview">
        {media.captions && captionsUrl ? (
          <track
            kind="captions"
            src={captionsUrl}
            srcLang={media.captions.lang || undefined}
            label={media.captions.lang || t("captions.track")}
            default
          />
        ) : null}
      </video>
    );
  }
  if (type.startsWith("audio/")) return <audio src={url} controls preload={preload} />;
  return (
    <a href={url} target="_blank" rel="noreferrer">
      {t("scoring.openDocument")}
    </a>
  );
}

/**
 * An entry's files one under another, each in a card, as a guardian, a judge and an organizer
 * read them; `captionsUrl` gives each file's captions address for this reader.
 */
export function MediaList({
  media,
  captionsUrl,
  zoomable,
}: {
  media: ViewableMedia[];
  captionsUrl: (media: ViewableMedia) => string;
  zoomable?: boolean;
}) {
  return (
    <ul className="media-list">
      {media.map((m) => (
        <li key={m.id} className="card">
          <MediaView media={m} captionsUrl={captionsUrl(m)} zoomable={zoomable} />
        </li>
      ))}
    </ul>
  );
}
