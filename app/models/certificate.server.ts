import { randomInt } from "node:crypto";
import type { Translate } from "~/i18n";
import { env } from "~/services/env.server";
import { db, Prisma } from "~/services/db.server";
import { certificatePdf } from "./certificate-pdf.server";
import { formatDay } from "./time";
import { categoryNameIn, contestText, titleIn } from "./contest-texts";

/**
 * Certificates. Once the results are public, every entrant whose entry was judged (found
 * eligible) downloads a certificate: of participation, or naming their award. It carries a short
 * address where anyone (a school, an employer) can check it is genuine: that page shows the same
 * facts as the certificate and nothing more, and stops answering if the entrant's data is erased.
 */

/** Letters and digits nobody confuses when reading a code off paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

function newCode() {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** A code as typed: case, spaces and dashes do not matter. */
export function normaliseCode(code: string) {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

export function checkAddress(code: string) {
  return `${env().APP_URL}/v/${code}`;
}

const CERTIFIED = {
  id: true,
  title: true,
  status: true,
  anonymisedAt: true,
  certificateCode: true,
  award: { select: { place: true } },
  category: { select: { name: true, translations: true } },
  entrant: { select: { displayName: true, erasedAt: true } },
  contest: {
    select: {
      title: true,
      organizerName: true,
      timezone: true,
      resultsPublishedAt: true,
      certificateWording: true,
      certificateSignature: true,
      languages: true,
      translations: true,
    },
  },
} satisfies Prisma.EntrySelect;

type Certified = Prisma.EntryGetPayload<{ select: typeof CERTIFIED }>;

/**
 * What a certificate states, the contest's own words in `locale` where the organizers gave them,
 * or null when this entry has none (not judged, results not out, erased).
 */
function facts(entry: Certified | null, locale?: string) {
  if (!entry || entry.status !== "eligible" || entry.anonymisedAt || entry.entrant.erasedAt) return null;
  const issuedAt = entry.contest.resultsPublishedAt;
  if (!issuedAt) return null;
  return {
    contest: locale ? titleIn(entry.contest, locale) : entry.contest.title,
    organizer: entry.contest.organizerName,
    title: entry.title,
    name: entry.entrant.displayName ?? "",
    category: locale ? categoryNameIn(entry.category, entry.contest, locale) : entry.category.name,
    place: entry.award?.place ?? null,
    issuedAt,
    timezone: entry.contest.timezone,
    wording: locale ? contestText(entry.contest, "certificateWording", locale).text : entry.contest.certificateWording,
    signature: entry.contest.certificateSignature,
  };
}

export type CertificateFacts = NonNullable<ReturnType<typeof facts>>;

/** Whether an entry has a certificate to download, and which kind; null when it has none. */
export async function certificateOf(entryId: string) {
  const found = facts(await db.entry.findUnique({ where: { id: entryId }, select: CERTIFIED }));
  return found ? { place: found.place } : null;
}

/** The entry's check code, made on the first download (a collision with another code is retried). */
async function codeFor(entry: Certified) {
  if (entry.certificateCode) return entry.certificateCode;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await db.entry.updateMany({
        where: { id: entry.id, certificateCode: null },
        data: { certificateCode: newCode() },
      });
      break;
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  // Two downloads at once: both read the code the first one wrote.
  const { certificateCode } = await db.entry.findUniqueOrThrow({
    where: { id: entry.id },
    select: { certificateCode: true },
  });
  if (!certificateCode) throw new Error("no certificate code could be made");
  return certificateCode;
}

/** The sentence naming what the certificate is for, in the reader's language. */
export function certificateBody(t: Translate, found: Pick<CertificateFacts, "title" | "category" | "place">) {
  return found.place
    ? t("certificate.bodyAward", {
        place: t(`results.place.${found.place}`),
        category: found.category,
        title: found.title,
      })
    : t("certificate.bodyParticipation", { category: found.category, title: found.title });
}

/**
 * The certificate of one of an entrant's own entries as a PDF in the reader's language, dated the
 * day the results were published (in the contest's time zone), or null when the entry is not
 * theirs or has none.
 */
export async function certificateDocument(entrantId: string, entryId: string, t: Translate, lang: string) {
  const entry = await db.entry.findFirst({
    where: { id: entryId, entrantId },
    select: { ...CERTIFIED, referenceCode: true },
  });
  const found = facts(entry, lang);
  if (!entry || !found) return null;
  const code = await codeFor(entry);
  const pdf = await certificatePdf(
    {
      lang,
      heading: t(found.place ? "certificate.headingAward" : "certificate.headingParticipation"),
      presentedTo: t("certificate.presentedTo"),
      name: found.name,
      body: certificateBody(t, found),
      wording: found.wording,
      contest: found.contest,
      date: formatDay(found.issuedAt, lang, found.timezone),
      signature: found.signature || found.organizer,
      checkLabel: t("certificate.checkAt"),
      checkUrl: checkAddress(code),
    },
    found.issuedAt,
  );
  return { pdf, code, referenceCode: entry.referenceCode };
}

/** What the public check page shows for a code: the certificate's facts, or null. */
export async function checkCertificate(code: string, locale?: string) {
  const normalised = normaliseCode(code);
  if (normalised.length !== CODE_LENGTH) return null;
  const found = facts(await db.entry.findUnique({ where: { certificateCode: normalised }, select: CERTIFIED }), locale);
  if (!found) return null;
  return {
    code: normalised,
    contest: found.contest,
    organizer: found.organizer,
    title: found.title,
    name: found.name,
    category: found.category,
    place: found.place,
    issuedAt: found.issuedAt.toISOString(),
    timezone: found.timezone,
  };
}
