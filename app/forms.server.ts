import type { Submission } from "@conform-to/react";
import { createCookie, data, redirect } from "@remix-run/node";
import type { z, ZodTypeAny } from "zod";
import type { ActionResult, FormResult } from "~/forms";
import type { Problem } from "~/models/problem";
import { env } from "~/services/env.server";

/**
 * How actions answer (see app/forms.ts for the shape): {@link refuse} when nothing changed,
 * {@link accept} when the page stays, {@link redirectWithNotice} when it moves on; and
 * {@link parseQuery} for a loader's query string.
 */

type AnySubmission = Submission<unknown, Problem[], unknown>;

/*
 * An action's answers share one type: give `Payload` (what a success shows) to each of them, and
 * refusals carry as much of it as they have.
 */

/**
 * Nothing changed, and why: `problems` for the whole form, `fields` for single fields (by their
 * Conform name). The submission, when there is one, keeps what the person typed.
 *
 * `status: 200` is for a refusal after which the page must read its data again (a guardian's
 * answer to a request that changed meanwhile): Remix reloads a page's loaders after a 2xx
 * answer only.
 */
export function refuse<Payload extends object = object>(
  problems: Problem | Problem[],
  options: {
    status?: 200 | 400 | 403 | 404 | 409 | 413 | 422 | 429 | 503;
    submission?: AnySubmission;
    fields?: Record<string, Problem[]>;
    payload?: Partial<Payload>;
    headers?: HeadersInit;
  } = {},
) {
  const formErrors = Array.isArray(problems) ? problems : [problems];
  const result: FormResult = options.submission
    ? options.submission.reply({ formErrors, fieldErrors: options.fields })
    : { status: "error", error: { ...options.fields, "": formErrors } };
  const body = { ...options.payload, result } as ActionResult<Partial<Payload>>;
  return data(body, { status: options.status ?? 400, headers: options.headers });
}

/**
 * A submission that did not pass its schema, answered with its field errors (and with `payload`,
 * when the page must know which of its forms it answers: one form per entry of a list).
 */
export function invalid<Payload extends object = object>(submission: AnySubmission, payload?: Partial<Payload>) {
  return data({ ...payload, result: submission.reply() } as ActionResult<Partial<Payload>>, { status: 400 });
}

/** Done, and the page stays: `payload` is what it shows next. `reset` clears the form. */
export function accept<Payload extends object = object>(
  payload?: Payload,
  options: { submission?: AnySubmission; reset?: boolean; headers?: HeadersInit } = {},
) {
  // Conform's reply that clears the form carries no status; the answer's readers need one
  const result: FormResult = options.submission
    ? { ...options.submission.reply({ resetForm: options.reset }), status: "success" }
    : { status: "success" };
  return data({ ...(payload ?? ({} as Payload)), result } as ActionResult<Payload>, { headers: options.headers });
}

/**
 * An answer as a plain JSON response, for an endpoint the browser calls with `fetch` (an
 * autosave) rather than through a Remix form: same body, same status.
 */
export function asJson(answer: ReturnType<typeof data>) {
  return Response.json(answer.data, answer.init ?? undefined);
}

let noticeCookie: ReturnType<typeof createCookie> | undefined;
function notices() {
  noticeCookie ??= createCookie("mosaic_notice", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    secrets: [env().SESSION_SECRET],
    // read by the very next page; one left behind (a closed tab) soon goes
    maxAge: 60,
  });
  return noticeCookie;
}

/** Done: go to `to`, which says so once ("Settings saved"). */
export async function redirectWithNotice(to: string, notice: Problem, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await notices().serialize(notice));
  return redirect(to, { headers });
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && typeof (value as Problem).key === "string";
}

/** The notice a redirect left for this page, and the header that forgets it once shown. */
export async function takeNotice(request: Request) {
  const header = request.headers.get("Cookie");
  if (!header?.includes("mosaic_notice=")) return { notice: null, headers: undefined };
  const value: unknown = await notices().parse(header);
  return {
    notice: isProblem(value) ? { key: value.key, values: value.values } : null,
    headers: { "Set-Cookie": await notices().serialize("", { maxAge: 0 }) },
  };
}

/**
 * A loader's query string through its zod schema. Query strings are typed by hand and shared as
 * links, so a wrong value is not an error: give each field a `.catch()` and it falls back.
 */
export function parseQuery<Schema extends ZodTypeAny>(request: Request, schema: Schema): z.output<Schema> {
  const params = new URL(request.url).searchParams;
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return schema.parse(values) as z.output<Schema>;
}
