import { useRef } from "react";
import type { Translate } from "~/i18n";
import { useTranslation } from "~/i18n/react";
import { Field } from "~/components/forms";
import { useNumbers } from "~/components/numbers";
import { useUpload, type UploadOutcome } from "./use-upload";

/**
 * The file picker of an entry's media: progress, speed and time left, with cancel, and what
 * became of the file. The sending itself (presigned PUTs, parts, resuming, the check) is
 * `useUpload`'s.
 */
function describe(outcome: UploadOutcome, t: Translate): { tone: "error" | "info"; message: string } {
  switch (outcome.kind) {
    case "checking":
      return { tone: "info", message: t("upload.checking") };
    case "preparing":
      return { tone: "info", message: t("upload.preparing") };
    case "verified":
      return { tone: "info", message: t("upload.verified") };
    case "cancelled":
      return { tone: "info", message: t("upload.cancelled") };
    case "interrupted":
      return { tone: "error", message: t("upload.failedResumable") };
    case "failed":
      return { tone: "error", message: t("upload.failed", { reason: t("upload.network") }) };
    case "refused":
      return { tone: "error", message: t(outcome.problem.key, outcome.problem.values) };
  }
}

export function Uploader({
  endpoint,
  accept,
  label,
  hint,
  onDone,
}: {
  endpoint: string;
  accept: string[];
  label: string;
  hint: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const { progress, outcome, start, cancel } = useUpload(endpoint, onDone);
  const input = useRef<HTMLInputElement>(null);
  const status = outcome ? describe(outcome, t) : null;

  async function pick(file: File) {
    // once the file reached the check, the picker is emptied for the next one
    if ((await start(file)) && input.current) input.current.value = "";
  }

  const percent = progress ? Math.floor((progress.loaded / Math.max(1, progress.total)) * 100) : 0;
  const elapsed = progress ? (performance.now() - progress.startedAt) / 1000 : 0;
  const speed = progress && elapsed > 0 ? progress.loaded / elapsed : 0;
  const left = progress && speed > 0 ? (progress.total - progress.loaded) / speed : Infinity;

  return (
    <div className="uploader">
      <Field
        label={label}
        hint={hint}
        inputProps={{
          ref: input,
          id: "media-file",
          type: "file",
          accept: accept.join(","),
          disabled: Boolean(progress),
          onChange: (event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void pick(file);
          },
        }}
      />
      {progress ? (
        <div className="upload-progress">
          <p>{t("upload.uploading", { name: progress.name })}</p>
          <progress max={100} value={percent} aria-label={t("upload.uploading", { name: progress.name })} />
          <p className="muted">
            {t("upload.progress", {
              percent: numbers.percent(percent / 100),
              // a speed of at least 1 KB/s: "0 byte/s" would read as a stalled upload
              speed: numbers.bytes(Math.max(1024, speed), { perSecond: true }),
              left: Number.isFinite(left) ? numbers.duration(left) : "…",
            })}
          </p>
          <button type="button" className="button button-secondary button-small" onClick={cancel}>
            {t("upload.cancel")}
          </button>
        </div>
      ) : null}
      <div
        role="status"
        aria-live="polite"
        className={status?.tone === "error" ? "alert" : status ? "notice" : undefined}
      >
        {status?.message}
      </div>
    </div>
  );
}
