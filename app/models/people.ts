/** The entrants list's filters: people with an unsubmitted draft, or with a submitted entry. */
export const ENTRANT_FILTERS = ["drafts", "submitted"] as const;
