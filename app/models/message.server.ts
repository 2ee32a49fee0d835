import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { queueEmails } from "~/services/email.server";
import { env } from "~/services/env.server";
import { audit } from "./audit.server";
import { emailNoteIn, titleIn } from "./contest-texts";

/**
 * Messages from organizers to a group of a contest's people, by email through the outbox:
 * entrants with unsubmitted drafts, all entrants of a category, all entrants, or judges with
 * unfinished work. Each message is recorded with its audience and the number of recipients.
 */
export type Audience = "drafts" | "all-entrants" | "judges-unfinished" | `category:${string}`;

export function parseAudience(value: string): Audience | null {
  if (value === "drafts" || value === "all-entrants" || value === "judges-unfinished") return value;
  if (/^category:[a-z0-9]{1,40}$/i.test(value)) return value as Audience;
  return null;
}

/** Who would receive a message to this audience: each person once. */
export async function audienceOf(contestId: string, audience: Audience) {
  if (audience === "judges-unfinished") {
    const rows = await db.assignment.findMany({
      where: { contestId, status: "draft", recusedAt: null, entry: { status: "eligible" } },
      select: { judge: { select: { id: true, email: true, locale: true, deactivatedAt: true } } },
      distinct: ["judgeId"],
    });
    return rows.map((r) => r.judge).filter((person) => !person.deactivatedAt);
  }
  const where =
    audience === "drafts"
      ? { contestId, status: "draft" }
      : audience === "all-entrants"
        ? { contestId, status: { not: "withdrawn" } }
        : { contestId, categoryId: audience.slice("category:".length), status: { not: "withdrawn" } };
  const rows = await db.entry.findMany({
    where,
    select: { entrant: { select: { id: true, email: true, locale: true, deactivatedAt: true } } },
    distinct: ["entrantId"],
  });
  // deactivated accounts get no email from Mosaic
  return rows.map((r) => r.entrant).filter((person) => !person.deactivatedAt);
}

export async function sendMessage(
  contestId: string,
  actorId: string,
  message: { audience: Audience; subject: string; body: string },
) {
  const contest = await db.contest.findUniqueOrThrow({ where: { id: contestId } });
  const people = await audienceOf(contestId, message.audience);
  const record = await db.message.create({
    data: { contestId, ...message, recipients: people.length, createdById: actorId, createdAt: now() },
  });
  await queueEmails(
    people.map((person) => ({
      template: "organizer-message" as const,
      to: person.email,
      locale: person.locale ?? "en",
      payload: {
        contest: titleIn(contest, person.locale ?? "en"),
        subject: message.subject,
        body: message.body,
        link: env().APP_URL,
      },
      idempotencyKey: `message:${record.id}:${person.id}`,
    })),
  );
  await audit(db, {
    contestId,
    actorId,
    action: "message.sent",
    subject: message.subject,
    detail: { audience: message.audience, recipients: people.length },
  });
  return { id: record.id, recipients: people.length };
}

export function listMessages(contestId: string) {
  return db.message.findMany({
    where: { contestId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, audience: true, subject: true, recipients: true, createdAt: true },
  });
}

/** Entrants with unsubmitted drafts are reminded once, in the 48 hours before the deadline. */
export const DRAFT_REMINDER_BEFORE_MS = 48 * 60 * 60 * 1000;

export async function remindDrafts() {
  const at = now();
  const contests = await db.contest.findMany({
    where: { status: "open", deadline: { gt: at, lte: new Date(at.getTime() + DRAFT_REMINDER_BEFORE_MS) } },
  });
  let reminded = 0;
  for (const contest of contests) {
    const people = await audienceOf(contest.id, "drafts");
    await queueEmails(
      people.map((person) => ({
        template: "draft-reminder" as const,
        to: person.email,
        locale: person.locale ?? "en",
        payload: {
          contest: titleIn(contest, person.locale ?? "en"),
          deadline: contest.deadline.toISOString(),
          timezone: contest.timezone,
          link: `${env().APP_URL}/entries`,
          note: emailNoteIn(contest, "draftReminder", person.locale ?? "en"),
        },
        idempotencyKey: `draft-reminder:${contest.id}:${person.id}`,
      })),
    );
    reminded += people.length;
  }
  return reminded;
}
