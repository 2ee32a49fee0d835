import { data, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { removeAsset, setAltText } from "~/models/media.server";
import {
  completeMultipart,
  completeUpload,
  presignParts,
  resumeUpload,
  startUpload,
  uploadStatus,
} from "~/models/media-upload.server";
import { uploadStartSchema } from "~/schemas/entry";
import { requireUser } from "~/services/auth.server";
import { StorageUnavailableError } from "~/services/storage.server";

const partsSchema = z
  .array(z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) }))
  .max(10_000);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The upload API the entry page's uploader calls: start (a presigned PUT for one file),
 * complete (check the uploaded bytes), alt (describe an image) and remove. Every intent is
 * scoped to the signed-in entrant's own entry; anything else is 404. While storage is down the
 * answer is a 503 that the uploader shows in the entrant's language; removing still works.
 */
export async function action(args: ActionFunctionArgs) {
  try {
    return await uploadAction(args);
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    return data({ ok: false as const, problem: { key: "upload.storageDown" } }, { status: 503 });
  }
}

async function uploadAction({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const entryId = params.id ?? "";
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const assetId = String(form.get("assetId") ?? "");

  if (intent === "start") {
    const parsed = uploadStartSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return data({ ok: false as const, problem: { key: "errors.badRequest" } }, { status: 400 });
    const result = await startUpload(user.id, entryId, parsed.data);
    if (!result.ok && result.problem.key === "entry.notFound") throw new Response("Not found", { status: 404 });
    return data(result, { status: result.ok ? 200 : result.problem.key === "upload.tooManyToday" ? 429 : 400 });
  }
  if (intent === "complete" || intent === "status") {
    const asset =
      intent === "complete"
        ? await completeUpload(user.id, entryId, assetId)
        : await uploadStatus(user.id, entryId, assetId);
    if (!asset) throw new Response("Not found", { status: 404 });
    return {
      ok: true as const,
      state: asset.state,
      rejection: asset.rejection ? (JSON.parse(asset.rejection) as unknown) : null,
    };
  }
  if (intent === "resume") {
    const resumed = await resumeUpload(user.id, entryId, assetId, {
      size: Number(form.get("size")),
      type: String(form.get("type") ?? ""),
    });
    return resumed ? { ok: true as const, ...resumed } : { ok: false as const };
  }
  if (intent === "parts") {
    const numbers = String(form.get("parts") ?? "")
      .split(",")
      .map(Number);
    const urls = await presignParts(user.id, entryId, assetId, numbers);
    if (!urls) throw new Response("Not found", { status: 404 });
    return { ok: true as const, urls };
  }
  if (intent === "complete-multipart") {
    const parts = partsSchema.safeParse(parseJson(String(form.get("parts") ?? "")));
    if (!parts.success) throw new Response("Bad request", { status: 400 });
    const joined = await completeMultipart(user.id, entryId, assetId, parts.data);
    if (!joined) throw new Response("Not found", { status: 404 });
    if (!joined.ok) return data(joined, { status: 400 });
    return {
      ok: true as const,
      state: joined.asset.state,
      rejection: joined.asset.rejection ? (JSON.parse(joined.asset.rejection) as unknown) : null,
    };
  }
  if (intent === "alt") {
    if (!(await setAltText(user.id, entryId, assetId, String(form.get("altText") ?? "")))) {
      throw new Response("Not found", { status: 404 });
    }
    return { ok: true as const };
  }
  if (intent === "remove") {
    if (!(await removeAsset(user.id, entryId, assetId))) throw new Response("Not found", { status: 404 });
    return { ok: true as const };
  }
  throw new Response("Bad request", { status: 400 });
}
