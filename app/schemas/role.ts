/**
 * The roles an account can have, lowest first: each may do what the ones before it may. Read by
 * the access checks (services/auth.server.ts), the people page and its server code.
 */
export const ROLES = ["entrant", "organizer", "admin"] as const;
export type Role = (typeof ROLES)[number];
