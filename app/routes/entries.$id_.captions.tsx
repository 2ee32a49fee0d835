import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
} from "@remix-run/node";
import { parseForm } from "~/forms";
import { accept, refuse } from "~/forms.server";
import { removeCaptions, setCaptions } from "~/models/media-captions.server";
import { MAX_CAPTIONS_BYTES } from "~/models/webvtt";
import { captionsSchema } from "~/schemas/entry";
import { requireUser } from "~/services/auth.server";

const tooLarge = () => refuse({ key: "captions.tooLarge", values: { max: MAX_CAPTIONS_BYTES } }, { status: 413 });

/**
 * Adds (or removes) the WebVTT captions of a checked video or audio file on the signed-in
 * entrant's own entry. Caption files are small text, read in memory with a hard size limit.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const entryId = params.id ?? "";
  if (Number(request.headers.get("content-length") ?? 0) > MAX_CAPTIONS_BYTES + 16 * 1024) return tooLarge();
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_CAPTIONS_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge();
    throw new Response("Bad request", { status: 400 });
  }
  const submission = parseForm(form, captionsSchema);
  if (submission.status !== "success") return refuse({ key: "errors.badRequest" }, { submission });
  const { intent, assetId, language } = submission.value;

  if (intent === "remove") {
    if (!(await removeCaptions(user.id, entryId, assetId))) throw new Response("Not found", { status: 404 });
    return accept(undefined, { submission });
  }
  const file = form.get("captions");
  if (!(file instanceof Blob) || file.size === 0) return refuse({ key: "captions.choose" }, { submission });
  const result = await setCaptions(user.id, entryId, assetId, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    language,
  });
  if (!result) throw new Response("Not found", { status: 404 });
  return result.ok ? accept(undefined, { submission }) : refuse(result.problem, { submission });
}
