/**
 * Why something was refused, as the reader will be told it: a translation key and the values its
 * message needs ("eligibility.tooYoung", { min: 18, age: 16 }). Models return problems, actions
 * send them back (see app/forms.ts), and the page translates them (components/forms.tsx).
 */
export type Problem = { key: string; values?: Record<string, unknown> };

export function problem(key: string, values?: Record<string, unknown>): Problem {
  return values ? { key, values } : { key };
}
