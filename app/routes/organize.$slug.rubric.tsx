import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { pageTitle } from "~/i18n/meta";
import { rubricLocked, rubricOf, saveRubric } from "~/models/rubric.server";
import { MAX_CRITERIA, rubricSchema } from "~/schemas/rubric";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rubric.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const [criteria, locked] = await Promise.all([rubricOf(contest.id), rubricLocked(contest.id)]);
  return { criteria, locked };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const submission = parseWithZod(await request.formData(), { schema: rubricSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  if (!(await saveRubric(contest.id, submission.value.criteria, user.id))) {
    return data({ result: submission.reply({ formErrors: ["rubric.locked"] }), saved: false }, { status: 409 });
  }
  return data({ result: submission.reply(), saved: true });
}

/** The rubric editor: criteria with guidance, level descriptors and weights that must sum to 100. */
export default function RubricEditor() {
  const { criteria, locked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "rubric",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    defaultValue: { criteria: criteria.map((c) => ({ ...c, levels: c.levels.join("\n") })) },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rubricSchema }),
  });
  const list = fields.criteria.getFieldList();
  const [weights, setWeights] = useState<Record<string, number>>({});
  const total = list.reduce((sum, item) => {
    const weight = weights[item.key ?? ""] ?? Number(item.getFieldset().weight.initialValue ?? 0);
    return sum + (Number.isFinite(weight) ? weight : 0);
  }, 0);

  return (
    <section aria-labelledby="rubric-title">
      <h1 id="rubric-title">{t("rubric.title")}</h1>
      <p>{locked ? t("rubric.lockedIntro") : t("rubric.intro")}</p>
      {actionData?.saved && navigation.state === "idle" ? (
        <p role="status" className="notice">
          {t("rubric.saved")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <fieldset disabled={locked} className="plain-fieldset">
          <legend className="visually-hidden">{t("rubric.title")}</legend>
          <ol className="card-list">
            {list.map((item, index) => (
              <li key={item.key} className="card">
                <CriterionFields
                  item={item}
                  index={index}
                  onWeight={(value) => setWeights((w) => ({ ...w, [item.key ?? ""]: value }))}
                />
                {list.length > 1 && !locked ? (
                  <button
                    className="link-button"
                    {...form.remove.getButtonProps({ name: fields.criteria.name, index })}
                    aria-label={t("rubric.removeNamed", { number: index + 1 })}
                  >
                    {t("rubric.remove")}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          <p role="status" aria-live="polite" className={total === 100 ? "muted" : "error-list"}>
            {t("rubric.total", { total })}
          </p>
          <ErrorList id={fields.criteria.errorId} errors={fields.criteria.errors} />
          {!locked ? (
            <div className="actions">
              {list.length < MAX_CRITERIA ? (
                <button
                  className="button button-secondary"
                  {...form.insert.getButtonProps({
                    name: fields.criteria.name,
                    defaultValue: { name: "", guidance: "", weight: 0, levels: "" },
                  })}
                >
                  {t("rubric.add")}
                </button>
              ) : null}
              <button type="submit" className="button" disabled={navigation.state !== "idle"}>
                {t("rubric.save")}
              </button>
            </div>
          ) : null}
        </fieldset>
      </Form>
    </section>
  );
}

type CriterionField = FieldMetadata<
  { id?: string; name: string; guidance?: string; weight: number; levels: string },
  { criteria: { id?: string; name: string; guidance?: string; weight: number; levels: string }[] },
  string[]
>;

function CriterionFields({
  item,
  index,
  onWeight,
}: {
  item: CriterionField;
  index: number;
  onWeight: (value: number) => void;
}) {
  const { t } = useTranslation();
  const f = item.getFieldset();
  const described = (field: { id: string; errors?: string[] }, hint?: boolean) =>
    [hint ? `${field.id}-hint` : "", field.errors?.length ? `${field.id}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  return (
    <>
      <h2>{t("rubric.criterion", { number: index + 1 })}</h2>
      <input {...getInputProps(f.id, { type: "hidden" })} />
      <div className="field">
        <label htmlFor={f.name.id}>{t("rubric.name")}</label>
        <input
          {...getInputProps(f.name, { type: "text", ariaAttributes: false })}
          aria-invalid={f.name.errors?.length ? true : undefined}
          aria-describedby={described(f.name)}
        />
        <ErrorList id={`${f.name.id}-error`} errors={f.name.errors} />
      </div>
      <div className="field">
        <label htmlFor={f.guidance.id}>{t("rubric.guidance")}</label>
        <textarea {...getTextareaProps(f.guidance, { ariaAttributes: false })} rows={2} />
      </div>
      <div className="field">
        <label htmlFor={f.weight.id}>{t("rubric.weight")}</label>
        <input
          {...getInputProps(f.weight, { type: "number", ariaAttributes: false })}
          min={1}
          max={100}
          inputMode="numeric"
          onInput={(event) => onWeight(Number(event.currentTarget.value))}
          aria-invalid={f.weight.errors?.length ? true : undefined}
          aria-describedby={described(f.weight)}
        />
        <ErrorList id={`${f.weight.id}-error`} errors={f.weight.errors} />
      </div>
      <div className="field">
        <label htmlFor={f.levels.id}>{t("rubric.levels")}</label>
        <p id={`${f.levels.id}-hint`} className="field-hint">
          {t("rubric.levelsHint")}
        </p>
        <textarea
          {...getTextareaProps(f.levels, { ariaAttributes: false })}
          rows={5}
          aria-invalid={f.levels.errors?.length ? true : undefined}
          aria-describedby={described(f.levels, true)}
        />
        <ErrorList id={`${f.levels.id}-error`} errors={f.levels.errors} />
      </div>
    </>
  );
}
