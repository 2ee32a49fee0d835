import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { action as startAction } from "~/routes/contests.$slug_.enter";
import { action as entryAction, loader as entryLoader } from "~/routes/entries.$id";
import { action as mediaAction } from "~/routes/entries.$id_.media";
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

export async function upload(cookie: string, entryId: string, name: string, type: string, bytes = fixture(name)) {
  const started = (await media(cookie, entryId, { intent: "start", name, type, size: String(bytes.length) })) as {
    data: { assetId: string; url: string; headers: Record<string, string> };
  };
  const put = await fetch(started.data.url, { method: "PUT", body: bytes, headers: started.data.headers });
  expect(put.status).toBe(200);
  const completed = answerBody<{ state: string }>(
    await media(cookie, entryId, { intent: "complete", assetId: started.data.assetId }),
  );
  expect(completed.state).toBe("uploaded"); // checked in the background
  await runDueJobs(jobHandlers);
  const { state, rejection } = answerBody<{ state: string; rejection: unknown }>(
    await media(cookie, entryId, { intent: "status", assetId: started.data.assetId }),
  );
  // the key the browser uploaded to: /bucket/key in a path-style URL
  const uploadKey = decodeURIComponent(new URL(started.data.url).pathname.split("/").slice(2).join("/"));
  return { assetId: started.data.assetId, uploadKey, state, rejection };
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
