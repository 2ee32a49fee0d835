import { getFormProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorList } from "~/components/forms";
import { parseForm } from "~/forms";
import type { Problem } from "~/models/problem";
import { moveSchema } from "~/schemas/lifecycle";

/**
 * Where the contest stands (draft, open, closed...) and the moves it may make now, each a button
 * of its own; what kept a draft from opening, and why the last move was refused.
 */
export function Lifecycle({
  status,
  transitions,
  readiness,
  problems,
  moved,
}: {
  status: string;
  transitions: string[];
  readiness: string[];
  problems: Problem[];
  moved: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t("lifecycle.title")}</h2>
      <p>
        {t("lifecycle.now")} <strong className={`status status-${status}`}>{t(`contest.status.${status}`)}</strong>
      </p>
      <p className="muted">{t("lifecycle.intro")}</p>
      {readiness.length > 0 ? (
        <>
          <p>{t("lifecycle.notReady")}</p>
          <ErrorList errors={readiness} />
        </>
      ) : null}
      <ErrorList errors={problems} />
      {moved ? (
        <p role="status" className="notice">
          {t("lifecycle.moved")}
        </p>
      ) : null}
      <div className="actions">
        {transitions.map((transition) => (
          <MoveForm key={transition} transition={transition} status={status} />
        ))}
      </div>
    </section>
  );
}

function MoveForm({ transition, status }: { transition: string; status: string }) {
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form] = useForm({ id: `move-${transition}`, onValidate: ({ formData }) => parseForm(formData, moveSchema) });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="seen" value={status} />
      <button
        type="submit"
        name="transition"
        value={transition}
        className={transition === "open" || transition === "reopen" ? "button" : "button button-secondary"}
        disabled={navigation.state !== "idle"}
      >
        {t(`lifecycle.action.${transition}`)}
      </button>
    </Form>
  );
}
