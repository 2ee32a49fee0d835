import { getFormProps, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { DoNoHarmAnswers, useYesNo } from "~/components/entry/answers";
import { MediaList } from "~/components/media/media-view";
import { formProblems, parseForm } from "~/forms";
import { accept, parseQuery, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import {
  answerGuardianRequest,
  filesReady,
  findGuardianRequest,
  withdrawGuardianConsent,
} from "~/models/guardian.server";
import { viewableMedia } from "~/models/media-view.server";
import { guardianAnswerSchema } from "~/schemas/guardian";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "guardianPage.title");

/** Taking a consent back (the link stays good for that), or the answer to the request. */
const withdrawSchema = z.object({ intent: z.literal("withdraw"), token: z.string().max(100) });
const guardianPageSchema = z.union([withdrawSchema, guardianAnswerSchema]);

type Answer = { answered: "consented" | "refused" | "withdrawn" | "withdrawnAfterJudging" };

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

/**
 * The page a guardian reaches from the email: everything the entry contains, then consent or
 * refuse. Opening it changes nothing (mail scanners open links); only the POST records an answer.
 * The token travels in the query string, which the request log leaves out.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = parseQuery(request, z.object({ token: z.string().catch("") }));
  const found = await findGuardianRequest(token);
  if (!found) return { state: "unknown" as const, token: "", entry: null };
  const { request: consent, state } = found;
  // the link stays good for taking a consent back
  if (state === "answered" && consent.decision === "consented") {
    return { state: "consented" as const, decision: consent.decision, token, entry: null };
  }
  if (state !== "open") return { state, decision: consent.decision, token: "", entry: null };
  const entry = consent.entry;
  const [media, ready] = await Promise.all([viewableMedia(entry.media, { previews: false }), filesReady(entry.id)]);
  return {
    state,
    decision: null,
    token,
    entry: {
      ready,
      revision: entry.revision,
      contest: entry.contest.title,
      entrant: entry.entrant.fullName ?? "",
      guardian: consent.guardianName,
      category: entry.category.name,
      title: entry.title,
      summary: entry.summary,
      statement: entry.statement,
      aiUse: entry.aiUse,
      identifiablePeople: entry.identifiablePeople,
      showsSurvivors: entry.showsSurvivors,
      showsExactLocations: entry.showsExactLocations,
      graphicContent: entry.graphicContent,
      coCreators: entry.coCreators.map((c) => c.name),
      releases: entry.releases,
      media,
    },
  };
}

/*
 * A refusal answers 200, so that the page reads the request again: an entry that changed is shown
 * as it is now, and a link that is spent says so.
 */
const gone = () => refuse<Answer>({ key: "guardianPage.expired" }, { status: 200 });

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), guardianPageSchema);
  if (submission.status !== "success") return gone();
  const form = submission.value;
  if ("intent" in form) {
    const withdrawn = await withdrawGuardianConsent(form.token);
    if (!withdrawn.ok) return gone();
    return accept<Answer>({ answered: withdrawn.outOfJudging ? "withdrawn" : "withdrawnAfterJudging" });
  }
  const result = await answerGuardianRequest(form.token, form.decision, form.revision);
  if (result.ok) return accept<Answer>({ answered: form.decision });
  if (result.reason === "notReady") return refuse<Answer>({ key: "guardianPage.notReady" }, { status: 200 });
  return result.reason === "changed" ? refuse<Answer>({ key: "guardianPage.changed" }, { status: 200 }) : gone();
}

/** Why a consent link can't be answered, by the state of its request. */
const UNANSWERABLE = { answered: "guardianPage.alreadyAnswered", expired: "guardianPage.expired" } as const;

