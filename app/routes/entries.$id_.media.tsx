import type { ActionFunctionArgs } from "@remix-run/node";
import { parseForm } from "~/forms";
import { accept, refuse } from "~/forms.server";
import { storedRejection } from "~/models/media";
import { removeAsset, setAltText } from "~/models/media.server";
import type { Problem } from "~/models/problem";
import {
  completeMultipart,
  completeUpload,
  presignParts,
  resumeUpload,
  startUpload,
  uploadStatus,
} from "~/models/media-upload.server";
import { mediaSchema } from "~/schemas/entry";
import { requireUser } from "~/services/auth.server";
import { StorageUnavailableError } from "~/services/storage.server";

/** Where a file stands once its bytes are in storage: being checked, accepted, or refused and why. */
type Checked = { state: string; rejection: Problem | null };
/**
 * What each intent answers besides `result` (see app/forms.ts): start gives `mode`, `assetId` and
 * the URL (`url`, `headers`) or the parts' plan (`partSize`, `partCount`); complete, status and
 * complete-multipart give where the file stands (`state`, `rejection`); resume gives the plan to
 * go on with, or null; parts gives `urls` by part number.
 */
export type MediaAnswer = Partial<{
  mode: "single" | "multipart";
  assetId: string;
  url: string;
  headers: Record<string, string>;
  partSize: number;
  partCount: number;
  state: string;
  rejection: Problem | null;
  resume: { assetId: string; partSize: number; partCount: number; sendAll: boolean } | null;
  urls: Record<number, string>;
}>;

const checked = (asset: { state: string; rejection: string | null }): Checked => ({
  state: asset.state,
  rejection: asset.rejection ? storedRejection(asset.rejection) : null,
});

const notFound = () => new Response("Not found", { status: 404 });

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
    return refuse<MediaAnswer>({ key: "upload.storageDown" }, { status: 503 });
  }
}

async function uploadAction({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const entryId = params.id ?? "";
  const submission = parseForm(await request.formData(), mediaSchema);
  if (submission.status !== "success") {
    // the uploader shows why it could not start; the other intents are the page's own requests
    if (submission.payload.intent === "start") return refuse<MediaAnswer>({ key: "errors.badRequest" });
    throw new Response("Bad request", { status: 400 });
  }
  const form = submission.value;

  switch (form.intent) {
    case "start": {
      const started = await startUpload(user.id, entryId, form);
      if (started.ok) {
        const { ok: _ok, ...upload } = started;
        return accept<MediaAnswer>(upload);
      }
      if (started.problem.key === "entry.notFound") throw notFound();
      return refuse<MediaAnswer>(started.problem, {
        status: started.problem.key === "upload.tooManyToday" ? 429 : 400,
      });
    }
    case "complete":
    case "status": {
      const asset =
        form.intent === "complete"
          ? await completeUpload(user.id, entryId, form.assetId)
          : await uploadStatus(user.id, entryId, form.assetId);
      if (!asset) throw notFound();
      return accept<MediaAnswer>(checked(asset));
    }
    case "resume": {
      // null: this browser's upload cannot go on (another file, or gone); it starts anew
      const resume = await resumeUpload(user.id, entryId, form.assetId, { size: form.size, type: form.type });
      return accept<MediaAnswer>({ resume });
    }
    case "parts": {
      const urls = await presignParts(user.id, entryId, form.assetId, form.parts);
      if (!urls) throw notFound();
      return accept<MediaAnswer>({ urls });
    }
    case "complete-multipart": {
      // the parts are joined by the check: the answer is "uploaded", or "pending" again later
      const completed = await completeMultipart(user.id, entryId, form.assetId, form.parts);
      if (!completed) throw notFound();
      if (!completed.ok) return refuse<MediaAnswer>(completed.problem);
      return accept<MediaAnswer>(checked(completed.asset));
    }
    case "alt":
      if (!(await setAltText(user.id, entryId, form.assetId, form.altText))) throw notFound();
      return accept<MediaAnswer>();
    case "remove":
      if (!(await removeAsset(user.id, entryId, form.assetId))) throw notFound();
      return accept<MediaAnswer>();
  }
}
