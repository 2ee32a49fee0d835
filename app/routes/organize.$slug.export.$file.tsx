import type { LoaderFunctionArgs } from "@remix-run/node";
import { listSheets } from "~/models/assignment.server";
import { auditExport } from "~/models/audit.server";
import { toCsv } from "~/models/csv";
import { exportEntries } from "~/models/entry-list.server";
import { contestResults } from "~/models/results.server";
import { rubricOf } from "~/models/rubric.server";
import { parseSheet } from "~/models/scoring";
import { requireOrganizerOf } from "~/services/auth.server";

/** CSV exports for organizers: entries.csv, scores.csv and results.csv. Each download is audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const file = params.file ?? "";
  let csv: string;
  if (file === "entries.csv") {
    const entries = await exportEntries(contest.id);
    csv = toCsv(
      ["reference", "status", "category", "title", "entrant", "email", "country", "submitted", "award"],
      entries.map((e) => [
        e.referenceCode,
        e.status,
        e.category.name,
        e.title,
        e.entrant.fullName,
        e.entrant.email,
        e.entrant.country,
        e.submittedAt?.toISOString(),
        e.award?.place,
      ]),
    );
  } else if (file === "scores.csv") {
    const [criteria, sheets] = await Promise.all([rubricOf(contest.id), listSheets(contest.id)]);
    csv = toCsv(
      ["round", "reference", "judge", "status", ...criteria.map((c) => c.name), "overall comment"],
      sheets.map((a) => {
        const sheet = parseSheet(a.scores, a.comments);
        return [
          a.round,
          a.entry.referenceCode,
          a.judge.email,
          a.status,
          ...criteria.map((c) => sheet.scores[c.id]),
          sheet.comments.overall,
        ];
      }),
    );
  } else if (file === "results.csv" || file === "results-final.csv") {
    const { categories, method, fellBack } = await contestResults(
      contest.id,
      file === "results.csv" ? "scoring" : "final",
    );
    csv = toCsv(
      [
        "category",
        "rank",
        "tied",
        "reference",
        "title",
        "raw mean",
        "normalised",
        "judges",
        "judges asked",
        "short of judges",
        "range",
        "std dev",
        "disagreement",
        // the method that ranks ("zscore" where the calibrated model fell back), and its figures
        "ranked by",
        "calibrated",
        "calibrated low (90 %)",
        "calibrated high (90 %)",
        "chance of top three",
        "too close to call",
        "ability (logits)",
        "ability se",
        "comparisons",
        "award",
      ],
      categories.flatMap((c) =>
        c.rows.map((r) => [
          c.name,
          r.rank,
          r.tied,
          r.referenceCode,
          r.title,
          r.rawMean?.toFixed(2),
          r.normalisedMean?.toFixed(2),
          r.judgeCount,
          r.judgesAsked,
          r.shortOfJudges,
          r.spread.range.toFixed(2),
          r.spread.stdDev.toFixed(2),
          r.disagreement,
          fellBack ? "zscore" : method,
          r.calibrated?.score?.toFixed(2),
          r.calibrated?.low?.toFixed(2),
          r.calibrated?.high?.toFixed(2),
          r.calibrated?.topProbability?.toFixed(3),
          r.close,
          r.pairwise?.ability.toFixed(3),
          r.pairwise?.se.toFixed(3),
          r.pairwise?.comparisons,
          r.award,
        ]),
      ),
    );
  } else throw new Response("Not found", { status: 404 });
  await auditExport(contest.id, user.id, file);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${contest.slug}-${file}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
