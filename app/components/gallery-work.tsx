import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { MediaView } from "~/components/media/media-view";
import type { GalleryWork } from "~/models/gallery.server";

/**
 * A winning work as the public sees it, in the gallery and on its own page: the award, the
 * title (`heading`), the published name, the files (behind a "show" where the work carries a
 * content warning), the artist's statement and the transcript.
 */
export function GalleryWorkView({ winner, slug, heading }: { winner: GalleryWork; slug: string; heading: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="eyebrow">{t(`results.place.${winner.place}`)}</p>
      {heading}
      <p className="muted">
        {winner.name}
        {winner.country ? ` · ${winner.country}` : ""}
      </p>
      {winner.contentWarning ? (
        <details>
          <summary>{t("gallery.contentWarning")}</summary>
          <WinnerMedia winner={winner} slug={slug} />
        </details>
      ) : (
        <WinnerMedia winner={winner} slug={slug} />
      )}
      <p className="prewrap">{winner.statement}</p>
      {winner.transcript ? (
        <details>
          <summary>{t("entry.transcript")}</summary>
          <p className="prewrap">{winner.transcript}</p>
        </details>
      ) : null}
    </>
  );
}

function WinnerMedia({ winner, slug }: { winner: GalleryWork; slug: string }) {
  return (
    <>
      {winner.media.map((m) => (
        <MediaView
          key={m.id}
          media={m}
          captionsUrl={`/contests/${slug}/winners/captions/${m.id}.vtt`}
          preload="none"
          workTitle={winner.title}
        />
      ))}
    </>
  );
}
