/**
 * The roles an account can have, lowest first: each may do what the ones before it may. Shared by
 * the people page, its server code and the access checks in services/auth.server.ts.
 */
export const ROLES = ["entrant", "organizer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The entrants list's filters: people with an unsubmitted draft, or with a submitted entry. */
export const ENTRANT_FILTERS = ["drafts", "submitted"] as const;
