/**
 * Uploads (`npm run bench`, part "upload"): a 200 MB file sent by an entrant's browser through
 * Mosaic's own upload flow, against the same file sent the way a browser would without Mosaic,
 * to the same storage server, interleaved round by round (reference, Mosaic, reference, …).
 *
 * - The reference: presigned part URLs made up front, plain `fetch` PUTs of 8 MiB parts, three at
 *   a time (the part size and parallelism of Mosaic's uploader, app/components/media/use-upload.ts),
 *   then the parts joined.
 * - Mosaic: what the uploader does, request for request: "start", then for each part a request
 *   for its URL and its PUT, three at a time, then "complete-multipart", all answered by the
 *   entry's media route (app/routes/entries.$id_.media.tsx) behind a plain HTTP server. The
 *   entrant is done when "complete-multipart" is answered: Mosaic has the list of parts and the
 *   file counts. The check (the "media.verify" job, run by the job worker that answer wakes) has
 *   storage join the parts, then checks the file; it has finished when its handler returns. So
 *   the reference's join is in both figures' references, and Mosaic's only in the check's. The
 *   fingerprint the check queues (the "media.fingerprint" job, the same worker's next) is timed
 *   too, shown beside the figures, and ends before the next round starts.
 *
 * Each side's browser is a process of its own (this file, role "browser"), started and holding
 * the file in memory before its clock starts, and the storage server (the embedded s3rver) is one
 * too, so neither side shares a thread with the storage it sends to. Mosaic's server runs here.
 * Figures are speed ratios (the reference's time / Mosaic's), one per round.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { partUrls } from "../../../app/components/media/part-urls";
import { PARTS_AT_ONCE } from "../../../app/models/media";
import type { JobHandler } from "../../../app/services/jobs.server";
import { migrate, root } from "../production";

const role = process.env.BENCH_UPLOAD_ROLE;
const clock = () => performance.timeOrigin + performance.now();
const PARALLEL = PARTS_AT_ONCE; // as the uploader sends them

/** Messages between this part and its storage and browser processes. */
type Message =
  | { ready: true; endpoint?: string }
  | { go: Plan }
  /** a browser's times; the reference's ETags, for the join, Mosaic's file */
  | { started: number; done: number; etags?: string[]; assetId?: string; steps?: Steps };
/** When Mosaic's browser had its upload started and its parts sent (its "complete" is the rest). */
type Steps = { startAnswered: number; partsSent: number };
type Plan =
  | { kind: "reference"; file: string; urls: string[]; partSize: number }
  | { kind: "mosaic"; file: string; endpoint: string; cookie: string; name: string; type: string };

const send = (message: Message) => process.send!(message);
const next = (child: ChildProcess) =>
  new Promise<Message>((resolve, reject) => {
    child.once("message", (m) => resolve(m as Message));
    child.once("exit", (code) => reject(new Error(`a bench process stopped (exit ${code})`)));
  });

async function pool<T>(items: T[], run: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
    }),
  );
}

