import { z } from "zod";
import type { EmailNoteKey } from "~/schemas/contest";

/**
 * Pure rules about the settings organizers give a contest, shared by the settings page's server
 * code and every model that sends an email to entrants.
 */
const emailNotesSchema = z.record(z.string()).catch({});

/** The organizers' words added to one kind of email to entrants, as the settings form shows them (the first language's); "" when there are none. */
export function emailNote(contest: { emailNotes: string }, key: EmailNoteKey): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(contest.emailNotes);
  } catch {
    return "";
  }
  return emailNotesSchema.parse(parsed)[key]?.trim() ?? "";
}
