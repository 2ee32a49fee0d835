import { getFormProps, useForm, type DefaultValue } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z, type ZodTypeAny } from "zod";
import { AuditTable } from "~/components/audit-table";
import { FormErrors, InputField, SelectField } from "~/components/forms";
import { List } from "~/components/list";
import { parseForm, type ActionResult } from "~/forms";
import { invalid, parseQuery, redirectWithNotice, refuse } from "~/forms.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { listAudit } from "~/models/audit.server";
import { erasePerson, invitePerson, listPeople, setActive, setRole } from "~/models/people.server";
import type { Problem } from "~/models/problem";
import { choiceQuery, pageQuery, searchQuery } from "~/schemas/list-query";
import { ROLES } from "~/schemas/role";
import { hasRole, requireRole } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "people.title");

const querySchema = z.object({
  q: searchQuery,
  role: choiceQuery(ROLES),
  state: choiceQuery(["active", "deactivated"]),
  page: pageQuery,
});

const userId = z.string().max(40);
const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: z.string({ required_error: "errors.required" }).trim().email("errors.emailInvalid").max(254),
  role: z.enum(["organizer", "admin"]),
});
const roleSchema = z.object({ intent: z.literal("role"), userId, role: z.enum(ROLES) });
const activeSchema = z.object({ intent: z.enum(["deactivate", "reactivate"]), userId });
const eraseSchema = z.object({
  intent: z.literal("erase"),
  userId,
  confirmEmail: z.string({ required_error: "errors.required" }).max(254),
});
const peopleSchema = z.discriminatedUnion("intent", [inviteSchema, roleSchema, activeSchema, eraseSchema]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "organizer");
  const query = parseQuery(request, querySchema);
  const [list, history] = await Promise.all([listPeople(query), listAudit(null, undefined, 20)]);
  return {
    history: history.events,
    me: user.id,
    isAdmin: hasRole(user, "admin"),
    query,
    total: list.total,
    pages: list.pages,
    rows: list.rows.map((r) => ({
      id: r.id,
      email: r.email,
      fullName: r.fullName,
      role: r.role,
      deactivated: Boolean(r.deactivatedAt),
      entries: r._count.entries,
      judging: r._count.judgeOf,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "organizer");
  const submission = parseForm(await request.formData(), peopleSchema);
  if (submission.status !== "success") return invalid(submission);
  const form = submission.value;
  const done =
    form.intent === "invite"
      ? await invitePerson(user, form.email, form.role, await resolveLocale(request, user.locale))
      : form.intent === "role"
        ? await setRole(user, form.userId, form.role, await resolveLocale(request, user.locale))
        : form.intent === "erase"
          ? await erasePerson(user, form.userId, form.confirmEmail)
          : await setActive(user, form.userId, form.intent === "reactivate");
  if (!done.ok) {
    // a mistyped confirmation is the organizer's to correct; everything else, not theirs to do
    const status = done.reason === "mismatch" ? 400 : 403;
    return refuse({ key: `people.refused.${done.reason}` }, { submission, status });
  }
  const { pathname, search } = new URL(request.url);
  return redirectWithNotice(`${pathname}${search}`, {
    key: form.intent === "invite" ? "people.invited" : `people.done.${form.intent}`,
  });
}

/** Everyone with an account: invite organizers, change roles, deactivate and reactivate. */
export default function People() {
  const { me, isAdmin, query, total, pages, rows, history } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const idle = navigation.state === "idle";
  const [form, fields] = useForm({
    id: "invite",
    lastResult: idle ? answer?.result : undefined,
    defaultValue: { role: "organizer" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseForm(formData, inviteSchema),
  });
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{t("people.title")}</h1>
      <p>{t("people.intro")}</p>

      <Form method="post" {...getFormProps(form)} className="card">
        <h2>{t("people.invite")}</h2>
        <input type="hidden" name="intent" value="invite" />
        <FormErrors form={form} />
        <InputField field={fields.email} type="email" label={t("people.email")} autoComplete="off" />
        <SelectField field={fields.role} label={t("people.role")}>
          <option value="organizer">{t("people.roles.organizer")}</option>
          {isAdmin ? <option value="admin">{t("people.roles.admin")}</option> : null}
        </SelectField>
        <p className="field-hint">{t("people.judgesHint")}</p>
        <button type="submit" className="button" disabled={!idle}>
          {t("people.send")}
        </button>
      </Form>

      <List
        labelledBy="people-title"
        columns={[t("people.person"), t("people.role"), t("people.records"), t("people.state")]}
        paging={{
          path: "/organize/people",
          query,
          pages,
          search: t("people.search"),
          selects: [
            {
              name: "role",
              label: t("people.role"),
              options: ROLES.map((r) => ({ value: r, label: t(`people.roles.${r}`) })),
            },
            {
              name: "state",
              label: t("people.state"),
              options: [
                { value: "active", label: t("people.active") },
                { value: "deactivated", label: t("people.deactivated") },
              ],
            },
          ],
          found: t("people.found", { count: total }),
        }}
      >
        {rows.map((r) => {
          const mayChange = r.id !== me && (isAdmin || r.role !== "admin");
          return (
            <tr key={r.id} data-testid="person-row">
              <th scope="row">
                {r.fullName ? `${r.fullName} · ` : ""}
                {r.email}
              </th>
              <td>
                {mayChange ? (
                  <RoleForm person={r} isAdmin={isAdmin} />
                ) : (
                  t(`people.roles.${r.role}`, { defaultValue: r.role })
                )}
              </td>
              <td>{t("people.recordCounts", { entries: r.entries, judging: r.judging })}</td>
              <td>
                {r.deactivated ? t("people.deactivated") : t("people.active")}
                {mayChange ? <ActiveForm person={r} /> : null}
                {mayChange && isAdmin ? <EraseForm person={r} /> : null}
              </td>
            </tr>
          );
        })}
      </List>
      <h2 id="people-history">{t("people.history")}</h2>
      <AuditTable events={history} labelledBy="people-history" />
    </section>
  );
}

type Person = { id: string; email: string; role: string; deactivated: boolean };

/**
 * A form of one person's row, sent by its own fetcher so that a refusal shows beside that
 * person; a change done reloads the page with its notice.
 */
function useRowForm<Schema extends ZodTypeAny>(
  id: string,
  schema: Schema,
  defaultValue?: DefaultValue<z.input<Schema>>,
) {
  const fetcher = useFetcher<ActionResult>();
  const [form, fields] = useForm<z.input<Schema>, z.output<Schema>, Problem[]>({
    id,
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    defaultValue,
    onValidate: ({ formData }) => parseForm(formData, schema),
  });
  return { fetcher, form, fields, busy: fetcher.state !== "idle" };
}

function RoleForm({ person, isAdmin }: { person: Person; isAdmin: boolean }) {
  const { t } = useTranslation();
  const { fetcher, form, fields, busy } = useRowForm(`role-${person.id}`, roleSchema, { role: person.role });
  return (
    <fetcher.Form method="post" className="inline-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="role" />
      <input type="hidden" name="userId" value={person.id} />
      <SelectField field={fields.role} label={t("people.roleOf", { email: person.email })} hideLabel>
        {ROLES.filter((role) => isAdmin || role !== "admin").map((role) => (
          <option key={role} value={role}>
            {t(`people.roles.${role}`)}
          </option>
        ))}
      </SelectField>{" "}
      <button type="submit" className="button button-secondary" disabled={busy}>
        {t("people.change")}
      </button>
      <FormErrors form={form} />
    </fetcher.Form>
  );
}

function ActiveForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { fetcher, form, busy } = useRowForm(`active-${person.id}`, activeSchema);
  return (
    <fetcher.Form method="post" className="inline-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={person.deactivated ? "reactivate" : "deactivate"} />
      <input type="hidden" name="userId" value={person.id} />
      <button
        type="submit"
        className="link-button"
        disabled={busy}
        aria-label={t(person.deactivated ? "people.reactivateNamed" : "people.deactivateNamed", {
          email: person.email,
        })}
      >
        {t(person.deactivated ? "people.reactivate" : "people.deactivate")}
      </button>
      <FormErrors form={form} />
    </fetcher.Form>
  );
}

function EraseForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { fetcher, form, fields, busy } = useRowForm(`erase-${person.id}`, eraseSchema);
  return (
    <details>
      <summary>{t("people.erase")}</summary>
      <fetcher.Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="erase" />
        <input type="hidden" name="userId" value={person.id} />
        <p className="field-hint">{t("people.eraseHint")}</p>
        <FormErrors form={form} />
        <InputField
          field={fields.confirmEmail}
          type="email"
          label={t("people.eraseConfirm", { email: person.email })}
          inputProps={{ required: true, autoComplete: "off" }}
        />
        <button type="submit" className="button button-danger" disabled={busy}>
          {t("people.eraseNamed", { email: person.email })}
        </button>
      </fetcher.Form>
    </details>
  );
}
