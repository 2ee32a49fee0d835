import type { AppLoadContext } from "@remix-run/node";
import { takeNotice } from "~/forms.server";
import type { Problem } from "~/models/problem";

/** Builds the requests a browser would send to a route's loader or action. */
export function formRequest(
  path: string,
  fields: Record<string, string> | [string, string][],
  options: { cookie?: string } = {},
) {
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: "http://localhost:3000",
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

export function getRequest(path: string, options: { cookie?: string; headers?: Record<string, string> } = {}) {
  return new Request(`http://localhost:3000${path}`, {
    headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
  });
}

export function context(ip = "203.0.113.7"): AppLoadContext {
  return { cspNonce: "test-nonce", ip };
}

/** The cookies a response sets, as a Cookie header for the next request. */
export function cookiesFrom(response: Response, previous = "") {
  const jar = new Map(
    previous
      .split(";")
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] as const),
  );
  for (const header of response.headers.getSetCookie()) {
    const [pair = ""] = header.split(";");
    const name = pair.slice(0, pair.indexOf("="));
    const value = pair.slice(pair.indexOf("=") + 1);
    if (/max-age=0/i.test(header) || value === "") jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** Runs a loader or action and returns what it threw or returned, as a Response when it is one. */
export async function settle<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

type Answer = {
  result?: { status?: string; error?: Record<string, (Problem | string)[] | null> };
} & Record<string, unknown>;

/** What an action answered (`data(...)` or a plain object): `{ result, ...payload }`. */
export function answerBody<T extends object = Answer>(answer: unknown): T {
  return (answer && typeof answer === "object" && "data" in answer ? answer.data : answer) as T;
}

/**
 * The problems in an action's answer (`data(...)` or a plain object): the whole form's, or one
 * field's by its name.
 */
export function answerProblems(answer: unknown, field = ""): Problem[] {
  const body = answerBody<Answer>(answer);
  return (body?.result?.error?.[field] ?? []).map((p) => (typeof p === "string" ? { key: p } : p));
}

/** The translation keys of {@link answerProblems}. */
export function problemKeys(answer: unknown, field = ""): string[] {
  return answerProblems(answer, field).map((p) => p.key);
}

/** The translation key of the notice a redirect (`redirectWithNotice`) leaves for the next page, or null. */
export async function noticeKey(response: Response) {
  const { notice } = await takeNotice(getRequest("/", { cookie: cookiesFrom(response) }));
  return notice?.key ?? null;
}
