import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { action as startAction } from "~/routes/contests.$slug_.enter";
import { action as entryAction, loader as entryLoader } from "~/routes/entries.$id";
import { action as mediaAction, type MediaAnswer } from "~/routes/entries.$id_.media";
import { saveProfile } from "~/models/profile.server";
import { db } from "~/services/db.server";
import { runDueJobs } from "~/services/jobs.server";
import { createSession } from "~/services/session.server";
import { jobHandlers } from "~/jobs.server";
import { demo } from "./contest";
import { answerBody, context, formRequest, getRequest, settle } from "./http";

/** An entrant's steps through the real routes, shared by the entry and judging tests. */
export const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures/media", name));

export async function entrant(
  email: string,
  dateOfBirth = "2001-05-05",
  profile: { fullName?: string; displayName?: string; country?: string } = {},
) {
  const user = await db.user.create({ data: { email } });
  await saveProfile(user.id, {
    fullName: "Amaya Reyes",
    displayName: "Amaya R.",
    dateOfBirth,
    country: "PH",
    ...profile,
  });
  return { user, cookie: (await createSession(user.id)).split(";")[0]! };
}

export async function start(cookie: string, category: string) {
  const contest = await demo({ categories: true });
  const categoryId = contest.categories.find((c) => c.slug === category)!.id;
  const response = (await settle(() =>
    startAction({
      request: formRequest(`/contests/${contest.slug}/enter`, { categoryId }, { cookie }),
      context: context(),
      params: { slug: contest.slug },
    }),
  )) as Response;
  return response;
}

export async function media(cookie: string, entryId: string, fields: Record<string, string>) {
  return settle(() =>
    mediaAction({
      request: formRequest(`/entries/${entryId}/media`, fields, { cookie }),
      context: context(),
      params: { id: entryId },
    }),
  );
}

/** What the media route answers to "start": one URL to PUT to, or the plan of a multipart upload. */
export type StartedUpload = Required<
  Pick<MediaAnswer, "mode" | "assetId" | "url" | "headers" | "partSize" | "partCount" | "urls">
> & {
  result: { status: string };
};

/** Starts an upload of a file of `size` bytes through the media route, as the entry page does. */
export async function startUpload(cookie: string, entryId: string, name: string, type: string, size: number) {
  const started = (await media(cookie, entryId, { intent: "start", name, type, size: String(size) })) as {
    data: StartedUpload;
  };
  return started.data;
}

/** Starts an upload of `bytes` and sends them to the URL it gets, as the browser does; not completed yet. */
export async function sendFile(cookie: string, entryId: string, name: string, type: string, bytes = fixture(name)) {
  const started = await startUpload(cookie, entryId, name, type, bytes.length);
  const put = await fetch(started.url, { method: "PUT", body: bytes, headers: started.headers });
  return { ...started, put };
}

/** The URLs the media route signs for the parts `numbers` of a multipart upload. */
export async function partUrls(cookie: string, entryId: string, assetId: string, numbers: number[]) {
  const { urls } = answerBody<{ urls: Record<string, string> }>(
    await media(cookie, entryId, { intent: "parts", assetId, parts: numbers.join(",") }),
  );
  return urls;
}

/** Sends part `n` of `file` to its signed `url`, as the page does; what completing the upload needs. */
export async function sendFilePart(url: string, file: Buffer<ArrayBuffer>, partSize: number, n: number) {
  const response = await fetch(url, { method: "PUT", body: file.subarray((n - 1) * partSize, n * partSize) });
  expect(response.status).toBe(200);
  return { partNumber: n, etag: response.headers.get("etag")! };
}

/** Asks the media route to join the parts sent, as the page does once the last one is in. */
export function completeParts(
  cookie: string,
  entryId: string,
  assetId: string,
  parts: { partNumber: number; etag: string }[],
) {
  return media(cookie, entryId, { intent: "complete-multipart", assetId, parts: JSON.stringify(parts) });
}

/** Asks whether a multipart upload can go on with the file picked again, as the page does after a reload. */
export function resumeUpload(cookie: string, entryId: string, assetId: string, size: number, type: string) {
  return media(cookie, entryId, { intent: "resume", assetId, size: String(size), type });
}

/** Runs due jobs until none is left, with those they queue (a file's check queues its renditions). */
export async function runJobsUntilIdle() {
  while ((await runDueJobs(jobHandlers)) > 0);
}

export async function upload(cookie: string, entryId: string, name: string, type: string, bytes = fixture(name)) {
  const sent = await sendFile(cookie, entryId, name, type, bytes);
  expect(sent.put.status).toBe(200);
  const completed = answerBody<{ state: string }>(
    await media(cookie, entryId, { intent: "complete", assetId: sent.assetId }),
  );
  expect(completed.state).toBe("uploaded"); // checked in the background
  await runJobsUntilIdle();
  const { state, rejection } = answerBody<{ state: string; rejection: unknown }>(
    await media(cookie, entryId, { intent: "status", assetId: sent.assetId }),
  );
  // the key the browser uploaded to: /bucket/key in a path-style URL
  const uploadKey = decodeURIComponent(new URL(sent.url).pathname.split("/").slice(2).join("/"));
  return { assetId: sent.assetId, uploadKey, state, rejection };
}

/** The id of a new entry in `category`, started through the real route. */
export async function startId(cookie: string, category: string) {
  return (await start(cookie, category)).headers.get("Location")!.split("/").pop()!;
}

/** Saves the entry form as the page would, with the revision the page was loaded at. */
export async function save(cookie: string, entryId: string, fields: Record<string, string>, intent = "save") {
  const loaded = await entryLoader({
    request: getRequest(`/entries/${entryId}`, { cookie }),
    context: context(),
    params: { id: entryId },
  });
  return settle(() =>
    entryAction({
      request: formRequest(
        `/entries/${entryId}`,
        { ...fields, intent, revision: String(loaded.entry.revision) },
        { cookie },
      ),
      context: context(),
      params: { id: entryId },
    }),
  );
}
