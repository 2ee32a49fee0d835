import { describe, expect, it } from "vitest";
import { redirectWithNotice } from "~/forms.server";
import { loader as rootLoader } from "~/root";
import { context, cookiesFrom, getRequest } from "../support/http";

const page = async (cookie: string) => {
  const answer = await rootLoader({ request: getRequest("/", { cookie }), context: context(), params: {} });
  return { notice: answer.data.notice, cookie: cookiesFrom(new Response(null, answer.init ?? undefined), cookie) };
};

describe("a notice after a redirect", () => {
  it("reaches the next page once, with its values, and is gone after it", async () => {
    const redirect = await redirectWithNotice("/organize", { key: "messages.sent", values: { count: 3 } });
    expect(redirect.status).toBe(302);
    const first = await page(cookiesFrom(redirect));
    expect(first.notice).toEqual({ key: "messages.sent", values: { count: 3 } });
    expect((await page(first.cookie)).notice).toBeNull();
  });

  it("ignores a notice that was not signed by Mosaic", async () => {
    expect((await page("mosaic_notice=eyJrZXkiOiJ4In0%3D")).notice).toBeNull();
  });
});
