/**
 * Pure rules about accounts, shared by every model that reads an email address.
 */

/** An email address as Mosaic keeps and compares it: an account, an invitation, a guardian, a co-creator. */
export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}
