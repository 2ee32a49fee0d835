import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Sends a file straight to storage with the presigned PUT the server hands out, showing
 * progress, speed and time left, with cancel; then asks the server to check the bytes.
 * Media never passes through the app server.
 */
type Problem = { key: string; values?: Record<string, unknown> };
type Progress = { name: string; loaded: number; total: number; startedAt: number };

function formatBytes(bytes: number) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function formatSeconds(seconds: number) {
  if (!Number.isFinite(seconds)) return "…";
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.max(1, Math.round(seconds))} s`;
}

async function post(url: string, fields: Record<string, string>) {
  const response = await fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Accept: "application/json" },
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
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
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState<{ tone: "error" | "info"; message: string } | null>(null);
  const xhr = useRef<XMLHttpRequest | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const fail = (problem: Problem | string) =>
    setStatus({ tone: "error", message: typeof problem === "string" ? problem : t(problem.key, problem.values) });

  async function upload(file: File) {
    setStatus(null);
    const started = await post(endpoint, {
      intent: "start",
      name: file.name,
      type: file.type,
      size: String(file.size),
    });
    if (!started.body?.ok) return fail((started.body?.problem as Problem | undefined) ?? { key: "errors.server" });
    const { assetId, url, headers } = started.body as { assetId: string; url: string; headers: Record<string, string> };

    const sent = await new Promise<"ok" | "aborted" | "failed">((resolve) => {
      const request = new XMLHttpRequest();
      xhr.current = request;
      request.open("PUT", url);
      for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
      const startedAt = performance.now();
      request.upload.onprogress = (event) =>
        setProgress({ name: file.name, loaded: event.loaded, total: event.total || file.size, startedAt });
      request.onload = () => resolve(request.status >= 200 && request.status < 300 ? "ok" : "failed");
      request.onerror = () => resolve("failed");
      request.onabort = () => resolve("aborted");
      setProgress({ name: file.name, loaded: 0, total: file.size, startedAt });
      request.send(file);
    });
    xhr.current = null;
    if (sent !== "ok") {
      setProgress(null);
      await post(endpoint, { intent: "remove", assetId });
      if (sent === "aborted") setStatus({ tone: "info", message: t("upload.cancelled") });
      else fail(t("upload.failed", { reason: t("upload.network") }));
      onDone();
      return;
    }
    setStatus({ tone: "info", message: t("upload.checking") });
    const checked = await post(endpoint, { intent: "complete", assetId });
    setProgress(null);
    const rejection = checked.body?.rejection as Problem | null | undefined;
    if (rejection) fail(rejection);
    else if (checked.body?.state === "verified") setStatus({ tone: "info", message: t("upload.verified") });
    else fail({ key: "errors.server" });
    if (input.current) input.current.value = "";
    onDone();
  }

  const percent = progress ? Math.floor((progress.loaded / Math.max(1, progress.total)) * 100) : 0;
  const elapsed = progress ? (performance.now() - progress.startedAt) / 1000 : 0;
  const speed = progress && elapsed > 0 ? progress.loaded / elapsed : 0;
  const left = progress && speed > 0 ? (progress.total - progress.loaded) / speed : Infinity;

  return (
    <div className="uploader">
      <div className="field">
        <label htmlFor="media-file">{label}</label>
        <p id="media-file-hint" className="field-hint">
          {hint}
        </p>
        <input
          ref={input}
          id="media-file"
          type="file"
          accept={accept.join(",")}
          aria-describedby="media-file-hint"
          disabled={Boolean(progress)}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void upload(file);
          }}
        />
      </div>
      {progress ? (
        <div className="upload-progress">
          <p>{t("upload.uploading", { name: progress.name })}</p>
          <progress max={100} value={percent} aria-label={t("upload.uploading", { name: progress.name })} />
          <p className="muted">
            {t("upload.progress", { percent, speed: formatBytes(speed), left: formatSeconds(left) })}
          </p>
          <button type="button" className="button button-secondary button-small" onClick={() => xhr.current?.abort()}>
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