if (role === "storage") {
  // The storage server, in its own process.
  const { startEmbeddedStorage } = await import("../../../app/server/embedded-storage");
  const s3 = await startEmbeddedStorage({
    directory: process.env.BENCH_S3_DIR!,
    bucket: "bench",
    origins: ["http://localhost:3000"],
  });
  send({ ready: true, endpoint: s3.endpoint });
  void s3; // runs until this part stops it
} else if (role === "browser") {
  // A browser: the file in memory, then on "go" the requests its uploader makes.
  const plan = await new Promise<Plan>((resolve) => {
    process.once("message", (m) => resolve((m as { go: Plan }).go));
    send({ ready: true });
  });
  // the file as the page holds it: a Blob, whose slices are sent
  const file = new Blob([readFileSync(plan.file)]);
  const slice = (n: number, partSize: number) => file.slice((n - 1) * partSize, Math.min(n * partSize, file.size));
  const put = async (url: string, body: Blob) => {
    const response = await fetch(url, { method: "PUT", body });
    if (!response.ok) throw new Error(`PUT refused: ${response.status} ${await response.text()}`);
    return response.headers.get("etag")!;
  };
  const started = clock();
  if (plan.kind === "reference") {
    const parts = plan.urls.map((_, i) => i + 1);
    const etags: string[] = [];
    await pool(parts, async (n) => {
      etags[n - 1] = await put(plan.urls[n - 1]!, slice(n, plan.partSize));
    });
    // the join is made by the one holding the storage's credentials
    send({ started, done: clock(), etags });
    process.exit(0);
  } else {
    const post = async (fields: Record<string, string>) => {
      const response = await fetch(plan.endpoint, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { Accept: "application/json", Cookie: plan.cookie, Origin: "http://localhost:3000" },
      });
      const body = (await response.json()) as Record<string, unknown>;
      if (response.status !== 200) throw new Error(`${fields.intent}: ${response.status} ${JSON.stringify(body)}`);
      return body;
    };
    const upload = (await post({ intent: "start", name: plan.name, type: plan.type, size: String(file.size) })) as {
      assetId: string;
      partSize: number;
      partCount: number;
      urls: Record<number, string>;
    };
    const startAnswered = clock();
    const etags: Record<number, string> = {};
    // the uploader's queue, the first parts' URLs from the start and the others asked for ahead
    // (app/components/media/part-urls.ts)
    const queue = Array.from({ length: upload.partCount }, (_, i) => i + 1);
    const urlFor = partUrls(
      queue,
      PARALLEL,
      async (parts) => {
        const { urls } = (await post({ intent: "parts", assetId: upload.assetId, parts: parts.join(",") })) as {
          urls: Record<number, string>;
        };
        return urls;
      },
      upload.urls,
    );
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
          etags[n] = await put((await urlFor(n))!, slice(n, upload.partSize));
        }
      }),
    );
    const partsSent = clock();
    const answer = await post({
      intent: "complete-multipart",
      assetId: upload.assetId,
      parts: JSON.stringify(Object.entries(etags).map(([n, etag]) => ({ partNumber: Number(n), etag }))),
    });
    if (answer.state !== "uploaded") throw new Error(`not taken: ${JSON.stringify(answer)}`);
    send({ started, done: clock(), assetId: upload.assetId, steps: { startAnswered, partsSent } });
    process.exit(0);
  }
} else {
  await main();
}

