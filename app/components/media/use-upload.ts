import { useRef, useState } from "react";
import { formProblems, type ActionResult } from "~/forms";
import type { Problem } from "~/models/problem";
import { declaredType, PARTS_AT_ONCE } from "~/models/media";
import { partUrls } from "./part-urls";
import type { MediaAnswer } from "~/routes/entries.$id_.media";

/**
 * The upload protocol, without its words: sends a file straight to storage, then asks the server
 * to check the bytes. Media never passes through the app server. `<Uploader>` shows it.
 * - Small files: one presigned PUT whose type and exact length are signed.
 * - Large files: multipart, a few parts at a time, each part retried; the ETags of finished
 *   parts are kept in this browser, so after a reload or a dropped connection picking the same
 *   file again sends only the missing parts.
 * - The requests that end an upload (joining the parts, the check, its outcome) are safe to
 *   repeat, so they are asked again on a dropped connection or a server error, and what resuming
 *   needs is kept until the server has answered.
 */
type UploadProgress = { name: string; loaded: number; total: number; startedAt: number };
/** Where the last upload stands. */
export type UploadOutcome =
  | { kind: "checking" | "preparing" | "verified" | "cancelled" }
  /** a multipart upload stopped: picking the same file again goes on where it stopped */
  | { kind: "interrupted" }
  /** a single PUT failed on the network; the server has forgotten the file */
  | { kind: "failed" }
  /** the server refused to start, or its check refused the file */
  | { kind: "refused"; problem: Problem };
type Sent = "ok" | "aborted" | "failed";
/** The media endpoint's answer (null when it sent none we can read: a dropped connection, a 404). */
type Answer = { status: number; body: ActionResult<MediaAnswer> | null };

const PART_TRIES = 5;

async function post(url: string, fields: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Accept: "application/json" },
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as Answer["body"] };
}

/** A file's state as the server has it now (null when it could not say). */
export async function fileState(endpoint: string, assetId: string) {
  const answer = await post(endpoint, { intent: "status", assetId }).catch(() => null);
  return answer?.body?.state ?? null;
}

const succeeded = (answer: Answer | null) => answer?.body?.result?.status === "success";
/** Why the server refused, or a generic server error when it could not say. */
const problemOf = (answer: Answer | null): Problem => formProblems(answer?.body)[0] ?? { key: "errors.server" };

/**
 * `post` for the requests that end an upload, which are safe to repeat: on a dropped connection
 * or a server error it waits to be online and asks again, a few times, before giving up.
 */
