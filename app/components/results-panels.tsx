import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { useNumbers } from "~/components/numbers";
import { TableScroll } from "~/components/table-scroll";
import type { ContestResults } from "~/models/results.server";

/**
 * The parts of the organizers' results page that say how much the ranking can be trusted: the
 * method, how far the panel agreed, which award boundaries are too close to call, and how each
 * judge sits against the panel.
 */
type Category = ContestResults["categories"][number];
type Reliability = NonNullable<Category["reliability"]>;

/** Which method ranks this round, with the public page that explains it. */
export function MethodNote({ slug, method, fellBack }: { slug: string; method: string; fellBack: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p data-testid="method">
        {t(`results.method.${method}`)} <Link to={`/contests/${slug}/how-we-rank`}>{t("results.howWeRank")}</Link>
      </p>
      {fellBack ? (
        <p className="notice" data-testid="fell-back">
          {t("results.fellBack")}
        </p>
      ) : null}
    </>
  );
}

/** A reliability in plain words, with its figure and interval. */
function useReliabilityText() {
  const { t } = useTranslation();
  const { number } = useNumbers();
  return (r: Reliability) =>
    r.icc === null
      ? t("results.agreement.unknown")
      : t("results.agreementValue", {
          level: t(`results.agreement.${r.level}`),
          icc: number(r.icc, 2),
          low: number(r.low, 2),
          high: number(r.high, 2),
        });
}

/** How far the panel agreed on this category (score sheets), or how reliable the comparisons' order is. */
export function ReliabilityPanel({
  reliability,
  comparative,
}: {
  reliability: Category["reliability"];
  comparative: Category["comparative"];
}) {
  const { t } = useTranslation();
  const { number } = useNumbers();
  const text = useReliabilityText();
  if (comparative) {
    return (
      <p data-testid="category-reliability">
        {comparative.reliability === null
          ? t("results.separationUnknown", { count: comparative.comparisons })
          : t(comparative.reached ? "results.separationReached" : "results.separation", {
              reliability: number(comparative.reliability, 2),
              target: number(comparative.target, 2),
              count: comparative.comparisons,
            })}
      </p>
    );
  }
  if (!reliability) return null;
  return <p data-testid="category-reliability">{text(reliability)}</p>;
}

type Boundary = ContestResults["closeBoundaries"][number];

/** Neighbours around an award the sheets cannot tell apart, each with one more judge a click away. */
export function CloseBoundaries({
  boundaries,
  category,
  canAddJudges,
}: {
  boundaries: Boundary[];
  category: string;
  canAddJudges: boolean;
}) {
  const { t } = useTranslation();
  const { percent } = useNumbers();
  const navigation = useNavigation();
  if (boundaries.length === 0) return null;
  return (
    <div className="notice" data-testid="close-boundaries">
      <p>{t("results.closeIntro")}</p>
      <ul>
        {boundaries.map((b) => (
          <li key={b.place}>
            {t("results.closeBoundary", {
              place: b.place,
              next: b.place + 1,
              upper: b.upperCode,
              lower: b.lowerCode,
              probability: percent(b.probability),
            })}{" "}
            {b.judgeComing ? (
              <span className="muted">{t("results.judgeComing")}</span>
            ) : canAddJudges ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="addJudges" />
                <input type="hidden" name="category" value={category} />
                <input type="hidden" name="place" value={b.place} />
                <button
                  type="submit"
                  className="button button-secondary button-small"
                  disabled={navigation.state !== "idle"}
                >
                  {t("results.addJudge", { place: b.place, next: b.place + 1 })}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The panel: agreement per criterion in plain words, then each judge's strictness, consistency
 * and agreement with the others (organizers know their judges; entrants never see this).
 */
export function JudgesPanel({
  judges,
  criteria,
}: {
  judges: ContestResults["judges"];
  criteria: ContestResults["criteria"];
}) {
  const { t, i18n } = useTranslation();
  const { number, percent } = useNumbers();
  const list = new Intl.ListFormat(i18n.language, { type: "conjunction" });
  const levels = ["excellent", "good", "moderate", "poor"] as const;
  const sentences = levels
    .map((level) => ({ level, names: criteria.filter((c) => c.reliability.level === level).map((c) => c.name) }))
    .filter((group) => group.names.length);
  return (
    <div className="panel">
      <h2 id="panel-title">{t("results.panel")}</h2>
      {sentences.length ? (
        <p data-testid="criteria-agreement">
          {sentences
            .map((g) => t(`results.agreedOn.${g.level}`, { list: list.format(g.names), count: g.names.length }))
            .join(" ")}
        </p>
      ) : (
        <p>{t("results.agreement.unknown")}</p>
      )}
      <details>
        <summary>{t("results.criteriaDetails")}</summary>
        <ul>
          {criteria.map((c) => (
            <li key={c.name}>
              {c.name}:{" "}
              {c.reliability.icc === null
                ? t("results.agreement.unknown")
                : t("results.agreementValue", {
                    level: t(`results.agreement.${c.reliability.level}`),
                    icc: number(c.reliability.icc, 2),
                    low: number(c.reliability.low, 2),
                    high: number(c.reliability.high, 2),
                  })}
            </li>
          ))}
        </ul>
      </details>
      {judges.length ? (
        <TableScroll labelledBy="panel-title">
          <table aria-labelledby="panel-title">
            <thead>
              <tr>
                <th scope="col">{t("results.judge")}</th>
                <th scope="col">{t("results.sheetsScored")}</th>
                <th scope="col">{t("results.severity")}</th>
                <th scope="col">{t("results.consistency")}</th>
                <th scope="col">{t("results.panelAgreement")}</th>
              </tr>
            </thead>
            <tbody>
              {judges.map((j) => (
                <tr key={j.judgeId} data-testid="judge-row">
                  <th scope="row">{j.name || t("results.formerJudge")}</th>
                  <td>{j.scored}</td>
                  <td>
                    {j.noWeight
                      ? t(`results.noWeight.${j.noWeight}`)
                      : j.severity === null
                        ? "—"
                        : t(j.severity >= 0 ? "results.harsher" : "results.kinder", {
                            points: number(Math.abs(j.severity)),
                          })}
                  </td>
                  <td>{j.consistency === null ? "—" : percent(j.consistency)}</td>
                  <td>{j.agreement === null ? "—" : number(j.agreement, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <p className="field-hint">{t("results.panelHint")}</p>
    </div>
  );
}
