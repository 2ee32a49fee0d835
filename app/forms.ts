import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ZodIssue, ZodTypeAny } from "zod";
import type { Problem } from "~/models/problem";

/**
 * The one way a form is read and answered, on both sides.
 *
 * - The browser and the action read a form with the same zod schema through {@link parseForm}.
 * - Every action answers with an {@link ActionResult}: `{ result }`, Conform's submission result
 *   whose errors are {@link Problem}s (form-wide ones under ""), plus whatever the page shows
 *   next (a preview, a saved version). A refusal has status 400, 409 or 429 (see forms.server.ts).
 * - A success that leaves the page redirects with a notice (`redirectWithNotice`) that the
 *   layout shows once.
 */
export type FormResult = SubmissionResult<Problem[]>;
export type ActionResult<Payload extends object = object> = { result: FormResult } & Payload;

const KEY = /^[a-zA-Z][\w-]*(\.[\w-]+)+$/;

/**
 * Zod's issues as problems to show: a schema's own message is a translation key; zod's default
 * messages ("String must contain at most 200 character(s)") become keys with their limits, so
 * every language reads them.
 */
export function problemsOf(issues: ZodIssue[]): Problem[] {
  return issues.map((issue): Problem => {
    if (KEY.test(issue.message))
      return limitsOf(issue) ? { key: issue.message, values: limitsOf(issue) } : { key: issue.message };
    switch (issue.code) {
      case "too_big":
        return issue.type === "string"
          ? { key: "errors.tooLong", values: { max: Number(issue.maximum) } }
          : issue.type === "array" || issue.type === "set"
            ? { key: "errors.tooMany", values: { max: Number(issue.maximum) } }
            : { key: "errors.tooHigh", values: { max: Number(issue.maximum) } };
      case "too_small":
        if (issue.type === "string" && Number(issue.minimum) <= 1) return { key: "errors.required" };
        return issue.type === "string"
          ? { key: "errors.tooShort", values: { min: Number(issue.minimum) } }
          : issue.type === "array" || issue.type === "set"
            ? { key: "errors.tooFew", values: { min: Number(issue.minimum) } }
            : { key: "errors.tooLow", values: { min: Number(issue.minimum) } };
      case "invalid_type":
        return issue.received === "undefined" ? { key: "errors.required" } : { key: "errors.invalid" };
      case "invalid_string":
        return issue.validation === "email" ? { key: "errors.emailInvalid" } : { key: "errors.invalid" };
      default:
        return { key: "errors.invalid" };
    }
  });
}

/** The limit a too-long or too-short value broke, for the message that names it. */
function limitsOf(issue: ZodIssue) {
  if (issue.code === "too_big") return { max: Number(issue.maximum) };
  if (issue.code === "too_small") return { min: Number(issue.minimum) };
  return undefined;
}

/** Reads a form (or a query string) with its schema, in the browser and in the action alike. */
export function parseForm<Schema extends ZodTypeAny>(payload: FormData | URLSearchParams, schema: Schema) {
  return parseWithZod(payload, { schema, formatError: problemsOf });
}

/** The problems of the whole form in an action's answer (none when there is no answer yet). */
export function formProblems(answer: { result?: FormResult } | null | undefined): Problem[] {
  return answer?.result?.error?.[""] ?? [];
}