async function postAgain(url: string, fields: Record<string, string>): Promise<Answer> {
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

/**
 * Uploads files to `endpoint` (the entry's media route). `onDone` runs once the server's media
 * list has changed: after the check's answer, or after a stop that left or removed a file.
 * `start` resolves to true when the file reached the server's check, whatever its answer.
 */
export function useUpload(endpoint: string, onDone: () => void) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const requests = useRef(new Set<XMLHttpRequest>());
  const cancelled = useRef(false);

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
    /** URLs the start answer carried, for the first parts */
    firstUrls: Record<number, string> = {},
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
    const urlFor = partUrls(
      queue,
      PARTS_AT_ONCE,
      async (parts) => {
        const signed = await post(endpoint, { intent: "parts", assetId, parts: parts.join(",") });
        return signed.body?.urls;
      },
      firstUrls,
    );
    report();

    const sendPart = async (n: number): Promise<Sent> => {
      for (let attempt = 1; attempt <= PART_TRIES; attempt++) {
        if (cancelled.current) return "aborted";
        await online();
        const url = await urlFor(n, attempt > 1);
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
      Array.from({ length: Math.min(PARTS_AT_ONCE, Math.max(1, queue.length)) }, worker),
    );
    return results.find((r) => r !== "ok") ?? "ok";
  }

  async function start(file: File): Promise<boolean> {
    setOutcome(null);
    cancelled.current = false;
    const resumeKey = `mosaic-upload:${endpoint}:${file.name}:${file.size}:${file.lastModified}`;
    const kept = JSON.parse(localStorage.getItem(resumeKey) ?? "null") as { assetId: string } | null;
    const type = declaredType(file);

    let assetId: string;
    let sent: Sent;
    let multipart = false;
    const resumed = kept
      ? await post(endpoint, { intent: "resume", assetId: kept.assetId, size: String(file.size), type })
      : null;
    const resume = resumed?.body?.resume;
    if (kept && resume) {
      assetId = kept.assetId;
      multipart = true;
      // storage did not join the parts this browser sent: every part goes again
      if (resume.sendAll) localStorage.setItem(resumeKey, JSON.stringify({ assetId, etags: {} }));
      sent = await sendParts(file, assetId, resume.partSize, resume.partCount, resumeKey);
    } else {
      localStorage.removeItem(resumeKey);
      const started = await post(endpoint, {
        intent: "start",
        name: file.name,
        type,
        size: String(file.size),
      });
      const upload = started.body;
      if (!succeeded(started) || !upload?.assetId) {
        setOutcome({ kind: "refused", problem: problemOf(started) });
        return false;
      }
      assetId = upload.assetId;
      if (upload.mode === "multipart") {
        multipart = true;
        localStorage.setItem(resumeKey, JSON.stringify({ assetId, etags: {} }));
        sent = await sendParts(file, assetId, upload.partSize!, upload.partCount!, resumeKey, upload.urls);
      } else {
        sent = await sendSingle(file, upload.url!, upload.headers!);
      }
    }

    // Cancelled while the last parts were being sent (a part whose address was on its way when
    // the entrant cancelled is still sent): still cancelled.
    if (cancelled.current) sent = "aborted";
    if (sent !== "ok") {
      setProgress(null);
      if (sent === "aborted") {
        await post(endpoint, { intent: "remove", assetId });
        localStorage.removeItem(resumeKey);
        setOutcome({ kind: "cancelled" });
      } else if (multipart) {
        setOutcome({ kind: "interrupted" });
      } else {
        await post(endpoint, { intent: "remove", assetId });
        setOutcome({ kind: "failed" });
      }
      onDone();
      return false;
    }

    setOutcome({ kind: "checking" });
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
    // What was sent stays known until the check has answered: a multipart upload's parts are
    // joined by its check, so that a list storage refuses can be sent again after a reload too.
    if (multipart && problemOf(checked).key === "upload.partsMissing") {
      // Storage refused some parts: picking the file again sends every part anew. (After any other
      // failure, such as storage being down, what was sent stays known.)
      localStorage.setItem(resumeKey, JSON.stringify({ assetId, etags: {} }));
    }
    setProgress(null);
    // The server checks the file in the background; ask until it has an answer.
    let answer = checked;
    for (let pause = 500; answer.body?.state === "uploaded"; pause = Math.min(pause * 1.5, 5000)) {
      await wait(pause);
      const asked = await postAgain(endpoint, { intent: "status", assetId });
      // No answer: ask again. An answer without a body (the file was removed meanwhile): stop.
      if (asked.body || (asked.status >= 400 && asked.status < 500)) answer = asked;
    }
    const rejection = answer.body?.rejection;
    if (multipart && answer.body?.state === "pending") {
      // Storage did not join the parts: the upload is resumable again, and picking the file
      // again sends every part anew.
      localStorage.setItem(resumeKey, JSON.stringify({ assetId, etags: {} }));
      setOutcome({ kind: "refused", problem: rejection ?? { key: "upload.partsMissing" } });
      onDone();
      return true;
    }
    if (answer.body?.state) localStorage.removeItem(resumeKey);
    if (rejection) setOutcome({ kind: "refused", problem: rejection });
    else if (answer.body?.state === "verified") setOutcome({ kind: "verified" });
    // checked; its renditions are made in the background and the list of files says when ready
    else if (answer.body?.state === "preparing") setOutcome({ kind: "preparing" });
    else setOutcome({ kind: "refused", problem: problemOf(answer) });
    onDone();
    return true;
  }

  const cancel = () => {
    cancelled.current = true;
    for (const request of requests.current) request.abort();
  };

  return { progress, outcome, start, cancel };
}
