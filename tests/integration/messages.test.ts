import { beforeEach, describe, expect, it } from "vitest";
import { remindDrafts } from "~/models/message.server";
import { action as messagesAction } from "~/routes/organize.$slug.messages";
import { setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { runDueJobs } from "~/services/jobs.server";
import { jobHandlers } from "~/jobs.server";
import { DEMO_SLUG } from "../../prisma/demo-contest";
import { resetToDemoContest } from "../support/contest";
import { entrant, startId } from "../support/entries";
import { context, formRequest, settle } from "../support/http";
import { eligibleEntry, signedIn } from "../support/judging";
import { mailbox } from "../support/mailbox";

const slug = DEMO_SLUG;
const post = (cookie: string, fields: Record<string, string>) =>
  settle(() =>
    messagesAction({
      request: formRequest(`/organize/${slug}/messages`, fields, { cookie }),
      context: context(),
      params: { slug },
    }),
  );

beforeEach(resetToDemoContest);

describe("messages", () => {
  it("go to the chosen group after a preview that counts them, each person once, and are recorded", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const drafter = await entrant("drafter@example.org");
    await startId(drafter.cookie, "video");
    await startId(drafter.cookie, "photography"); // two drafts, one email
    await eligibleEntry("Lina Karam", "LB");
    const fields = { audience: "drafts", subject: "Two days left", body: "Hello!\n\nYour draft is waiting." };

    const preview = (await post(organizer.cookie, { ...fields, intent: "preview" })) as {
      data: { preview: { recipients: number } };
    };
    expect(preview.data.preview.recipients).toBe(1);
    expect(await db.email.count()).toBe(0);

    const sent = (await post(organizer.cookie, { ...fields, intent: "send" })) as {
      data: { sent: { recipients: number } };
    };
    expect(sent.data.sent.recipients).toBe(1);
    await runDueJobs(jobHandlers);
    expect(
      mailbox()
        .messages()
        .map((m) => [m.to[0], m.subject]),
    ).toEqual([["drafter@example.org", "Youth for Humanitarian Disarmament Multimedia Contest 2025: Two days left"]]);
    expect(mailbox().messages()[0]!.text).toContain("Your draft is waiting.");
    expect(await db.message.findFirstOrThrow()).toMatchObject({ audience: "drafts", recipients: 1 });
    expect(await db.auditEvent.count({ where: { action: "message.sent" } })).toBe(1);

    const refused = (await post(drafter.cookie, { ...fields, intent: "send" })) as Response;
    expect(refused.status).toBe(403);
  });

  it("remind entrants with drafts once, in the 48 hours before the deadline", async () => {
    const drafter = await entrant("late@example.org");
    await startId(drafter.cookie, "video");
    expect(await remindDrafts()).toBe(0);
    const contest = await db.contest.findFirstOrThrow();
    setNow(new Date(contest.deadline.getTime() - 47 * 60 * 60 * 1000));
    await remindDrafts();
    await remindDrafts();
    await runDueJobs(jobHandlers);
    expect(
      mailbox()
        .messages()
        .map((m) => m.subject),
    ).toEqual(["Youth for Humanitarian Disarmament Multimedia Contest 2025: your entry is not submitted yet"]);
  });
});
