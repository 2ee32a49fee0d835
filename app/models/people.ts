/** The roles an account can have, lowest first; shared by the people page and its server code. */
export const ROLES = ["entrant", "organizer", "admin"] as const;

/** The entrants list's filters: people with an unsubmitted draft, or with a submitted entry. */
export const ENTRANT_FILTERS = ["drafts", "submitted"] as const;