export default function GuardianPage() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const yesNo = useYesNo();
  const lastResult = navigation.state === "idle" ? answer?.result : undefined;
  const [withdrawForm] = useForm({
    id: "guardian-withdraw",
    lastResult,
    onValidate: ({ formData }) => parseForm(formData, guardianPageSchema),
  });
  const [answerForm] = useForm({
    id: "guardian-answer",
    lastResult,
    onValidate: ({ formData }) => parseForm(formData, guardianPageSchema),
  });
  const [problem] = formProblems(answer);

  if (answer?.answered) {
    return (
      <section className="panel narrow" aria-labelledby="guardian-title">
        <h1 id="guardian-title">{t("guardianPage.title")}</h1>
        <p role="status">{t(`guardianPage.thanks.${answer.answered}`)}</p>
      </section>
    );
  }
  if (data.state === "consented") {
    return (
      <section className="panel narrow" aria-labelledby="guardian-title">
        <h1 id="guardian-title">{t("guardianPage.title")}</h1>
        {problem ? (
          <p className="alert" role="alert">
            {t("guardianPage.expired")}
          </p>
        ) : null}
        <p>{t("guardianPage.consentGiven")}</p>
        <Form method="post" {...getFormProps(withdrawForm)}>
          <input type="hidden" name="token" value={data.token} />
          <input type="hidden" name="intent" value="withdraw" />
          <p>{t("guardianPage.withdrawText")}</p>
          <button type="submit" className="button button-danger" disabled={navigation.state !== "idle"}>
            {t("guardianPage.withdraw")}
          </button>
        </Form>
      </section>
    );
  }
  if (!data.entry) {
    const message = UNANSWERABLE[data.state as keyof typeof UNANSWERABLE] ?? "guardianPage.unknown";
    return (
      <section className="panel narrow" aria-labelledby="guardian-title">
        <h1 id="guardian-title">{t("guardianPage.title")}</h1>
        <p className="alert" role="alert">
          {t(message)}
        </p>
      </section>
    );
  }
  const { entry } = data;
  return (
    <section aria-labelledby="guardian-title">
      <p className="eyebrow">{entry.contest}</p>
      <h1 id="guardian-title">{t("guardianPage.heading", { entrant: entry.entrant })}</h1>
      <p>{t("guardianPage.intro", { guardian: entry.guardian, entrant: entry.entrant, contest: entry.contest })}</p>
      {problem ? (
        <p className="alert" role="alert">
          {t(problem.key, problem.values)}
        </p>
      ) : null}
      <div className="panel">
        <h2>{entry.title || t("entries.untitled")}</h2>
        <p className="muted">{t("entry.category", { name: entry.category })}</p>
        <h3>{t("entry.summary")}</h3>
        <p className="prewrap">{entry.summary}</p>
        <h3>{t("entry.statement")}</h3>
        <p className="prewrap">{entry.statement}</p>
        <h3>{t("entry.media")}</h3>
        <MediaList
          media={entry.media}
          captionsUrl={(m) => `/guardian/captions/${m.id}.vtt?${new URLSearchParams({ token: data.token })}`}
        />
        <dl className="answers">
          <dt>{t("coCreators.title")}</dt>
          <dd>{entry.coCreators.join(", ") || "—"}</dd>
          <dt>{t("entry.aiUse")}</dt>
          <dd>{entry.aiUse ? t(`entry.ai${entry.aiUse[0]!.toUpperCase()}${entry.aiUse.slice(1)}`) : "—"}</dd>
          <dt>{t("entry.identifiablePeople")}</dt>
          <dd>{yesNo(entry.identifiablePeople)}</dd>
          <dt>{t("releases.title")}</dt>
          <dd>
            {entry.releases.length
              ? entry.releases
                  .map(
                    (r) =>
                      `${r.person} (${r.minor ? t("releases.byGuardian", { name: r.consentGivenBy }) : t("releases.bySelf", { name: r.consentGivenBy })})`,
                  )
                  .join("; ")
              : "—"}
          </dd>
          <DoNoHarmAnswers entry={entry} />
        </dl>
      </div>
      {entry.ready ? null : (
        <p className="notice" role="status">
          {t("guardianPage.notReady")}
        </p>
      )}
      <Form method="post" className="panel" hidden={!entry.ready} {...getFormProps(answerForm)}>
        <h2>{t("guardianPage.decide")}</h2>
        <p>{t("guardianPage.consentText", { entrant: entry.entrant, contest: entry.contest })}</p>
        <input type="hidden" name="token" value={data.token} />
        <input type="hidden" name="revision" value={entry.revision} />
        <div className="actions">
          <button
            type="submit"
            name="decision"
            value="consented"
            className="button"
            disabled={navigation.state !== "idle"}
          >
            {t("guardianPage.consent")}
          </button>
          <button
            type="submit"
            name="decision"
            value="refused"
            className="button button-secondary"
            disabled={navigation.state !== "idle"}
          >
            {t("guardianPage.refuse")}
          </button>
        </div>
      </Form>
    </section>
  );
}
