import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { PlainSelectField } from "~/components/plain-fields";

/** A web rendition of a video: a short-lived link, and the length of the picture's shorter side. */
export type Rendition = { url: string; side: number };

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
  /** a video's web renditions, best first (empty for a file that has none) */
  renditions?: Rendition[];
  /** the file as it was sent, for organizers to download */
  original?: string | null;
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
  workTitle,
}: {
  media: ViewableMedia;
  captionsUrl?: string;
  preload?: "none" | "metadata";
  zoomable?: boolean;
  /** where a page shows several works' players (the gallery), the work's title names each one's controls */
  workTitle?: string;
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
  const original = media.original ? (
    <a href={media.original} download className="media-original">
      {t("player.original")}
    </a>
  ) : null;
  if (type.startsWith("video/")) {
    return (
      <>
        <VideoPlayer media={media} captionsUrl={captionsUrl} preload={preload} workTitle={workTitle} />
        {original}
      </>
    );
  }
  if (type.startsWith("audio/")) {
    return (
      <>
        <audio src={url} controls preload={preload} />
        {original}
      </>
    );
  }
  return (
    <a href={url} target="_blank" rel="noreferrer">
      {t("scoring.openDocument")}
    </a>
  );
}

const QUALITY_KEY = "mosaic.videoQuality";

/** The viewer's last choice of quality, where the browser lets pages keep one (it may refuse). */
function remembered() {
  try {
    return localStorage.getItem(QUALITY_KEY);
  } catch {
    return null;
  }
}

function remember(choice: "best" | "light") {
  try {
    localStorage.setItem(QUALITY_KEY, choice);
  } catch {
    // not kept: the next video starts from the connection again
  }
}

/** Whether this browser says its connection is slow or the person asked to save data. */
function slowConnection() {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } })
    .connection;
  return Boolean(connection?.saveData || ["slow-2g", "2g", "3g"].includes(connection?.effectiveType ?? ""));
}

/**
 * A video from its web renditions: the best one, or the light one when the connection is slow
 * (as the browser reports it) or the viewer chose it before; a quality switch changes it in
 * place, keeping the moment and whether it was playing.
 */
function VideoPlayer({
  media,
  captionsUrl,
  preload,
  workTitle,
}: {
  media: ViewableMedia;
  captionsUrl?: string;
  preload: "none" | "metadata";
  workTitle?: string;
}) {
  const { t } = useTranslation();
  const renditions = media.renditions ?? [];
  const [chosen, setChosen] = useState(0);
  const video = useRef<HTMLVideoElement>(null);
  const resume = useRef<{ time: number; playing: boolean } | null>(null);
  useEffect(() => {
    if (renditions.length < 2) return;
    const saved = remembered();
    if (saved === "light" || (saved !== "best" && slowConnection())) setChosen(renditions.length - 1);
  }, [renditions.length]);
  const src = renditions[chosen]?.url ?? media.url ?? undefined;

  function choose(index: number) {
    const element = video.current;
    if (element) resume.current = { time: element.currentTime, playing: !element.paused };
    remember(index === 0 ? "best" : "light");
    setChosen(index);
  }

  return (
    <>
      <video
        ref={video}
        src={src}
        poster={media.poster ?? undefined}
        controls
        preload={preload}
        className="media-preview"
        onLoadedMetadata={(event) => {
          const at = resume.current;
          resume.current = null;
          if (!at) return;
          event.currentTarget.currentTime = at.time;
          if (at.playing) void event.currentTarget.play().catch(() => undefined);
        }}
      >
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
      {renditions.length > 1 ? (
        <PlainSelectField
          label={
            <>
              {t("player.quality")}
              {workTitle ? <span className="visually-hidden"> ({workTitle})</span> : null}
            </>
          }
          selectProps={{
            id: `quality-${media.id}`,
            value: chosen,
            onChange: (event) => choose(Number(event.target.value)),
          }}
        >
          {renditions.map((r, index) => (
            <option key={r.side} value={index}>
              {t(index === 0 ? "player.best" : "player.light", { side: r.side })}
            </option>
          ))}
        </PlainSelectField>
      ) : null}
    </>
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
