import type { Locale } from "~/i18n";
import { serverT } from "~/i18n/i18n.server";
import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { storage } from "~/services/storage.server";
import { zipArchive, type ZipItem } from "~/services/zip.server";
import { entryFeedback } from "./feedback.server";
import { isChecked } from "./media";

/**
 * "My data": everything Mosaic holds about a person, as one ZIP a phone can open: data.json
 * (readable, indented), README.txt in their language, and their files under files/. It holds what
 * they gave and what was decided about their entries; never a judge's or organizer's identity,
 * nor anything about another entrant. Awards show once the results are public.
 */

/** A file name safe in any archive tool: no folders, no control characters, not too long. */
function safeName(name: string) {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "_")
    .replace(/^\.+/, "_")
    .trim();
  return (cleaned || "file").slice(-80);
}

function extensionOf(key: string) {
  const match = /\.([a-z0-9]+)$/i.exec(key);
  return match ? match[1]!.toLowerCase() : "";
}

/** The original name with the stored file's extension (images are re-encoded; the type may change). */
function fileName(originalName: string, key: string) {
  const ext = extensionOf(key);
  const base = safeName(originalName).replace(/\.[^.]*$/, "");
  return ext ? `${base}.${ext}` : base;
}

const json = (text: string) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export async function collectMyData(userId: string, locale: Locale) {
  const t = serverT(locale);
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      terms: { orderBy: { acceptedAt: "asc" } },
      sessions: { orderBy: { createdAt: "asc" } },
      entries: {
        orderBy: { createdAt: "asc" },
        include: {
          contest: { select: { title: true, resultsPublishedAt: true, retentionMonths: true } },
          category: { select: { name: true } },
          award: { select: { place: true } },
          coCreators: { orderBy: { createdAt: "asc" } },
          releases: { orderBy: { createdAt: "asc" } },
          guardianConsents: { orderBy: { createdAt: "asc" } },
          screening: { orderBy: { createdAt: "asc" } },
          media: { orderBy: { position: "asc" } },
        },
      },
      judgeOf: { include: { contest: { select: { id: true, title: true } } } },
    },
  });
  const [sheets, emails] = await Promise.all([
    db.assignment.findMany({
      where: { judgeId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        contestId: true,
        round: true,
        status: true,
        scores: true,
        comments: true,
        submittedAt: true,
        recusedAt: true,
        entry: { select: { judgeCode: true } },
      },
    }),
    db.email.findMany({ where: { to: user.email }, orderBy: { createdAt: "asc" } }),
  ]);
  const votes = await db.vote.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, contest: { select: { title: true } }, entry: { select: { title: true } } },
  });
  // the judges' notes each entry received, as the entrant reads them once released
  const feedback = new Map(
    await Promise.all(user.entries.map(async (e) => [e.id, await entryFeedback(e.id)] as const)),
  );

  const files: { path: string; key: string; modified: Date }[] = [];
  const entries = user.entries.map((entry, index) => {
    const folder = `files/${safeName(entry.referenceCode ?? `draft-${index + 1}`)}`;
    const media = entry.media.map((m, position) => {
      const key = isChecked(m.state) ? (m.cleanKey ?? m.objectKey) : null;
      const path = key ? `${folder}/${position + 1}-${fileName(m.originalName, key)}` : null;
      if (key && path) files.push({ path, key, modified: m.verifiedAt ?? m.createdAt });
      const captions = isChecked(m.state) && m.captionsKey ? `${folder}/${position + 1}-captions.vtt` : null;
      if (captions && m.captionsKey) files.push({ path: captions, key: m.captionsKey, modified: m.createdAt });
      return {
        file: path,
        originalName: m.originalName,
        state: m.state,
        type: m.detectedType ?? m.declaredType,
        size: m.size ?? m.declaredSize,
        // an accepted file's fingerprint is taken by a job shortly after (media-fingerprint.server.ts)
        sha256: m.sha256 ?? (isChecked(m.state) ? t("myData.fingerprintPending") : null),
        width: m.width,
        height: m.height,
        durationSeconds: m.durationSec,
        altText: m.altText,
        captionsFile: captions,
        captionsLanguage: m.captionsLang,
        uploadedAt: m.createdAt,
      };
    });
    return {
      contest: entry.contest.title,
      category: entry.category.name,
      status: entry.status,
      referenceCode: entry.referenceCode,
      title: entry.title,
      summary: entry.summary,
      artistStatement: entry.statement,
      language: entry.language,
      transcript: entry.transcript,
      declarations: {
        originalWorkAt: entry.originalWorkAt,
        aiUse: entry.aiUse,
        aiUseDetails: entry.aiUseDetails,
        licenceAt: entry.licenceAt,
        identifiablePeople: entry.identifiablePeople,
        releasesConfirmedAt: entry.releasesAt,
        showsSurvivors: entry.showsSurvivors,
        showsExactLocations: entry.showsExactLocations,
        graphicContent: entry.graphicContent,
      },
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      submittedAt: entry.submittedAt,
      withdrawnAt: entry.withdrawnAt,
      anonymisedAt: entry.anonymisedAt,
      messageFromOrganizers: entry.organizerMessage,
      screening: entry.screening.map((s) => ({ decision: s.decision, message: s.message, at: s.createdAt })),
      award: entry.contest.resultsPublishedAt ? (entry.award?.place ?? null) : null,
      certificateCode: entry.certificateCode,
      feedback: feedback.get(entry.id) ?? null,
      keptAfterResultsForMonths: entry.contest.retentionMonths,
      coCreators: entry.coCreators.map((c) => ({
        name: c.name,
        email: c.email,
        eligibleConfirmedAt: c.eligibleConfirmedAt,
      })),
      releases: entry.releases.map((r) => ({
        person: r.person,
        minor: r.minor,
        consentGivenBy: r.consentGivenBy,
        addedAt: r.createdAt,
      })),
      guardianConsents: entry.guardianConsents.map((g) => ({
        guardianName: g.guardianName,
        guardianEmail: g.guardianEmail,
        askedAt: g.createdAt,
        decision: g.decision,
        decidedAt: g.decidedAt,
        withdrawnAt: g.withdrawnAt,
      })),
      media,
    };
  });

  const data = {
    exportedAt: now(),
    account: {
      email: user.email,
      role: user.role,
      language: user.locale,
      createdAt: user.createdAt,
      fullName: user.fullName,
      nameToPublish: user.displayName,
      dateOfBirth: user.dateOfBirth,
      country: user.country,
      publishCountry: user.publishCountry,
    },
    termsAccepted: user.terms.map((t) => ({ version: t.version, acceptedAt: t.acceptedAt })),
    signedInSessions: user.sessions.map((s) => ({
      startedAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      endsAt: s.expiresAt,
    })),
    entries,
    judging: user.judgeOf.map((seat) => ({
      contest: seat.contest.title,
      country: seat.country,
      conflictsDeclaredAt: seat.conflictsDeclaredAt,
      conflictPeople: seat.conflictPeople,
      conflictOrganisations: seat.conflictOrganisations,
      conflictCountries: seat.conflictCountries,
      // the entries by the opaque code judges see, as they saw them
      sheets: sheets
        .filter((s) => s.contestId === seat.contest.id)
        .map((s) => ({
          entry: s.entry.judgeCode,
          round: s.round,
          status: s.status,
          scores: json(s.scores),
          comments: json(s.comments),
          submittedAt: s.submittedAt,
          recusedAt: s.recusedAt,
        })),
    })),
    peoplesChoiceVotes: votes.map((v) => ({ contest: v.contest.title, work: v.entry.title, at: v.createdAt })),
    emailsSentToYou: emails.map((e) => ({
      template: e.template,
      language: e.locale,
      status: e.status,
      queuedAt: e.createdAt,
      sentAt: e.sentAt,
      content: json(e.payload),
    })),
  };
  return { data, files };
}

/** The archive's items: README.txt, data.json, then each file, streamed from storage. */
export async function myDataArchive(userId: string, locale: Locale) {
  const { data, files } = await collectMyData(userId, locale);
  const t = serverT(locale);
  const at = now();
  const encode = (text: string) => new TextEncoder().encode(text);
  const items: ZipItem[] = [
    {
      name: "README.txt",
      bytes: encode(t("myData.readme", { date: at.toISOString().slice(0, 10) }).replace(/\n/g, "\r\n")),
      modified: at,
    },
    { name: "data.json", bytes: encode(JSON.stringify(data, null, 2)), modified: at },
    ...files.map((f) => ({
      name: f.path,
      modified: f.modified,
      stream: () => storage().getStream(f.key),
    })),
  ];
  return zipArchive(items);
}
