import { getFormProps, getInputProps, useForm, type FieldMetadata, type FieldName } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/i18n/react";
import { ErrorList, FormErrors, InputField, TextareaInputField } from "~/components/forms";
import { parseForm } from "~/forms";
import { accept, invalid, refuse } from "~/forms.server";
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
  const submission = parseForm(await request.formData(), rubricSchema);
  if (submission.status !== "success") return invalid(submission);
  if (!(await saveRubric(contest.id, submission.value.criteria, user.id))) {
    return refuse({ key: "rubric.locked" }, { submission, status: 409 });
  }
  return accept({}, { submission });
}

/** The rubric editor: criteria with guidance, level descriptors and weights that must sum to 100. */
export default function RubricEditor() {
  const { criteria, locked } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "rubric",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    defaultValue: { criteria: criteria.map((c) => ({ ...c, levels: c.levels.join("\n") })) },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, rubricSchema),
  });
  const list = fields.criteria.getFieldList();
  // Conform types its list buttons for string errors; ours are problems (app/forms.ts)
  const criteriaName = fields.criteria.name as FieldName<Criterion[]>;
  const [weights, setWeights] = useState<Record<string, number>>({});
  const total = list.reduce((sum, item) => {
    const weight = weights[item.key ?? ""] ?? Number(item.getFieldset().weight.initialValue ?? 0);
    return sum + (Number.isFinite(weight) ? weight : 0);
  }, 0);

  return (
    <section aria-labelledby="rubric-title">
      <h1 id="rubric-title">{t("rubric.title")}</h1>
      <p>{locked ? t("rubric.lockedIntro") : t("rubric.intro")}</p>
      {answer?.result.status === "success" && navigation.state === "idle" ? (
        <p role="status" className="notice">
          {t("rubric.saved")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors form={form} />
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
                    {...form.remove.getButtonProps({ name: criteriaName, index })}
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
                    name: criteriaName,
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

type Criterion = { id?: string; name: string; guidance?: string; weight: number; levels: string };
type CriterionField = FieldMetadata<Criterion, { criteria: Criterion[] }, unknown>;

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
  return (
    <>
      <h2>{t("rubric.criterion", { number: index + 1 })}</h2>
      <input {...getInputProps(f.id, { type: "hidden" })} />
      <InputField field={f.name} label={t("rubric.name")} />
      <TextareaInputField field={f.guidance} label={t("rubric.guidance")} textareaProps={{ rows: 2 }} />
      <InputField
        field={f.weight}
        type="number"
        label={t("rubric.weight")}
        inputProps={{
          min: 1,
          max: 100,
          inputMode: "numeric",
          onInput: (event) => onWeight(Number(event.currentTarget.value)),
        }}
      />
      <TextareaInputField
        field={f.levels}
        label={t("rubric.levels")}
        hint={t("rubric.levelsHint")}
        textareaProps={{ rows: 5 }}
      />
    </>
  );
}