async function main() {
  const { ROUNDS, figure, report } = await import("./figures");
  const { wav } = await import("../../support/wav");
  const SIZE = Number(process.env.BENCH_MB ?? 200) * 1024 * 1024;
  const dir = path.join(root, "tests/.tmp/bench-upload");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const me = import.meta.filename;
  const child = (env: Record<string, string>) =>
    spawn(tsx, [me], { env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit", "ipc"] });

  const storageProcess = child({ BENCH_UPLOAD_ROLE: "storage", BENCH_S3_DIR: path.join(dir, "s3") });
  const { endpoint: s3Endpoint } = (await next(storageProcess)) as { endpoint: string };
  const { EMBEDDED_S3_CREDENTIALS } = await import("../../../app/server/embedded-storage");
  Object.assign(process.env, {
    NODE_ENV: "test",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    APP_URL: "http://localhost:3000",
    S3_ENDPOINT: s3Endpoint,
    S3_BUCKET: "bench",
    S3_ACCESS_KEY_ID: EMBEDDED_S3_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: EMBEDDED_S3_CREDENTIALS.secretAccessKey,
    RESEND_API_KEY: "re_bench",
    JOBS_ENABLED: "false",
  });
  migrate();

  // A real file for the checks: a WAV (ffprobe reads its duration).
  const filePath = path.join(dir, "recording.wav");
  writeFileSync(filePath, wav(SIZE, { sampleRate: 48_000, fill: 1 }));
  // and a smaller one for a round that is not counted, so neither side pays for starting up
  const warmUpPath = path.join(dir, "warm-up.wav");
  writeFileSync(warmUpPath, wav(3 * 8 * 1024 * 1024, { sampleRate: 48_000, fill: 1 }));

  const { db } = await import("../../../app/services/db.server");
  const { storage, newObjectKey } = await import("../../../app/services/storage.server");
  const { createSession } = await import("../../../app/services/session.server");
  const { startWorker } = await import("../../../app/services/jobs.server");
  const { jobHandlers } = await import("../../../app/jobs.server");
  const { action } = await import("../../../app/routes/entries.$id_.media");
  const { PART_SIZE, partSizes } = await import("../../../app/models/media");
  const { saveProfile } = await import("../../../app/models/profile.server");
  const { startEntry } = await import("../../../app/models/entry.server");
  const { demoContest } = await import("../../../prisma/demo-contest");

  // Mosaic's media route behind a plain HTTP server, as the entrant's browser reaches it.
  const body = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server = createServer((request, response) => {
    void (async () => {
      const entryId = /^\/entries\/([^/]+)\/media$/.exec(request.url ?? "")?.[1] ?? "";
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === "string") headers.set(name, value);
      const answer = await action({
        request: new Request(`http://localhost:3000${request.url}`, {
          method: "POST",
          headers,
          body: await body(request),
        }),
        params: { id: entryId },
        context: { cspNonce: "bench", ip: "203.0.113.7" },
      }).catch((thrown: unknown) => thrown);
      if (answer instanceof Response) {
        response.writeHead(answer.status).end(await answer.text());
        return;
      }
      const { data, init } = answer as { data: unknown; init?: { status?: number } | null };
      response.writeHead(init?.status ?? 200, { "Content-Type": "application/json" }).end(JSON.stringify(data));
    })();
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The job worker, as a server runs it, for the check and the fingerprint it queues, both in
  // the lane a server runs them in (renditions, in a lane of their own, are not timed here).
  const checked = new Map<string, number>();
  const fingerprinted = new Map<string, number>();
  const failed = new Map<string, unknown>();
  const timed = (type: string, at: Map<string, number>): JobHandler => {
    const handler = jobHandlers[type]!;
    return {
      ...handler,
      async run(payload, job) {
        const { assetId } = payload as { assetId: string };
        await handler.run(payload, job).catch((error: unknown) => {
          failed.set(assetId, error);
          throw error;
        });
        at.set(assetId, clock());
      },
    };
  };
  const worker = startWorker(
    { "media.verify": timed("media.verify", checked), "media.fingerprint": timed("media.fingerprint", fingerprinted) },
    1000,
    { lane: { only: ["media.verify", "media.fingerprint"] } },
  );

  const contest = await db.contest.create({ data: demoContest(new Date()) });
  await db.category.updateMany({
    where: { contestId: contest.id, slug: "audio" },
    data: { maxFileBytes: 1024 * 1024 * 1024, maxDurationSec: null },
  });
  const audio = await db.category.findFirstOrThrow({ where: { contestId: contest.id, slug: "audio" } });

  async function browser(plan: Plan) {
    const browserProcess = child({ BENCH_UPLOAD_ROLE: "browser" });
    await next(browserProcess);
    browserProcess.send({ go: plan });
    return (await next(browserProcess)) as {
      started: number;
      done: number;
      etags?: string[];
      assetId?: string;
      steps?: Steps;
    };
  }

  async function reference(file = filePath) {
    const key = newObjectKey("bench/reference", "wav");
    const uploadId = await storage().createMultipart(key, "audio/wav");
    const plan = partSizes(statSync(file).size, PART_SIZE);
    const urls = await Promise.all(
      plan.map((contentLength, i) =>
        storage().presignPart(key, uploadId, { partNumber: i + 1, contentLength }, 15 * 60),
      ),
    );
    const result = await browser({ kind: "reference", file, urls, partSize: PART_SIZE });
    // the parts joined (timed: an upload ends with its join)
    await storage().completeMultipart(
      key,
      uploadId,
      result.etags!.map((etag, i) => ({ partNumber: i + 1, etag })),
    );
    const seconds = (clock() - result.started) / 1000;
    await storage().remove(key);
    return { seconds, parts: (result.done - result.started) / 1000 };
  }

  async function mosaic(round: number, file = filePath) {
    const user = await db.user.create({ data: { email: `bench${round}@example.org` } });
    await saveProfile(user.id, { fullName: "Bench", displayName: "Bench", dateOfBirth: "2000-01-01", country: "CH" });
    const entry = await startEntry(user.id, contest.id, audio.id);
    if (!entry.ok) throw new Error(JSON.stringify(entry.problems));
    const cookie = (await createSession(user.id)).split(";")[0]!;
    const result = await browser({
      kind: "mosaic",
      file,
      endpoint: `${base}/entries/${entry.entryId}/media`,
      cookie,
      name: "recording.wav",
      type: "audio/wav",
    });
    const assetId = result.assetId!;
    while (!checked.has(assetId) || !fingerprinted.has(assetId)) {
      if (failed.has(assetId)) throw failed.get(assetId);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    if (asset.state !== "verified" && asset.state !== "preparing") {
      throw new Error(`upload not accepted: ${asset.state} ${asset.rejection}`);
    }
    if (!asset.sha256) throw new Error("no fingerprint taken");
    for (const key of [asset.objectKey, asset.cleanKey, asset.previewKey]) if (key) await storage().remove(key);
    return {
      start: (result.steps!.startAnswered - result.started) / 1000,
      parts: (result.steps!.partsSent - result.steps!.startAnswered) / 1000,
      complete: (result.done - result.steps!.partsSent) / 1000,
      done: (result.done - result.started) / 1000,
      checked: (checked.get(assetId)! - result.started) / 1000,
      fingerprinted: (fingerprinted.get(assetId)! - result.started) / 1000,
    };
  }

  const references: number[] = [];
  const referenceParts: number[] = [];
  const mosaics: {
    start: number;
    parts: number;
    complete: number;
    done: number;
    checked: number;
    fingerprinted: number;
  }[] = [];
  await reference(warmUpPath);
  await mosaic(-1, warmUpPath);
  for (let round = 0; round < ROUNDS; round++) {
    const { seconds: referenceSeconds, parts: partsSeconds } = await reference();
    references.push(referenceSeconds);
    referenceParts.push(partsSeconds);
    mosaics.push(await mosaic(round));
  }
  const doneRatios = mosaics.map((m, i) => references[i]! / m.done);
  const checkedRatios = mosaics.map((m, i) => references[i]! / m.checked);
  const seconds = (values: number[]) => values.map((v) => v.toFixed(2)).join(", ");
  const conditions = `${SIZE / 1024 / 1024} MB in ${Math.ceil(SIZE / PART_SIZE)} parts of ${PART_SIZE / 1024 / 1024} MiB, ${PARALLEL} at a time`;
  report([
    figure(
      "uploadRatioDone",
      "Upload, until the entrant is done (speed vs plain upload)",
      "×",
      { everyAtLeast: 0.9 },
      doneRatios,
      `${conditions}; reference ${seconds(references)} s (parts ${seconds(referenceParts)} s), Mosaic ${seconds(mosaics.map((m) => m.done))} s` +
        ` (start ${seconds(mosaics.map((m) => m.start))} s, parts ${seconds(mosaics.map((m) => m.parts))} s,` +
        ` complete ${seconds(mosaics.map((m) => m.complete))} s)`,
    ),
    figure(
      "uploadRatioChecked",
      "Upload, until its check has finished (speed vs plain upload)",
      "×",
      { everyAtLeast: 0.8 },
      checkedRatios,
      `Mosaic with its check ${seconds(mosaics.map((m) => m.checked))} s; its fingerprint taken at ${seconds(mosaics.map((m) => m.fingerprinted))} s`,
    ),
  ]);

  await worker.stop();
  server.close();
  await db.$disconnect();
  storageProcess.kill();
  await new Promise((resolve) => storageProcess.once("exit", resolve));
  rmSync(dir, { recursive: true, force: true });
  // the storage client's idle connections would hold the process open a while longer
  process.exit(0);
}
