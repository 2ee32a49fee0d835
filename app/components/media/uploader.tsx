import { useRef, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

/**
 * Sends a file straight to storage, showing progress, speed and time left, with cancel; then
 * asks the server to check the bytes. Media never passes through the app server.
 * - Small files: one presigned PUT whose type and exact length are signed.
 * - Large files: multipart, a few parts at a time, each part retried; the ETags of finished
 *   parts are kept in this browser, so after a reload or a dropped connection picking the same
 *   file again sends only the missing parts.
 */
type Problem = { key: string; values?: Record<string, unknown> };
type Progress = { name: string; loaded: number; total: number; startedAt: number };
type Sent = "ok" | "aborted" | "failed";

const PARALLEL_PARTS = 3;
const PART_TRIES = 5;

function formatBytes(bytes: number, t: TFunction) {
  if (bytes >= 1024 * 1024) return t("units.MB", { value: (bytes / (1024 * 1024)).toFixed(1) });
  return t("units.KB", { value: Math.max(1, Math.round(bytes / 1024)) });
}

function formatSeconds(seconds: number, t: TFunction) {
  if (!Number.isFinite(seconds)) return "…";
  const minutes = Math.floor(seconds / 60);
  return minutes > 0
    ? t("units.minSec", { minutes, seconds: Math.round(seconds % 60) })
    : t("units.seconds", { count: Math.max(1, Math.round(seconds)) });
}

async function post(url: string, fields: Record<string, string>) {
  const response = await fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Accept: "application/json" },
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

/**
 * `post` for the requests that end an upload, which are safe to repeat: on a dropped connection
 * or a server error it waits to be online and asks again, a few times, before giving up.
 */
async function postAgain(url: string, fields: Record<string, string>) {
  for (let attempt = 1; ; attempt++) {
    await online();
    const answer = await post(url, fields).catch(() => null);
    if ((answer && answer.status < 500) || attempt === PART_TRIES) return answer ?? { status: 0, body: null };
    await wait(1000 * 2 ** (attempt - 1));
  }
}

function put(
  url: string,
  body: Blob,
  headers: Record<string, string>,
  onProgress: (loaded: number) => void,
  track: (x: XMLHttpRequest) => void,
) {
  return new Promise<{ sent: Sent; etag: string | null }>((resolve) => {
    const request = new XMLHttpRequest();
    track(request);
    request.open("PUT", url);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () =>
      resolve({
        sent: request.status >= 200 && request.status < 300 ? "ok" : "failed",
        etag: request.getResponseHeader("ETag"),
      });
    request.onerror = () => resolve({ sent: "failed", etag: null });
    request.onabort = () => resolve({ sent: "aborted", etag: null });
    request.send(body);
  });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const online = () =>
  navigator.onLine
    ? Promise.resolve()
    : new Promise<void>((resolve) => window.addEventListener("online", () => resolve(), { once: true }));

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
  const requests = useRef(new Set<XMLHttpRequest>());
  const cancelled = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  const fail = (problem: Problem | string) =>
    setStatus({ tone: "error", message: typeof problem === "string" ? problem : t(problem.key, problem.values) });
  const track = (request: XMLHttpRequest) => {
    requests.current.add(request);
    request.addEventListener("loadend", () => requests.current.delete(request));
  };

  async function sendSingle(file: File, url: string, headers: Record<string, string>): Promise<Sent> {
    const startedAt = performance.now();
    setProgress({ name: file.name, loaded: 0, total: file.size, startedAt });
    const { sent } = await put(
      url,
      file,
      headers,
      (loaded) => setProgress({ name: file.name, loaded, total: file.size, startedAt }),
      track,
    );
    return sent;
  }

  async function sendParts(
    file: File,
    assetId: string,
    partSize: number,
    partCount: number,
    resumeKey: string,
  ): Promise<Sent> {
    const saved = JSON.parse(localStorage.getItem(resumeKey) ?? "null") as {
      assetId: string;
      etags: Record<number, string>;
    } | null;
    const etags: Record<number, string> = saved?.assetId === assetId ? saved.etags : {};
    const startedAt = performance.now();
    const inFlight = new Map<number, number>();
    const sizeOf = (n: number) => Math.min(partSize, file.size - (n - 1) * partSize);
    const report = () => {
      const done = Object.keys(etags).reduce((sum, n) => sum + sizeOf(Number(n)), 0);
      const moving = [...inFlight.values()].reduce((a, b) => a + b, 0);
      setProgress({ name: file.name, loaded: done + moving, total: file.size, startedAt });
    };
    const queue = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !etags[n]);
    report();

    const sendPart = async (n: number): Promise<Sent> => {
      for (let attempt = 1; attempt <= PART_TRIES; attempt++) {
        if (cancelled.current) return "aborted";
        await online();
        const signed = await post(endpoint, { intent: "parts", assetId, parts: String(n) }).catch(() => null);
        const url = (signed?.body?.urls as Record<string, string> | undefined)?.[n];
        if (url) {
          const blob = file.slice((n - 1) * partSize, (n - 1) * partSize + sizeOf(n));
          const { sent, etag } = await put(url, blob, {}, (loaded) => (inFlight.set(n, loaded), report()), track);
          inFlight.delete(n);
          if (sent === "aborted") return "aborted";
          if (sent === "ok" && etag) {
            etags[n] = etag;
            localStorage.setItem(resumeKey, JSON.stringify({ assetId, etags }));
            report();
            return "ok";
          }
        }
        await wait(1000 * 2 ** (attempt - 1));
      }
      return "failed";
    };
    const worker = async (): Promise<Sent> => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        const sent = await sendPart(n);
        if (sent !== "ok") return sent;
      }
      return "ok";
    };
    const results = await Promise.all(
      Array.from({ length: Math.min(PARALLEL_PARTS, Math.max(1, queue.length)) }, worker),
    );
    return results.find((r) => r !== "ok") ?? "ok";
  }

  async function upload(file: File) {
    setStatus(null);
    cancelled.current = false;
    const resumeKey = `mosaic-upload:${endpoint}:${file.name}:${file.size}:${file.lastModified}`;
    const kept = JSON.parse(localStorage.getItem(resumeKey) ?? "null") as { assetId: string } | null;

    let assetId: string;
    let sent: Sent;
    let multipart = false;
    const resumed = kept
      ? await post(endpoint, { intent: "resume", assetId: kept.assetId, size: String(file.size), type: file.type })
      : null;
    if (kept && resumed?.body?.ok) {
      assetId = kept.assetId;
      multipart = true;
      const { partSize, partCount } = resumed.body as { partSize: number; partCount: number };
      sent = await sendParts(file, assetId, partSize, partCount, resumeKey);
    } else {
      localStorage.removeItem(resumeKey);
      const started = await post(endpoint, {
        intent: "start",
        name: file.name,
        type: file.type,
        size: String(file.size),
      });
      if (!started.body?.ok) return fail((started.body?.problem as Problem | undefined) ?? { key: "errors.server" });
      assetId = started.body.assetId as string;
      if (started.body.mode === "multipart") {
        multipart = true;
        localStorage.setItem(resumeKey, JSON.stringify({ assetId, etags: {} }));
        sent = await sendParts(
          file,
          assetId,
          started.body.partSize as number,
          started.body.partCount as number,
          resumeKey,
        );
      } else {
        sent = await sendSingle(file, started.body.url as string, started.body.headers as Record<string, string>);
      }
    }

    if (sent !== "ok") {
      setProgress(null);
      if (sent === "aborted") {
        await post(endpoint, { intent: "remove", assetId });
        localStorage.removeItem(resumeKey);
        setStatus({ tone: "info", message: t("upload.cancelled") });
      } else if (multipart) {
        fail(t("upload.failedResumable"));
      } else {
        await post(endpoint, { intent: "remove", assetId });
        fail(t("upload.failed", { reason: t("upload.network") }));
      }
      onDone();
      return;
    }

    setStatus({ tone: "info", message: t("upload.checking") });
    const saved = JSON.parse(localStorage.getItem(resumeKey) ?? "null") as { etags: Record<number, string> } | null;
    const checked = multipart
      ? await postAgain(endpoint, {
          intent: "complete-multipart",
          assetId,
          parts: JSON.stringify(
            Object.entries(saved?.etags ?? {}).map(([n, etag]) => ({ partNumber: Number(n), etag })),
          ),
        })
      : await postAgain(endpoint, { intent: "complete", assetId });
    if (checked.body?.ok) localStorage.removeItem(resumeKey);
    else if (multipart && checked.body?.problem) {
      // Storage refused some parts: picking the file again sends every part anew.
      localStorage.setItem(resumeKey, JSON.stringify({ assetId, etags: {} }));
    }
    setProgress(null);
    // The server checks the file in the background; ask until it has an answer.
    let outcome = checked;
    for (let pause = 500; outcome.body?.state === "uploaded"; pause = Math.min(pause * 1.5, 5000)) {
      await wait(pause);
      const asked = await postAgain(endpoint, { intent: "status", assetId });
      if (asked.body) outcome = asked;
    }
    const rejection = outcome.body?.rejection as Problem | null | undefined;
    if (rejection) fail(rejection);
    else if (outcome.body?.state === "verified") setStatus({ tone: "info", message: t("upload.verified") });
    else fail((outcome.body?.problem as Problem | undefined) ?? { key: "errors.server" });
    if (input.current) input.current.value = "";
    onDone();
  }

  const cancel = () => {
    cancelled.current = true;
    for (const request of requests.current) request.abort();
  };

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
            {t("upload.progress", { percent, speed: formatBytes(speed, t), left: formatSeconds(left, t) })}
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
