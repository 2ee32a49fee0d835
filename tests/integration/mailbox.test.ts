import { describe, expect, it } from "vitest";
import { loader } from "~/routes/dev.mailbox";
import { context, getRequest, settle } from "../support/http";
import { mailbox } from "../support/mailbox";

describe("the development mailbox", () => {
  it("shows what was sent, to someone on this machine only", async () => {
    process.env.DEV_MAILBOX_URL = mailbox().url;
    const { reloadEnv } = await import("~/services/env.server");
    reloadEnv();
    const fromHere = await loader({ request: getRequest("/dev/mailbox"), context: context("127.0.0.1"), params: {} });
    expect(fromHere).toHaveProperty("messages");
    const fromLan = (await settle(() =>
      loader({ request: getRequest("/dev/mailbox"), context: context("192.168.1.20"), params: {} }),
    )) as Response;
    expect(fromLan.status).toBe(404);
  });
});
